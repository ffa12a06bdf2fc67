// The Email Provider form's field labels, exactly as the product names them (form, audit trail, tests).
export const EMAIL_PROVIDER_LABELS = {
  host: 'Server Host',
  port: 'Server Port',
  fromAddress: 'From Address',
  replyTo: 'Reply-to Address',
  username: 'Username',
  password: 'Password',
  displayName: 'Display Name',
} as const
