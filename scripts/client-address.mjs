/**
 * The client's address for rate limiting: the socket's peer, or — behind `trustedHops` reverse proxies that each
 * append to X-Forwarded-For — the hop the outermost trusted proxy saw. Hops a client wrote itself are never used.
 * @param {string | string[] | undefined} forwardedFor
 * @param {string | undefined} socketAddress
 * @param {number} trustedHops
 */
export function clientAddress(forwardedFor, socketAddress, trustedHops) {
  const forwarded = [forwardedFor ?? '']
    .flat()
    .join(',')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean)
  const chain = [...forwarded, socketAddress ?? 'unknown']
  return chain[Math.max(0, chain.length - 1 - trustedHops)]
}
