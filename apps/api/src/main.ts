import type { Server, ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { ConfigError, EXIT_CONFIG, loadConfigOrExit, openDatabase } from '@lib/platform';
import { createApiApp } from './create-api-app.js';

/** Longest SIGTERM waits for in-flight requests before cutting the remaining connections (below Kubernetes' 30 s grace). */
const DRAIN_TIMEOUT_MS = 25_000;

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const database = await openDatabase(config);
  const app = await createApiApp({ config, eventStore: database.eventStore, database, shutdownHooks: false });
  await app.listen(config.PORT, config.HOST);
  drainOnSignals(app);
  process.stdout.write(`inwonersbudget api (${config.mode} mode) listening on http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT} — OpenAPI at /docs\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`inwonersbudget api failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  // A configuration found unusable while starting (the proces-verbaal key file) exits as an invalid configuration does.
  process.exit(error instanceof ConfigError ? EXIT_CONFIG : 1);
});

/**
 * Graceful shutdown on SIGTERM/SIGINT: stop accepting connections, let in-flight requests finish
 * (responses then close their keep-alive connection), then run Nest's shutdown hooks and close the
 * databases, and exit 0. After DRAIN_TIMEOUT_MS the remaining connections are cut.
 */
function drainOnSignals(app: INestApplication): void {
  const server = app.getHttpServer() as Server;
  let draining = false;
  const inFlight = new Set<ServerResponse>();
  server.on('request', (_request, response: ServerResponse) => {
    if (draining) response.setHeader('Connection', 'close');
    inFlight.add(response);
    response.on('close', () => {
      inFlight.delete(response);
      // A keep-alive connection that just went idle is closed at once while draining.
      if (draining) setImmediate(() => server.closeIdleConnections());
    });
  });
  const shutdown = (signal: NodeJS.Signals) => {
    if (draining) return;
    draining = true;
    process.stdout.write(`inwonersbudget api: ${signal} received, draining ${inFlight.size} in-flight request(s)\n`);
    for (const response of inFlight) if (!response.headersSent) response.setHeader('Connection', 'close');
    const drained = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const timer = setTimeout(() => server.closeAllConnections(), DRAIN_TIMEOUT_MS);
    drained
      .then(async () => {
        clearTimeout(timer);
        await app.close();
        process.stdout.write('inwonersbudget api: stopped\n');
        process.exit(0);
      })
      .catch((error: unknown) => {
        process.stderr.write(`inwonersbudget api: shutdown failed: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      });
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}
