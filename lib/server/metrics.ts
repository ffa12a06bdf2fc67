import 'server-only'
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'

// Prometheus metrics of this process (prom-client). No organization ids as labels: per-org figures are in the console.

type TMetrics = {
  registry: Registry
  outboxMessages: Gauge<'status'>
  outboxOldestDueSeconds: Gauge
  deliveries: Counter<'outcome' | 'provider_kind'>
  deliveryDuration: Histogram
  testEmails: Counter<'outcome'>
  tokenRequests: Counter<'outcome'>
  rateLimitRejections: Counter<'limit'>
}

const holder = globalThis as typeof globalThis & { __metrics?: TMetrics }

function createMetrics(): TMetrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const registers = [registry]
  return {
    registry,
    outboxMessages: new Gauge({ name: 'email_outbox_messages', help: 'Outbox messages by status (all organizations)', labelNames: ['status'], registers }),
    outboxOldestDueSeconds: new Gauge({ name: 'email_outbox_oldest_due_seconds', help: 'Age of the oldest message due for delivery', registers }),
    deliveries: new Counter({
      name: 'email_deliveries_total',
      help: 'Delivery attempts by outcome (sent, retried, held, failed, fallback) and provider kind (custom, default, capture)',
      labelNames: ['outcome', 'provider_kind'],
      registers,
    }),
    deliveryDuration: new Histogram({
      name: 'email_delivery_duration_seconds',
      help: 'From enqueue to accepted by the SMTP server',
      buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600, 21600, 86400],
      registers,
    }),
    testEmails: new Counter({ name: 'email_test_emails_total', help: 'Test emails by outcome (sent, failed)', labelNames: ['outcome'], registers }),
    tokenRequests: new Counter({
      name: 'email_token_requests_total',
      help: 'OAuth 2.0 token requests by outcome (ok, error)',
      labelNames: ['outcome'],
      registers,
    }),
    rateLimitRejections: new Counter({ name: 'rate_limit_rejections_total', help: 'Requests refused by a rate limit', labelNames: ['limit'], registers }),
  }
}

/** This process's metrics (one registry per process, surviving Next's module re-evaluation). */
export function getMetrics(): TMetrics {
  holder.__metrics ??= createMetrics()
  return holder.__metrics
}
