import { useSyncExternalStore } from 'react'

const subscribe = () => () => {}

/** False in the server HTML, true once React has taken over: submit buttons wait for it, so a click is never lost. */
export function useIsHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  )
}
