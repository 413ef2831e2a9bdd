import type { PGliteInterface } from '@electric-sql/pglite';
import { createPgliteDriver } from './sql-client.js';
import { createSqlEventStore, type SqlEventStore, type SqlEventStoreOptions } from './sql-event-store.js';

export interface PgliteEventStoreOptions extends SqlEventStoreOptions {
  /** An open PGlite instance (the caller keeps owning it), e.g. the one TypeORM also uses. */
  pglite?: PGliteInterface;
  /** Where to open a new PGlite when none is given (`memory://` for a throw-away one). */
  dataDir?: string;
}

/** The event store embedded in PGlite; migrates its schema on open. */
export async function createPgliteEventStore(options: PgliteEventStoreOptions): Promise<SqlEventStore> {
  let pglite = options.pglite;
  const ownsInstance = !pglite;
  if (!pglite) {
    const { PGlite } = await import('@electric-sql/pglite');
    pglite = await PGlite.create(options.dataDir ?? 'memory://');
  }
  const driver = createPgliteDriver(pglite, { ownsInstance });
  try {
    return await createSqlEventStore(driver, options);
  } catch (error) {
    await driver.close().catch(() => undefined);
    throw error;
  }
}
