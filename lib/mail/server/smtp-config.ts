// Timeouts and the implicit TLS port: shared by the transport factory, security detection and the error classifier.

export type TSmtpTimeouts = { connectionTimeout: number; greetingTimeout: number; socketTimeout: number; dnsTimeout: number }

/** Every failure is reported within ~10 s; nodemailer's defaults (2 min, 30 s, 10 min) would hang the UI. */
export const SMTP_TIMEOUTS: Readonly<TSmtpTimeouts> = {
  // covers TCP, TLS, the greeting and STARTTLS together
  connectionTimeout: 10_000,
  // a silent port costs the security probes (1.5 s greeting + 1 s TLS) before this wait, and DNS, TCP and the page
  // need the rest of the 10 s
  greetingTimeout: 6_500,
  // inactivity per command; a little longer because servers scan the message before answering DATA
  socketTimeout: 15_000,
  dnsTimeout: 5_000,
}

/** The port that speaks TLS from the first byte without any probing. */
export const IMPLICIT_TLS_PORT = 465

/** Knobs for tests only: shorter timeouts, and an ephemeral port standing in for 465. */
export type TSmtpTuning = {
  timeouts?: Partial<TSmtpTimeouts>
  implicitTlsPort?: number
  /** the platform's own server (DEFAULT_SMTP_URL): its failures never name its host or port to admins */
  isPlatformDefault?: boolean
}

/** The timeouts in force for a given tuning. */
export function timeoutsFor(tuning: TSmtpTuning = {}): TSmtpTimeouts {
  return { ...SMTP_TIMEOUTS, ...tuning.timeouts }
}

/** Whether the port is the implicit TLS port (465, or the tuning's stand-in). */
export function isImplicitTls(port: number, tuning: TSmtpTuning = {}): boolean {
  return port === (tuning.implicitTlsPort ?? IMPLICIT_TLS_PORT)
}
