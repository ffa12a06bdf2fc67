// Shapes of the delivery feature that its server code and its components share (types only, client-safe).

/** One bar of the delivery chart: a day or an hour (UTC), from `start`. */
export type TDeliveryBucket = { start: Date; delivered: number; retried: number; failed: number }

/** The organization's delivery health at a glance. */
export type TDeliveryStats = {
  days: TDeliveryBucket[]
  hours: TDeliveryBucket[]
  /** delivered ÷ finished (delivered or failed) over the 7 days, or null when nothing finished */
  deliveryRate: number | null
  /** median from queued to accepted over the 7 days, or null */
  medianMs: number | null
}

/** How the organization's provider is doing, as the worker last saw it (null: no email went out yet). */
export type TDeliveryHealthView = {
  lastDeliveredAt: Date | null
  failingSince: Date | null
  failureCause: string | null
  failureHint: string | null
  /** when mail last started going elsewhere: what is shown counts from then */
  targetChangedAt: Date | null
}
