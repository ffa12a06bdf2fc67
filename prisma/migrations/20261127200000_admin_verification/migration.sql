-- Console admins verify their email address: the verification email, and the note to an address that signs up again.
ALTER TYPE "OutboxKind" ADD VALUE 'admin_verify';
ALTER TYPE "OutboxKind" ADD VALUE 'admin_signup_attempt';
