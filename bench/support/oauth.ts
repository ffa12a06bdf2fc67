// The OAuth 2.0 delivery run: a local token endpoint (HTTPS, the run's test CA) whose tokens the sink accepts.
import { startTokenEndpoint, tokenAnswer, type TTokenEndpoint } from '../../tests/support/token-endpoint'

/** Access tokens the benchmark's token endpoint issues start with this; the sink accepts exactly those. */
export const BENCH_TOKEN_PREFIX = 'bench-token-'
export const BENCH_CLIENT = { clientId: 'bench-app', clientSecret: 'bench-client-secret', scope: 'https://outlook.office365.com/.default' }

/** A token endpoint issuing hour-long tokens to the bench client; `calls` counts the requests (one per instance expected). */
export function startBenchTokenEndpoint(): Promise<TTokenEndpoint> {
  let issued = 0
  return startTokenEndpoint(({ params }) =>
    params.get('client_secret') === BENCH_CLIENT.clientSecret
      ? tokenAnswer(`${BENCH_TOKEN_PREFIX}${++issued}`, 3600)
      : { status: 401, json: { error: 'invalid_client' } },
  )
}
