// Prometheus metrics (prom-client): one registry per process, created by the
// composition root and handed to whatever counts something. Label values are
// closed sets (kinds, outcomes, our own command names), never user input.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'

export interface OutboxStats {
  /** rows waiting to be sent (pending or being sent) */
  depth: number
  /** seconds since the oldest of them was due; 0 when none */
  oldestAgeSeconds: number
}

export interface MetricsSources {
  /** read when /metrics is scraped; omitted in processes without an outbox */
  outbox?: () => Promise<OutboxStats>
}

export function createMetrics(sources: MetricsSources = {}) {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const registers = [registry]
  const metrics = {
    registry,
    updates: new Counter({ name: 'bot_updates_total', help: 'Updates handled, by kind and command', labelNames: ['kind', 'command'] as const, registers }),
    updateSeconds: new Histogram({
      name: 'bot_update_duration_seconds',
      help: 'Time to handle an update, by kind',
      labelNames: ['kind'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    deliveries: new Counter({ name: 'deliveries_total', help: 'Outbox rows handled, by kind and outcome (sent, retried, blocked, failed)', labelNames: ['kind', 'outcome'] as const, registers }),
    telegram429: new Counter({ name: 'telegram_429_total', help: 'Bot API answers 429 Too Many Requests while delivering', registers }),
    plannerTickSeconds: new Histogram({ name: 'digest_planner_tick_seconds', help: 'Duration of the digest planner\'s minute tick', buckets: [0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10, 30], registers }),
    sourcePolls: new Counter({ name: 'source_polls_total', help: 'Feed polls, by outcome', labelNames: ['outcome'] as const, registers }),
    sourceItems: new Counter({ name: 'source_items_ingested_total', help: 'Feed items stored as new articles', registers }),
    llmCalls: new Counter({ name: 'llm_calls_total', help: 'LLM summary calls, by outcome', labelNames: ['outcome'] as const, registers }),
  }
  if (sources.outbox) {
    const read = sources.outbox
    // both gauges come from one query per scrape
    let pending: Promise<OutboxStats> | undefined
    const stats = () => (pending ??= read().finally(() => setTimeout(() => (pending = undefined), 0)))
    new Gauge({ name: 'outbox_depth', help: 'Deliveries waiting to be sent', registers, async collect() {
      this.set((await stats()).depth)
    } })
    new Gauge({ name: 'outbox_oldest_due_seconds', help: 'Age of the oldest delivery waiting to be sent', registers, async collect() {
      this.set((await stats()).oldestAgeSeconds)
    } })
  }
  return metrics
}

export type Metrics = ReturnType<typeof createMetrics>
