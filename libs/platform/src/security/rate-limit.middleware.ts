import type { NextFunction, Request, Response } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { problemType } from '../http/problem-details.filter.js';

/** Probes of the orchestrator are never throttled. */
const UNLIMITED_PATHS = new Set(['/health/live', '/health/ready', '/health']);

/**
 * Express middleware: at most `perMinute` requests per minute per client address (0 = off),
 * answered with 429 problem details and `Retry-After`. Mounted before the body parsers, so a
 * throttled client costs no parsing. The address is `req.ip`: behind a load balancer set
 * `TRUST_PROXY`. Counts in memory, per api process on purpose (N processes allow N×): it costs no
 * database round trip on every request; a limit for the whole installation belongs in the proxy or
 * ingress. The limits that must hold across processes (sign-in, receipts) are in rate-limits.ts.
 */
export function rateLimitMiddleware(perMinute: number): (request: Request, response: Response, next: NextFunction) => void {
  if (perMinute <= 0) return (_request, _response, next) => next();
  const limiter = new RateLimiterMemory({ keyPrefix: 'api', points: perMinute, duration: 60 });
  return (request, response, next) => {
    if (UNLIMITED_PATHS.has(request.path)) return next();
    const key = request.ip ?? request.socket.remoteAddress ?? 'unknown';
    limiter.consume(key).then(
      (result) => {
        response.setHeader('RateLimit-Limit', String(perMinute));
        response.setHeader('RateLimit-Remaining', String(result.remainingPoints));
        next();
      },
      (rejection: unknown) => {
        if (!(rejection instanceof RateLimiterRes)) return next(rejection);
        const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        const code = 'REQUEST.RATE_LIMITED';
        response
          .status(429)
          .set({ 'Content-Type': 'application/problem+json', 'Retry-After': String(retryAfter), 'RateLimit-Limit': String(perMinute), 'RateLimit-Remaining': '0' })
          .send(JSON.stringify({ type: problemType(code), title: 'Too many requests', status: 429, code, detail: `Too many requests from this address; retry after ${retryAfter} s`, instance: request.path }));
      },
    );
  };
}
