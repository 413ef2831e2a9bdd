/**
 * A private, throwaway PostgreSQL cluster for tests that stop the server (the machine's shared server
 * serves other test files in parallel and must never be stopped). initdb + pg_ctl in a temporary
 * directory, loopback only, trust authentication, a free port. As root, the binaries run as the
 * `postgres` OS user (initdb and postgres refuse root). Missing binaries fail loudly, never skip.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chown, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Stop commands of the clusters still running, so a test process that dies does not leave servers behind. */
const runningClusters = new Map<string, [string, string[]]>();
let exitHook = false;
function stopOnExit(data: string, command: [string, string[]] | undefined): void {
  if (command) runningClusters.set(data, command);
  else runningClusters.delete(data);
  if (exitHook) return;
  exitHook = true;
  process.on('exit', () => {
    for (const [file, args] of runningClusters.values()) {
      try {
        execFileSync(file, args, { stdio: 'ignore', timeout: 10_000 });
      } catch {
        // best effort
      }
    }
  });
}

export interface PgCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  url: string;
  port: number;
  /** URL of another database in the cluster. */
  urlOf(database: string): string;
  /** Starts the server again after `stop()`, on the same port and data. */
  start(): Promise<void>;
  /** `immediate` is a crash (no checkpoint, connections cut); `fast` a clean shutdown. */
  stop(mode?: 'immediate' | 'fast'): Promise<void>;
  running(): boolean;
  /** Stops the server (if running) and removes every file. */
  destroy(): Promise<void>;
  /** The server's log so far (for failure messages). */
  log(): Promise<string>;
}

/** Where initdb and pg_ctl live: PG_BIN, else the newest /usr/lib/postgresql/<major>/bin. */
export async function findPgBin(): Promise<string> {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const majors = (await readdir(base)).filter((m) => /^\d+$/.test(m)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...majors.map((m) => join(base, m, 'bin')));
  }
  const found = candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  if (!found) {
    throw new Error(
      `No PostgreSQL server binaries (initdb, pg_ctl) found in ${candidates.length ? candidates.join(', ') : `${base}/<major>/bin`}. ` +
        'This test starts a private PostgreSQL cluster: install the server package (e.g. postgresql-15) or set PG_BIN to the directory holding initdb and pg_ctl.',
    );
  }
  return found;
}

/** A port nobody listens on right now (loopback). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function postgresUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
    return { uid, gid };
  } catch {
    throw new Error('Running as root, but there is no `postgres` OS user to run initdb and postgres as (they refuse root). Create one or run the tests as a normal user.');
  }
}

/** Creates and starts a private cluster. Call `destroy()` in afterAll. */
export async function startPgCluster(options: { settings?: Record<string, string> } = {}): Promise<PgCluster> {
  const bin = await findPgBin();
  const owner = await postgresUser();
  const dir = await mkdtemp(join(tmpdir(), 'pg-cluster-'));
  if (owner) await chown(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  const logFile = join(dir, 'server.log');
  const commandLine = (command: string, args: string[]): [string, string[]] =>
    owner ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]] : [join(bin, command), args];
  const asOwner = (command: string, args: string[]) => {
    const [file, argv] = commandLine(command, args);
    return run(file, argv, { cwd: dir, timeout: 60_000, env: { ...process.env, LC_ALL: 'C', LANG: 'C' } });
  };
  const port = await freePort();
  let running = false;
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: `'${dir}'`,
    // The OS never crashes in these tests; skipping fsync keeps a noisy 2-core machine fast.
    fsync: 'off',
    full_page_writes: 'off',
    max_connections: '100',
    ...options.settings,
  };
  const serverOptions = [`-p ${port}`, ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`)].join(' ');

  try {
    await asOwner('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${(error as { stderr?: string }).stderr ?? String(error)}`, { cause: error });
  }

  const cluster: PgCluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    urlOf: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async start() {
      try {
        await asOwner('pg_ctl', ['-D', data, '-l', logFile, '-o', serverOptions, '-w', '-t', '60', 'start']);
      } catch (error) {
        throw new Error(`pg_ctl start failed: ${(error as { stderr?: string }).stderr ?? String(error)}\n${await cluster.log()}`, { cause: error });
      }
      running = true;
      stopOnExit(data, commandLine('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']));
    },
    async stop(mode = 'immediate') {
      await asOwner('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '60', 'stop']);
      running = false;
      stopOnExit(data, undefined);
    },
    running: () => running,
    async destroy() {
      if (running) await cluster.stop('immediate');
      await rm(dir, { recursive: true, force: true });
    },
    log: () => readFile(logFile, 'utf8').catch(() => ''),
  };
  try {
    await cluster.start();
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return cluster;
}
