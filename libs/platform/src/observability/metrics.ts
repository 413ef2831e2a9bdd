import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Header, Headers, Injectable, type NestMiddleware, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { Public } from '../auth/auth.decorators.js';
import { AppConfig } from '../config/app-config.js';

/** One registry per process, so tests that build several apps do not collide. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

export const httpRequestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request duration by route and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  use(request: Request, response: Response, next: NextFunction): void {
    const end = httpRequestDuration.startTimer();
    response.on('finish', () => {
      const route = (request.route as { path?: string } | undefined)?.path ?? 'unmatched';
      end({ method: request.method, route: `${request.baseUrl}${route}`, status: String(response.statusCode) });
    });
    next();
  }
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Who may scrape: with METRICS_TOKEN, only a request carrying it as bearer token (compared in
 * constant time); without it, anyone in development and tests, and no one in production, where
 * request counts per route and status would tell outsiders how a vote is going.
 */
export function metricsAccess(config: Pick<AppConfig, 'METRICS_TOKEN' | 'NODE_ENV'>, authorization: string | undefined): 'allowed' | 'unauthenticated' | 'off' {
  if (!config.METRICS_TOKEN) return config.NODE_ENV === 'production' ? 'off' : 'allowed';
  const match = /^Bearer ([\x21-\x7e]+)$/.exec(authorization ?? '');
  return match && timingSafeEqual(digest(match[1]!), digest(config.METRICS_TOKEN)) ? 'allowed' : 'unauthenticated';
}

@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly config: AppConfig) {}

  /** Public to the auth guard (Prometheus has no staff token); METRICS_TOKEN guards it instead. */
  @Get()
  @Public({ ownCredentials: true })
  @Header('Content-Type', metricsRegistry.contentType)
  async metrics(@Headers('authorization') authorization: string | undefined): Promise<string> {
    const access = metricsAccess(this.config, authorization);
    if (access === 'off') throw new NotFoundException('Cannot GET /metrics');
    if (access === 'unauthenticated') throw new UnauthorizedException('/metrics needs the METRICS_TOKEN as bearer token');
    return metricsRegistry.metrics();
  }
}
