import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { SqlDriver } from '@lib/event-store';
import { type AppConfig, CBS_MUNICIPALITY_CODE, ConfigError, loadConfig, openDatabase } from '@lib/platform';
import { exportPabulib, importPabulib, FileRoundKeyVault, moveSqlRoundKeys, tenantOfRound, type VotingDeps } from '@lib/voting';

const USAGE = `usage:
  npm run --silent pabulib -- import FILE.pb [--tenant GM0363]   prints the new round's id
  npm run --silent pabulib -- export ROUND_ID                    writes the Pabulib file to stdout
Runs against the configured store (DATA_DIR's PGlite, or DATABASE_URL / EVENTSTORE_URL).
The tenant defaults to PABULIB_TENANT, else GM0000 (an imported research election belongs to no municipality).`;

/** Parses `import FILE [--tenant X]` / `export ROUND_ID`. */
export function parseArgs(argv: string[]): { command: 'import'; file: string; tenant: string } | { command: 'export'; roundId: string } {
  const [command, target, ...rest] = argv;
  if (command === 'export' && target && rest.length === 0) return { command, roundId: target };
  if (command === 'import' && target) {
    let tenant = process.env.PABULIB_TENANT ?? 'GM0000';
    if (rest.length === 2 && rest[0] === '--tenant') tenant = rest[1]!;
    else if (rest.length !== 0) throw new UsageError(USAGE);
    if (!CBS_MUNICIPALITY_CODE.test(tenant)) throw new UsageError(`--tenant must be a CBS code such as GM0363, not ${tenant}`);
    return { command, file: target, tenant };
  }
  throw new UsageError(USAGE);
}

class UsageError extends Error {}

/** The installation's key directory (ROUND_KEY_DIR), with any keys still in the old database table moved into it. */
async function roundKeyVault(config: AppConfig, sql: SqlDriver): Promise<FileRoundKeyVault> {
  const vault = await FileRoundKeyVault.open(config.roundKeyDir);
  await moveSqlRoundKeys(sql, vault);
  return vault;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    const deps: VotingDeps = { store: database.eventStore, vault: await roundKeyVault(config, database.sql), now: () => new Date(), newId: () => randomUUID() };
    if (args.command === 'import') {
      const text = await readFile(args.file, 'utf8');
      const context = { actor: 'pabulib-import', role: 'administrator', tenant: args.tenant, correlationId: randomUUID(), now: new Date() };
      const { roundId, ballots } = await importPabulib(deps, text, context);
      process.stderr.write(`imported ${ballots} ballots\n`);
      process.stdout.write(`${roundId}\n`);
    } else {
      const tenant = await tenantOfRound(deps.store, args.roundId);
      process.stdout.write(await exportPabulib(deps.store, args.roundId, tenant));
    }
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) process.stderr.write(`${error.message}\n`);
  else if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else {
    const code = (error as { code?: unknown }).code;
    process.stderr.write(`pabulib: ${typeof code === 'string' ? `${code}: ` : ''}${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
