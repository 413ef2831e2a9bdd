/**
 * Runs the EventStoreDB test double by hand: `npx tsx test/esdb-double/main.ts [port]`.
 * Prints the connection string; Ctrl-C stops it. For tests and local experiments only.
 */
import { EsdbDouble } from './esdb-double.js';

const double = new EsdbDouble();
const port = await double.start(Number(process.argv[2] ?? 0));
process.stdout.write(`EventStoreDB test double on esdb://127.0.0.1:${port}?tls=false\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void double.stop().then(() => process.exit(0)));
}
