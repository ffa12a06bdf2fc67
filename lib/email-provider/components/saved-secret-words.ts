import type { TSecretField } from '@/lib/email-provider/fields'

// What Revert deletes besides the server settings: only a secret that is really saved.
export const SAVED_SECRET_WORDS: Record<TSecretField, string> = {
  password: 'the saved password',
  clientSecret: 'the saved client secret',
  serviceAccountKey: 'the saved service account key',
  apiKey: 'the saved API key',
}

/** The consequence of Revert in words that match what is saved. */
export function revertConsequence(savedSecret: TSecretField | null): string {
  const deleted = savedSecret ? `your custom settings, including ${SAVED_SECRET_WORDS[savedSecret]}` : 'your custom settings (no password or secret is saved)'
  return `Deletes ${deleted}. Emails are then sent by the platform’s default provider.`
}
