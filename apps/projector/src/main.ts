import { loadConfigOrExit, openDatabase } from '@lib/platform';
import { ALL_PROJECTIONS, openReadModels, Projector } from '@lib/projections';

/** The projector process: no HTTP; follows $all into the read models until SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  // 1. Open the event store and the read-model database (PostgreSQL, or the PGlite under DATA_DIR).
  const database = await openDatabase(config);
  const db = await openReadModels(config.DATABASE_URL ? { url: config.DATABASE_URL } : { pglite: database.pglite! });
  // 2. Every projection whose advisory lock this process gets (PostgreSQL), over one $all subscription; the others are tried every 2 s.
  const log = (level: string, message: string, details?: Record<string, unknown>) =>
    process.stdout.write(`${JSON.stringify({ level, time: new Date().toISOString(), msg: message, ...details })}\n`);
  const projector = new Projector({
    store: database.eventStore,
    db,
    projections: ALL_PROJECTIONS,
    logger: { info: (m, d) => log('info', m, d), error: (m, d) => log('error', m, d) },
  }).start();
  log('info', `projector (${config.mode} mode) running ${ALL_PROJECTIONS.map((p) => `${p.name}@v${p.version}`).join(', ')}`);
  // 3. Stop cleanly: the current batch commits or rolls back with its checkpoints.
  const stop = async (): Promise<void> => {
    await projector.stop();
    await db.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`inwonersbudget projector failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
