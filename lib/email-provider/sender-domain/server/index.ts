// What a page or a Server Action needs from the sender domain check.
export { checkSenderDomain, senderDomainOf, type TCheckOptions } from './check'
export { checkSenderDomainCached, clearSenderDomainCache, type TCachedCheckOptions } from './cache'
export { createDnsResolver, defaultDnsResolver, type TDnsResolve, type TResolverOptions } from './resolver'
export { platformSenderDomain } from './platform'
