import type { FieldValues, Resolver } from 'react-hook-form'

/**
 * A resolver that loads the real one (zod and the schema) on first use: validation runs on submit, so the page does
 * not need zod to render or hydrate. The chunk is fetched once, on the first submit or test email.
 */
export function lazyResolver<T extends FieldValues>(load: () => Promise<Resolver<T>>): Resolver<T> {
  let resolver: Promise<Resolver<T>> | undefined
  return async (values, context, options) => (await (resolver ??= load()))(values, context, options)
}
