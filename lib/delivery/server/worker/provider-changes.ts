import 'server-only'

// In-process notice that an organization's provider settings changed: this process's workers drop what they cached
// for it at once (other instances see the new settings version with their next claim).

type TListener = (orgId: string) => void

const listeners = new Set<TListener>()

/** Calls `listener` whenever an organization's provider settings change; returns the function that stops it. */
export function onProviderChange(listener: TListener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Tells this process's workers that the organization's provider settings changed. */
export function announceProviderChange(orgId: string): void {
  for (const listener of listeners) listener(orgId)
}
