import { Counter, Gauge, Histogram } from 'prom-client';
import { metricsRegistry } from '@lib/platform';

/** Lag as a collector computes it on scrape, one entry per projection. */
export type LagSource = () => Promise<ProjectionLag[]>;

/** `events` is at least that many when `capped`. */
export interface ProjectionLag {
  projection: string;
  events: number;
  capped?: boolean;
  seconds: number;
}

const lagSources = new Set<LagSource>();

/** Registers where lag comes from (a projector, or the api reading checkpoints); returns the unregister function. */
export function addLagSource(source: LagSource): () => void {
  lagSources.add(source);
  return () => lagSources.delete(source);
}

async function collectLag(): Promise<ProjectionLag[]> {
  const all = await Promise.all([...lagSources].map((source) => source().catch(() => [])));
  return all.flat();
}

/** The projector's Prometheus metrics, in the platform's registry. */
export const projectionMetrics = {
  handled: new Counter({ name: 'projection_events_handled_total', help: 'Events a projection committed', labelNames: ['projection'] as const, registers: [metricsRegistry] }),
  failed: new Gauge({ name: 'projection_failed', help: '1 when the projection stopped at an event it could not handle', labelNames: ['projection'] as const, registers: [metricsRegistry] }),
  batchSeconds: new Histogram({
    name: 'projection_batch_duration_seconds',
    help: 'Time to commit one batch of events with its checkpoint',
    labelNames: ['projection'] as const,
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
    registers: [metricsRegistry],
  }),
  lagEvents: new Gauge({
    name: 'projection_lag_events',
    help: 'Events in $all a projection handles and has not committed yet (at least this many when projection_lag_events_capped is 1)',
    labelNames: ['projection'] as const,
    registers: [metricsRegistry],
    async collect() {
      this.reset();
      for (const lag of await collectLag()) this.set({ projection: lag.projection }, lag.events);
    },
  }),
  lagEventsCapped: new Gauge({
    name: 'projection_lag_events_capped',
    help: '1 when projection_lag_events stopped counting at its cap (1,000,000 on PostgreSQL, 10,000 on other stores)',
    labelNames: ['projection'] as const,
    registers: [metricsRegistry],
    async collect() {
      this.reset();
      for (const lag of await collectLag()) this.set({ projection: lag.projection }, lag.capped ? 1 : 0);
    },
  }),
  lagSeconds: new Gauge({
    name: 'projection_lag_seconds',
    help: 'Age of the oldest event a projection has not committed yet (0 when caught up)',
    labelNames: ['projection'] as const,
    registers: [metricsRegistry],
    async collect() {
      this.reset();
      for (const lag of await collectLag()) this.set({ projection: lag.projection }, lag.seconds);
    },
  }),
};
