import { ConfigError, loadConfig, openDatabase } from '@lib/platform';
import { createApiApp } from './create-api-app.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every setting.\n`);
      process.exit(78);
    }
    throw error;
  }
  const database = await openDatabase(config);
  const app = await createApiApp({ config, eventStore: database.eventStore, database });
  await app.listen(config.PORT, config.HOST);
  process.stdout.write(`inwonersbudget api (${config.mode} mode) listening on http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT} — OpenAPI at /docs\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`inwonersbudget api failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
