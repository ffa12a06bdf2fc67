// Vitest runs outside React's server graph; the "server-only" marker has nothing to guard there.
export {}
