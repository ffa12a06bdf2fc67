// `node --import tsx --import ./bench/support/hooks.mjs …`: benchmark children load lib/ code outside Next,
// where the "server-only" marker would throw; here it resolves to an empty module (as in vitest's alias).
import { register } from 'node:module'

register('./server-only-resolve.mjs', import.meta.url)
