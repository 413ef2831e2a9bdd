/**
 * A small closed-loop load driver for the fault tests: `clients` loops send requests one after another
 * and record every outcome (acknowledged, refused, or no answer at all), so a test can compare what
 * clients were told with what the store holds.
 */
import { Agent, request as httpRequest } from 'node:http';

export interface LoadRequest {
  method: 'POST' | 'PUT' | 'GET';
  path: string;
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Anything the test wants back with the outcome (e.g. the ballot's participant). */
  tag?: unknown;
}

export interface Outcome {
  request: LoadRequest;
  /** HTTP status, or 0 when the request got no answer (connection refused or cut). */
  status: number;
  body: Record<string, unknown> | undefined;
  headers: Record<string, string>;
  error?: string;
}

export interface Load {
  /** Every outcome so far. */
  outcomes: Outcome[];
  /** Resolves when every client stopped (after `stop()` or when `next` ran out). */
  done: Promise<Outcome[]>;
  stop(): Promise<Outcome[]>;
  /** Resolves once `n` outcomes are in. */
  reached(n: number): Promise<void>;
}

/**
 * Starts `clients` loops against `baseUrl()` (read per request, so a test can restart the api on
 * another port). `next()` hands out the next request, or undefined when there is no more work.
 * A request that fails at the connection level is recorded once and not retried.
 */
export function startLoad(options: {
  baseUrl: () => string;
  clients: number;
  next: () => LoadRequest | undefined;
  onOutcome?: (outcome: Outcome) => void;
  pauseAfterErrorMs?: number;
  timeoutMs?: number;
}): Load {
  const outcomes: Outcome[] = [];
  const dispatcher = new Agent({ keepAlive: true, maxSockets: options.clients });
  let stopped = false;
  let inFlight = 0;
  const watchers = new Set<() => void>();
  const client = async () => {
    while (!stopped) {
      const request = options.next();
      if (!request) {
        // Work may come back (a retry); stop only when nothing is in flight either.
        if (inFlight === 0) return;
        await sleep(20);
        continue;
      }
      inFlight++;
      const outcome = await send(options.baseUrl(), request, dispatcher, options.timeoutMs ?? 15_000);
      inFlight--;
      outcomes.push(outcome);
      options.onOutcome?.(outcome);
      for (const watch of watchers) watch();
      if (outcome.status === 0 || outcome.status >= 500) await sleep(options.pauseAfterErrorMs ?? 50);
    }
  };
  const done = Promise.all(Array.from({ length: options.clients }, client)).then(async () => {
    dispatcher.destroy();
    return outcomes;
  });
  return {
    outcomes,
    done,
    stop: async () => {
      stopped = true;
      return done;
    },
    reached: (n) =>
      new Promise<void>((resolve, reject) => {
        const watch = () => {
          if (outcomes.length >= n) {
            watchers.delete(watch);
            resolve();
          }
        };
        watchers.add(watch);
        void done.then(() => {
          if (outcomes.length < n) {
            watchers.delete(watch);
            reject(new Error(`load ended after ${outcomes.length} outcomes, before ${n}`));
          }
        });
        watch();
      }),
  };
}

export function send(baseUrl: string, request: LoadRequest, agent?: Agent, timeoutMs = 15_000): Promise<Outcome> {
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  const payload = request.body === undefined ? undefined : Buffer.from(JSON.stringify(request.body));
  if (payload) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(payload.length);
  }
  return new Promise<Outcome>((resolve) => {
    const fail = (error: Error) => resolve({ request, status: 0, body: undefined, headers: {}, error: error.message });
    const req = httpRequest(`${baseUrl}${request.path}`, { method: request.method, headers, agent: agent ?? false, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', fail);
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        let body: Record<string, unknown> | undefined;
        try {
          body = text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>);
        } catch {
          body = { text };
        }
        const flat: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
        resolve({ request, status: response.statusCode ?? 0, body, headers: flat });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', fail);
    req.end(payload);
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` until it returns a value other than undefined (or throws after `timeoutMs`). */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 60_000, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms${last ? ` (last error: ${String(last)})` : ''}`);
    await sleep(everyMs);
  }
}
