import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, openDatabase } from '@lib/platform';
import { runAudit, STORELESS_VERBS } from './audit-cli.js';
import { signerOf } from './record-signer.js';

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  strict: false,
});

let database;
try {
  if (positionals.length === 0 || (STORELESS_VERBS.has(String(positionals[0])) && values.round === undefined) || values.help) {
    process.exitCode = await runAudit({ argv: process.argv.slice(2), store: null });
  } else {
    const config = loadConfig();
    // Only the report signs; the other verbs never open the key file.
    const signer = positionals[0] === 'report' ? await signerOf(config) : null;
    const opened = await openDatabase(config);
    database = opened;
    process.exitCode = await runAudit({
      argv: process.argv.slice(2),
      store: opened.eventStore,
      signer,
      refuseUnsigned: config.NODE_ENV === 'production',
      // The read models live where the app keeps them: DATABASE_URL's PostgreSQL, else the embedded PGlite.
      readModels: async () => {
        const { openReadModels } = await import('@lib/projections');
        return openReadModels(config.DATABASE_URL ? { url: config.DATABASE_URL } : { pglite: opened.pglite! });
      },
    });
  }
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : `audit failed: ${error instanceof Error ? error.message : String(error)}`}\n`);
  process.exitCode = error instanceof ConfigError ? 78 : 1;
} finally {
  await database?.close();
}
