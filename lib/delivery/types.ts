// Client-safe shapes of the delivery feature.

/** How the organization's provider is doing, as the worker last saw it (null: no email went out yet). */
export type TDeliveryHealthView = {
  lastDeliveredAt: Date | null
  failingSince: Date | null
  failureCause: string | null
  failureHint: string | null
}
