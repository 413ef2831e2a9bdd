import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@lib/event-store';

/** What a projection writes with: the transaction that also moves its checkpoint. */
export interface ProjectionContext {
  manager: EntityManager;
  /** Quoted read-model schema, for raw SQL. */
  schema: string;
}

/**
 * A read model's projection (Emmett's shape): it handles batches of events inside the transaction
 * that also writes its checkpoint. Bumping `version` rebuilds it (truncate + replay).
 */
export interface Projection {
  name: string;
  version: number;
  /** Event types it reads (the subscription filter). */
  canHandle: readonly string[];
  /** Tables it owns, unquoted, in the read-model schema. */
  tables: readonly string[];
  handle(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void>;
  /** Empties its tables, inside the rebuild's transaction. */
  truncate(context: ProjectionContext): Promise<void>;
}

/** Truncates the projection's own tables. */
export function truncateTables(tables: readonly string[]): (context: ProjectionContext) => Promise<void> {
  return async ({ manager, schema }) => {
    if (tables.length > 0) await manager.query(`TRUNCATE ${tables.map((t) => `${schema}."${t}"`).join(', ')}`);
  };
}

/** The municipality an event belongs to (every command writes it into the metadata). */
export function tenantOf(event: RecordedEvent): string {
  const tenant = event.metadata.tenant;
  if (typeof tenant !== 'string' || tenant === '') throw new Error(`Event ${event.id} (${event.type}) in ${event.streamName} has no tenant in its metadata`);
  return tenant;
}

/** The id part of `<Category>-<id>`. */
export function streamId(event: RecordedEvent): string {
  return event.streamName.slice(event.streamName.indexOf('-') + 1);
}

/** The event as its stream's union type (type and data), for a `switch` on `type`. */
export function domainEvent<E extends { type: string; data: object }>(event: RecordedEvent): E {
  return { type: event.type, data: event.data } as unknown as E;
}
