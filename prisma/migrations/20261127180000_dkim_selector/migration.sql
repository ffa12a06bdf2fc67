-- Custom SMTP: the selector of the DKIM key the Sender domain check looks up (presets know theirs).
ALTER TABLE "email_provider_settings" ADD COLUMN "dkimSelector" TEXT;
