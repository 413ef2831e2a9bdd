/**
 * A round-robin HTTP proxy in front of several api processes, as a municipality's load balancer:
 * each request (not each connection, so keep-alive does not pin a client to one process) goes to
 * the next backend. A backend that refuses the connection is skipped (nothing was sent to it); one
 * that dies with the request in flight is answered 502, as a gateway does, and the client decides
 * whether to try again. The client's address is appended to X-Forwarded-For, and the answer names
 * the backend that gave it (`X-Upstream`), so a test can see which process answered.
 */
import { Agent, createServer, type IncomingHttpHeaders, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ProxyBackend {
  /** What `X-Upstream` says, e.g. `api-1`. */
  name: string;
  port: number;
}

export interface RoundRobinProxy {
  url: string;
  port: number;
  /** Answers given per backend name (any status, the proxy's own 502s not included). */
  answered: Map<string, number>;
  close(): Promise<void>;
}

/** Headers that belong to one connection, not to the request (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade']);

function endToEnd(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) result[name] = value;
  return result;
}

/** Starts the proxy on a free loopback port; `backends` is read per request (a restarted process may come back elsewhere). */
export async function startRoundRobinProxy(backends: () => readonly ProxyBackend[]): Promise<RoundRobinProxy> {
  const agents = new Map<number, Agent>();
  const agentFor = (port: number) => {
    let agent = agents.get(port);
    // With a timeout set, the agent closes an idle socket a second before the backend's `Keep-Alive: timeout=N` would,
    // so a request is not sent on a connection the backend is closing (ECONNRESET, a 502).
    if (!agent) agents.set(port, (agent = new Agent({ keepAlive: true, maxSockets: 256, timeout: 60_000 })));
    return agent;
  };
  const answered = new Map<string, number>();
  let next = 0;
  const sockets = new Set<Socket>();

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const forwardedFor = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
      const headers = { ...endToEnd(req.headers), 'x-forwarded-for': forwardedFor, 'content-length': String(body.length) };
      const bad = (status: number, code: string, message: string) => {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        res.writeHead(status, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ status, code, title: message }));
      };
      const attempt = (tried: number) => {
        const list = backends();
        if (list.length === 0 || tried >= list.length) return bad(502, 'PROXY.NO_BACKEND', 'No backend accepted the connection');
        const backend = list[next++ % list.length]!;
        const upstream = httpRequest({ host: '127.0.0.1', port: backend.port, method: req.method, path: req.url, headers, agent: agentFor(backend.port) }, (answer) => {
          answered.set(backend.name, (answered.get(backend.name) ?? 0) + 1);
          res.writeHead(answer.statusCode ?? 502, { ...endToEnd(answer.headers), 'x-upstream': backend.name });
          answer.pipe(res);
          answer.on('aborted', () => res.destroy());
          answer.on('error', () => res.destroy());
        });
        upstream.on('error', (error: NodeJS.ErrnoException) => {
          // Refused: nothing reached that backend, so the next one may take the request.
          if (error.code === 'ECONNREFUSED') attempt(tried + 1);
          else bad(502, 'PROXY.UPSTREAM_FAILED', `The backend ${backend.name} failed: ${error.message}`);
        });
        upstream.end(body);
      };
      attempt(0);
    });
  });
  server.keepAliveTimeout = 30_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    answered,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const agent of agents.values()) agent.destroy();
    },
  };
}
