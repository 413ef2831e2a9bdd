import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import type { EventStore } from '@lib/event-store';
import { AdvisoryLock, AppConfig, databaseOf, EVENT_STORE, InProcessLock, Reactors, READINESS_CHECKS, type ReadinessCheck } from '@lib/platform';
import { ReadModelReactorCheckpoints } from '../projector/reactor-checkpoints.js';
import { lagText } from '../projector/projection-lag.js';
import { addLagSource, type ProjectionLag } from '../projector/projection-metrics.js';
import { Projector, projectionStatuses, type ProjectionStatus } from '../projector/projector.js';
import type { ReadModelDatabase } from '../read-model-database.js';
import { ALL_PROJECTIONS, openReadModels } from '../read-models.js';
import { READ_MODEL_SCHEMA } from '../read-model-database.js';

/**
 * The api's handle on the read models: opens them on the process's database (PostgreSQL, or the PGlite
 * the event store runs on; an in-memory PGlite when the event store is in memory), runs the projector in
 * process when configured, contributes the projections to readiness and lag to the metrics.
 */
@Injectable()
export class ReadModelsService implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Projector');
  private opening: Promise<ReadModelDatabase> | undefined;
  private ownedPglite: { close(): Promise<void> } | undefined;
  private projector: Projector | undefined;
  private unregisterLag: (() => void) | undefined;

  constructor(
    private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
    private readonly reactors: Reactors,
  ) {}

  /** In process unless PROJECTOR_IN_PROCESS says otherwise; by default only in embedded mode on the process's own database. */
  get inProcess(): boolean {
    return this.config.PROJECTOR_IN_PROCESS ?? (this.config.mode === 'embedded' && databaseOf(this.store) !== undefined);
  }

  onModuleInit(): void {
    // The reactors keep their checkpoints beside the projections' whenever the process has a SQL database.
    if (databaseOf(this.store) || this.config.DATABASE_URL) {
      const lock = this.config.DATABASE_URL ? new AdvisoryLock(this.config.DATABASE_URL, READ_MODEL_SCHEMA, 'reactor') : new InProcessLock();
      this.reactors.useStorage({ checkpoints: new ReadModelReactorCheckpoints(() => this.db()), lock });
    }
    if (!this.inProcess && !databaseOf(this.store) && !this.config.DATABASE_URL) return;
    this.checks.push({ name: 'projections', check: () => this.readiness() });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.inProcess) {
      if (databaseOf(this.store) || this.config.DATABASE_URL) this.unregisterLag = addLagSource(async () => (await this.statuses()).map(toLag));
      return;
    }
    const db = await this.db();
    this.projector = new Projector({
      store: this.store,
      db,
      projections: ALL_PROJECTIONS,
      logger: { info: (m, d) => this.logger.log(m, d), error: (m, d) => this.logger.error(m, d) },
    }).start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.unregisterLag?.();
    // The reactors write their checkpoints here: they stop before the database closes.
    await this.reactors.stop();
    await this.projector?.stop();
    const db = await this.opening?.catch(() => undefined);
    await db?.close();
    await this.ownedPglite?.close();
  }

  /** The read-model database, opened on first use. */
  db(): Promise<ReadModelDatabase> {
    this.opening ??= this.open();
    return this.opening;
  }

  /** Projections' state and lag, from the checkpoint table. */
  async statuses(): Promise<ProjectionStatus[]> {
    return projectionStatuses(this.store, await this.db(), ALL_PROJECTIONS);
  }

  /** Waits until the in-process projector has committed every event (tests, imports). */
  async settled(timeoutMs?: number): Promise<void> {
    await this.projector?.settled(timeoutMs);
  }

  private async readiness(): Promise<{ up: boolean; details: Record<string, unknown> }> {
    try {
      const statuses = await this.statuses();
      const details: Record<string, unknown> = {};
      for (const s of statuses) details[s.projection] = { status: s.status, position: s.position, lagEvents: s.lagEventsCapped ? lagText({ events: s.lagEvents, capped: true }) : s.lagEvents, lagSeconds: Math.round(s.lagSeconds), ...(s.failure ? { failure: s.failure } : {}) };
      return { up: statuses.every((s) => s.status !== 'failed'), details };
    } catch (error) {
      return { up: false, details: { error: error instanceof Error ? error.message : String(error) } };
    }
  }

  private async open(): Promise<ReadModelDatabase> {
    const database = databaseOf(this.store);
    if (database?.pglite) return openReadModels({ pglite: database.pglite });
    if (this.config.DATABASE_URL) return openReadModels({ url: this.config.DATABASE_URL });
    const { PGlite } = await import('@electric-sql/pglite');
    const pglite = await PGlite.create('memory://');
    this.ownedPglite = pglite;
    return openReadModels({ pglite });
  }
}

function toLag(s: ProjectionStatus): ProjectionLag {
  return { projection: s.projection, events: s.lagEvents, capped: s.lagEventsCapped, seconds: s.lagSeconds };
}
