import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, type HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import type { EventStore } from '@lib/event-store';
import { Public } from '../auth/auth.decorators.js';
import { ApiProblems } from '../http/command-endpoint.js';
import { EVENT_STORE } from '../persistence/tokens.js';
import { READINESS_CHECKS, type ReadinessCheck } from './readiness.js';

/** Terminus' answer: `ok`, and each check by name under `info` and `details`. */
const HEALTH_SCHEMA = {
  type: 'object',
  required: ['status'],
  properties: {
    status: { type: 'string', enum: ['ok'] },
    info: { type: 'object', additionalProperties: { type: 'object' } },
    error: { type: 'object', additionalProperties: { type: 'object' } },
    details: { type: 'object', additionalProperties: { type: 'object' } },
  },
};

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
  ) {}

  @Get('live')
  @Public()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ schema: HEALTH_SCHEMA })
  @ApiProblems({ 503: ['HEALTH.NOT_READY'] }, { store: false, rateLimited: false })
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get(['', 'ready'])
  @Public()
  @ApiOperation({ summary: 'Readiness: the event store answers and projections are not stalled' })
  @ApiOkResponse({ schema: HEALTH_SCHEMA })
  @ApiProblems({ 503: ['HEALTH.NOT_READY'] }, { store: false, rateLimited: false })
  @HealthCheck()
  ready() {
    return this.health.check([() => this.eventStore(), ...this.checks.map((check) => () => this.run(check))]);
  }

  private async eventStore(): Promise<HealthIndicatorResult> {
    const session = this.indicator.check('eventStore');
    try {
      const ping = (this.store as { ping?: () => Promise<{ status: 'up' | 'down'; reason?: string; message?: string }> }).ping;
      if (ping) {
        const result = await ping.call(this.store);
        return result.status === 'up' ? session.up() : session.down({ reason: result.message ?? result.reason ?? 'unavailable' });
      }
      await this.store.readAll({ maxCount: 1 });
      return session.up();
    } catch (error) {
      return session.down({ reason: error instanceof Error ? error.message : String(error) });
    }
  }

  private async run(check: ReadinessCheck): Promise<HealthIndicatorResult> {
    const session = this.indicator.check(check.name);
    const result = await check.check();
    return result.up ? session.up(result.details ?? {}) : session.down(result.details ?? {});
  }
}
