// Module resolve hook (registered by hooks.mjs): "server-only" resolves as inside React's server graph, to its
// empty module; every other import keeps the normal conditions.
export async function resolve(specifier, context, next) {
  if (specifier === 'server-only') return next(specifier, { ...context, conditions: [...context.conditions, 'react-server'] })
  return next(specifier, context)
}
