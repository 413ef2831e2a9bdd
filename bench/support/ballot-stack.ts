/**
 * What bench:ballots and bench:soak share: a scratch database (PostgreSQL: a database of its own on
 * DATABASE_URL's server, dropped afterwards; PGlite: a temporary DATA_DIR), a seeded round with its
 * voting codes and one voter session per code, the api (and, on PostgreSQL, the projector) as child
 * processes, autocannon, and the memory of a child process from Linux's /proc.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createPgliteDriver, createPostgresEventStore, createSqlEventStore } from '../../libs/event-store/src/index.js';
import { issueLocalToken } from '../../libs/platform/src/auth/token-verifier.js';
import { freePort } from '../../test/support/pg-cluster.js';
import { type AppProcess, builtEntry, spawnApp, startApiProcess } from '../../test/reliability/support/app-process.js';
import { type BallotRound, ballotRequest, openBallotRound, seedBallotRound, TENANT, voterSessions } from '../../test/reliability/support/ballot-workload.js';
import type { LoadRequest } from '../../test/reliability/support/load.js';

export type Mode = 'postgres' | 'pglite';

/** The part of autocannon 9 used here (the package ships no types). */
interface AutocannonRequest {
  method?: string;
  path?: string;
  body?: string;
  headers?: Record<string, string>;
}
interface AutocannonResult {
  '2xx': number;
  '5xx': number;
  errors: number;
  timeouts: number;
  duration: number;
  latency: { p50: number; p99: number };
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannonModule: string = 'autocannon';
export const autocannon = ((await import(autocannonModule)) as { default: Autocannon }).default;

export interface HttpFigures {
  clients: number;
  ok: number;
  /** Answered 4xx (a reused voter's 409, an expired token's 401). */
  refused: number;
  /** No answer, timeouts and 5xx. */
  errors: number;
  /** 2xx answers per second. */
  rate: number;
  p50: number;
  p99: number;
}

export interface Workload {
  next(): LoadRequest;
}

export function databaseUrl(server: string, database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Drives `clients` connections for `duration` seconds (or at `overallRate` requests/s in all), each request built by the workload. */
export async function drive(api: { url: string }, workload: Workload, clients: number, duration: number, overallRate?: number): Promise<HttpFigures> {
  let refusedBodies = 0;
  const result = await autocannon({
    url: api.url,
    connections: clients,
    duration,
    ...(overallRate ? { overallRate } : {}),
    requests: [
      {
        method: 'POST',
        setupRequest: (request: AutocannonRequest) => {
          const next = workload.next();
          return { ...request, path: next.path, body: JSON.stringify(next.body), headers: { ...request.headers, 'content-type': 'application/json', authorization: `Bearer ${next.token!}` } };
        },
        onResponse: (status: number) => {
          if (status >= 400 && status < 500) refusedBodies++;
        },
      },
    ],
  });
  const ok = result['2xx'];
  return {
    clients,
    ok,
    refused: refusedBodies,
    errors: result.errors + result.timeouts + result['5xx'],
    rate: ok / (result.duration || duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

/**
 * An offered load: `rate` requests a second for `duration` seconds, evenly spaced (one every 1/rate s,
 * whether or not the earlier ones were answered: an open loop), over at most `connections` kept-alive
 * connections. Each latency runs from the moment its request was due, so a stall counts for every
 * request it held up. autocannon's `overallRate` is not used for this: it lets each connection send its
 * share of a second at the start of that second, so "250/s" arrives as a burst of 250 each second,
 * and its correction then adds latencies at a 1 ms interval.
 */
export async function paced(api: { url: string }, workload: Workload, connections: number, duration: number, rate: number): Promise<HttpFigures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL(api.url);
  const latencies: number[] = [];
  let ok = 0;
  let refused = 0;
  let errors = 0;
  const send = (request: LoadRequest, due: number) =>
    new Promise<void>((resolve) => {
      const body = JSON.stringify(request.body);
      const outgoing = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          method: request.method,
          path: request.path,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${request.token!}` },
          timeout: 30_000,
        },
        (response) => {
          response.resume();
          response.on('end', () => {
            const status = response.statusCode ?? 0;
            if (status >= 200 && status < 300) ok++;
            else if (status >= 400 && status < 500) refused++;
            else errors++;
            latencies.push(performance.now() - due);
            resolve();
          });
        },
      );
      outgoing.on('timeout', () => outgoing.destroy(new Error('timeout')));
      outgoing.on('error', () => {
        errors++;
        resolve();
      });
      outgoing.end(body);
    });
  const total = Math.round(rate * duration);
  const interval = 1000 / rate;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(send(workload.next(), due));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return { clients: connections, ok, refused, errors, rate: ok / Math.max(elapsed, duration), p50: at(0.5), p99: at(0.99) };
}

/** Resident set of a process in MB: now (VmRSS) and its peak (VmHWM, since it started or since `resetPeak`); undefined where /proc cannot be read. */
export interface Memory {
  rss: number;
  peak: number;
}

export function readMemory(pid: number): Memory | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    const rss = kb('VmRSS');
    const peak = kb('VmHWM');
    return Number.isFinite(rss) && Number.isFinite(peak) ? { rss: rss / 1024, peak: peak / 1024 } : undefined;
  } catch {
    return undefined;
  }
}

/** Resets the process's VmHWM to its current RSS (Linux: "5" to /proc/<pid>/clear_refs); false where that is refused. */
export function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * The peak resident set of processes while `work` runs: VmHWM reset before and read after where the
 * kernel allows, else (and also) the largest VmRSS sampled every 100 ms; per name, in MB.
 */
export async function peakMemory<T>(processes: Record<string, number | undefined>, work: () => Promise<T>): Promise<{ result: T; peaks: Map<string, number> }> {
  const live = Object.entries(processes).filter((entry): entry is [string, number] => entry[1] !== undefined);
  const reset = new Map(live.map(([name, pid]) => [name, resetPeak(pid)]));
  const sampled = new Map<string, number>();
  const sample = () => {
    for (const [name, pid] of live) {
      const memory = readMemory(pid);
      if (memory) sampled.set(name, Math.max(sampled.get(name) ?? 0, memory.rss));
    }
  };
  sample();
  const timer = setInterval(sample, 100);
  try {
    const result = await work();
    sample();
    const peaks = new Map<string, number>();
    for (const [name, pid] of live) {
      const memory = readMemory(pid);
      const hwm = reset.get(name) && memory ? memory.peak : 0;
      const peak = Math.max(hwm, sampled.get(name) ?? 0);
      if (peak > 0) peaks.set(name, peak);
    }
    return { result, peaks };
  } finally {
    clearInterval(timer);
  }
}

export interface BallotQueue {
  round: BallotRound;
  tokens: string[];
  used: number;
}

/** One ballot per voter in order; out of fresh voters, a token is reused (answered 409 BALLOT.ALREADY_CAST and counted as refused). */
export function workloadOf(queue: BallotQueue): Workload {
  return {
    next: () => {
      const i = queue.used++;
      return ballotRequest(queue.round, queue.tokens[i % queue.tokens.length]!, i);
    },
  };
}

export interface StackOptions {
  mode: Mode;
  /** DATABASE_URL: only its server is used (a scratch database is made on it). */
  serverUrl: string;
  voters: number;
  /** Run the built apps (dist/) instead of the TypeScript sources through the transpiler. */
  built: boolean;
  /** On PostgreSQL, the projector process beside the api (embedded mode projects in the api). */
  projector: boolean;
  /** Node options of the api (e.g. --cpu-prof). */
  apiNodeArgs?: string[];
  /**
   * After the set-up (voting codes and voter sessions made through the api), stop the api and the
   * projector and start them again, so what is measured is a process that has only served ballots,
   * not one that still carries the set-up's garbage until V8's next major collection. The voter
   * tokens survive: they are signed with the key in DATA_DIR, the participants are in the store.
   */
  restartAfterSetup: boolean;
  log: (line: string) => void;
}

export interface BallotStack {
  mode: Mode;
  /** The scratch database (PostgreSQL only). */
  databaseUrl?: string;
  dataDir: string;
  round: BallotRound;
  queue: BallotQueue;
  api: AppProcess & { url: string };
  projector?: AppProcess;
  /** Voter sign-ins per second during the set-up (16 clients). */
  signIns: number;
  /** How the apps run: "built (dist/…)" or "TypeScript sources (tsx loader)". */
  apps: string;
  close(): Promise<void>;
}

/** The api (and projector) on a scratch database, a round open for voting, and `voters` voters signed in. */
export async function startBallotStack(options: StackOptions): Promise<BallotStack> {
  const { mode, log } = options;
  const label = mode.padEnd(8);
  const dataDir = await mkdtemp(join(tmpdir(), `bench-ballots-${mode}-`));
  const scratch = `bench_ballots_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
  const admin = mode === 'postgres' ? new pg.Pool({ connectionString: options.serverUrl, max: 1 }) : undefined;
  const env: Record<string, string> = { DATA_DIR: dataDir, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0' };
  let api: (AppProcess & { url: string }) | undefined;
  let projector: AppProcess | undefined;
  const stopApps = async () => {
    for (const child of [projector, api]) {
      if (!child) continue;
      const exit = await child.terminate(30_000).catch((error: unknown) => error);
      if (!(typeof exit === 'object' && exit !== null && 'code' in exit && exit.code === 0)) log(`${child.name} did not stop cleanly: ${exit instanceof Error ? exit.message : JSON.stringify(exit)}`);
    }
    projector = undefined;
    api = undefined;
  };
  const close = async () => {
    await stopApps();
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`).catch((error: unknown) => log(`could not drop ${scratch}: ${String(error)}`));
      await admin.end();
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  const startApps = async () => {
    api = await startApiProcess(env, await freePort(), options.apiNodeArgs ?? [], { built: options.built });
    if (admin && options.projector) {
      projector = spawnApp('projector', { ...env, LOG_LEVEL: 'warn' }, [], { built: options.built });
      await projector.waitFor('projector (server mode) running');
    }
  };
  try {
    // 1. The givens (budget, admitted plans), written before the api opens the database.
    let round: BallotRound;
    if (admin) {
      await admin.query(`CREATE DATABASE ${scratch}`);
      env.DATABASE_URL = databaseUrl(options.serverUrl, scratch);
      const store = await createPostgresEventStore({ connectionString: env.DATABASE_URL, poolSize: 2 });
      round = await seedBallotRound(store);
      await store.close();
    } else {
      const { PGlite } = await import('@electric-sql/pglite');
      const pglite = await PGlite.create(join(dataDir, 'pglite'));
      const store = await createSqlEventStore(createPgliteDriver(pglite));
      round = await seedBallotRound(store);
      await store.close();
      await pglite.close();
    }
    // 2. The api (and, on PostgreSQL, the projector beside it; embedded mode projects in the api).
    await startApps();
    const adminToken = await issueLocalToken(dataDir, { subject: 'staff-bench', roles: ['administrator'], tenant: TENANT, audience: 'inwonersbudget', ttlSeconds: 3600 });
    let started = performance.now();
    const codes = await openBallotRound(api!.url, adminToken, round, options.voters);
    log(`${label} setup: ${options.voters} voting codes printed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    started = performance.now();
    const tokens = await voterSessions(api!.url, round.roundId, codes, 16);
    const signIns = options.voters / ((performance.now() - started) / 1000);
    log(`${label} setup: ${options.voters} voter sessions (sign-in with code, 16 clients) at ${signIns.toFixed(0)}/s`);
    if (options.restartAfterSetup) {
      const before = [api, projector].filter((child) => child !== undefined).map((child) => `${child.name} ${readMemory(child.pid)?.rss.toFixed(0) ?? '?'} MB`);
      // Let the projector finish the set-up's events before it stops (it resumes from its checkpoints anyway).
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await stopApps();
      await startApps();
      const after = [api, projector].filter((child) => child !== undefined).map((child) => `${child.name} ${readMemory(child.pid)?.rss.toFixed(0) ?? '?'} MB`);
      log(`${label} setup: restarted the api${projector ? ' and the projector' : ''} after the set-up (RSS ${before.join(', ')} before; ${after.join(', ')} fresh), so only ballots run in the processes measured`);
    }
    const apps = options.built ? `built (node ${builtEntry('api')}${projector ? `, ${builtEntry('projector')}` : ''})` : 'TypeScript sources (swc loader, test/reliability/support/register.mjs)';
    return {
      mode,
      ...(admin ? { databaseUrl: env.DATABASE_URL } : {}),
      dataDir,
      round,
      queue: { round, tokens, used: 0 },
      get api() {
        return api!;
      },
      get projector() {
        return projector;
      },
      signIns,
      apps,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
