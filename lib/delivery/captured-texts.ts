// What the console says of an email the platform captured instead of sending (no mail service is set up): never
// "sent", and where to open it.

export const CAPTURED_REASON = 'this platform has no mail service yet'

export const capturedTexts = {
  verificationLink: (email: string) => `The link to ${email} was captured, not sent.`,
  newVerificationLink: (email: string) => `A new link to ${email} was captured, not sent: open it under Email Provider › Recent deliveries.`,
  invitation: (email: string) => `Invitation to ${email} captured, not sent: ${CAPTURED_REASON}. Open it under Email Provider › Recent deliveries.`,
  invitationAgain: 'New invitation captured, not sent: open it under Email Provider › Recent deliveries',
  signUp: `The email was captured, not sent: ${CAPTURED_REASON}.`,
  /** The captured email's page: why it was not sent, and who can change that, by who the email was for. */
  capturedEmail: (isForAdmins: boolean) =>
    isForAdmins
      ? `Captured, not sent: ${CAPTURED_REASON}. Emails to the console’s admins, like this one, always go through the platform’s mail service, never through your Email Provider: the platform’s operator can set one up.`
      : `Captured, not sent: it was queued while your organization had no email provider, and ${CAPTURED_REASON}. Configure your Email Provider to deliver emails like it to your users.`,
} as const
