/**
 * Runs an app's real entry point (`apps/<name>/src/main.ts`) as a child process from the TypeScript
 * sources (swc loader, no build), so tests can SIGKILL it, SIGTERM it and start it again; or, with
 * `built`, the output of `nest build <app>` (no transpiler in the process, as in production).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const register = fileURLToPath(new URL('./register.mjs', import.meta.url));

/** Children still running; killed when this process exits, so a failed test leaves none behind. */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface AppExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface AppProcess {
  name: string;
  pid: number;
  child: ChildProcess;
  /** Resolves when the process has exited (never rejects). */
  exited: Promise<AppExit>;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves once the output contains the text (or rejects after `timeoutMs`). */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
  /** SIGKILL, and wait for the exit. */
  kill9(): Promise<AppExit>;
  /** SIGTERM; returns the exit (waits at most `timeoutMs`, then SIGKILLs and rejects). */
  terminate(timeoutMs?: number): Promise<AppExit>;
}

export interface SpawnOptions {
  /** Run the built app (`nest build <app>`, under dist/) instead of the TypeScript sources. */
  built?: boolean;
}

/** Where `nest build <app>` writes the app's entry point (the build keeps the repository's layout under dist/apps/<app>/). */
export function builtEntry(app: 'api' | 'projector'): string {
  return `dist/apps/${app}/apps/${app}/src/main.js`;
}

/** Starts `apps/<app>/src/main.ts` (or, with `built`, its build output) with exactly the given environment (plus PATH/HOME). */
export function spawnApp(app: 'api' | 'projector', env: Record<string, string>, nodeArgs: string[] = [], options: SpawnOptions = {}): AppProcess {
  if (options.built) {
    const entry = builtEntry(app);
    if (!existsSync(join(root, entry))) throw new Error(`${entry} does not exist: run \`npx nest build ${app}\` first`);
    return spawnNode(app, ['--enable-source-maps', ...nodeArgs, entry], env);
  }
  return spawnScript(app, `apps/${app}/src/main.ts`, [], env, nodeArgs);
}

/** Starts a TypeScript entry point of the repository (a path from its root, e.g. `test/esdb-double/main.ts`) with its arguments. */
export function spawnScript(name: string, script: string, args: string[], env: Record<string, string>, nodeArgs: string[] = []): AppProcess {
  return spawnNode(name, ['--enable-source-maps', '--disable-warning=ExperimentalWarning', ...nodeArgs, '--import', register, script, ...args], env);
}

function spawnNode(name: string, argv: string[], env: Record<string, string>): AppProcess {
  const child = spawn(process.execPath, argv, {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.on('exit', () => running.delete(child));
  let output = '';
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 2_000_000) output = output.slice(-1_000_000);
    for (const check of waiters) check();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<AppExit>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  let done = false;
  void exited.then(() => {
    done = true;
    for (const check of waiters) check();
  });

  const proc: AppProcess = {
    name,
    pid: child.pid!,
    child,
    exited,
    output: () => output,
    waitFor: (text, timeoutMs = 90_000) =>
      new Promise<void>((resolve, reject) => {
        const matches = () => (typeof text === 'string' ? output.includes(text) : text.test(output));
        const timer = setTimeout(() => finish(new Error(`${name} did not print ${String(text)} within ${timeoutMs} ms. Output:\n${output.slice(-4000)}`)), timeoutMs);
        const finish = (error?: Error) => {
          clearTimeout(timer);
          waiters.delete(check);
          if (error) reject(error);
          else resolve();
        };
        const check = () => {
          if (matches()) finish();
          else if (done) finish(new Error(`${name} exited before printing ${String(text)}. Output:\n${output.slice(-4000)}`));
        };
        waiters.add(check);
        check();
      }),
    kill9: async () => {
      if (!done) child.kill('SIGKILL');
      return exited;
    },
    terminate: async (timeoutMs = 30_000) => {
      if (!done) child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
      const result = await Promise.race([exited, timeout]);
      clearTimeout(timer);
      if (result === 'timeout') {
        child.kill('SIGKILL');
        await exited;
        throw new Error(`${name} did not exit within ${timeoutMs} ms of SIGTERM. Output:\n${output.slice(-4000)}`);
      }
      return result;
    },
  };
  return proc;
}

/** Starts the api on a port and waits until it answers /health/live; as behind a proxy on the same host (X-Forwarded-For trusted from loopback). */
export async function startApiProcess(env: Record<string, string>, port: number, nodeArgs: string[] = [], options: SpawnOptions = {}): Promise<AppProcess & { url: string }> {
  const api = spawnApp('api', { HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0', TRUST_PROXY: 'loopback', ...env }, nodeArgs, options);
  const url = `http://127.0.0.1:${port}`;
  await api.waitFor('listening on');
  return Object.assign(api, { url });
}
