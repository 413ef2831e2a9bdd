import { randomUUID } from 'node:crypto';
import { type DynamicModule, Global, type MiddlewareConsumer, Module, type NestModule, type Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import type { EventStore } from '@lib/event-store';
import { AuthGuard } from './auth/auth.guard.js';
import { TokenVerifier } from './auth/token-verifier.js';
import { ResidentTokens } from './auth/resident-tokens.js';
import { VoterTokens } from './auth/voter-tokens.js';
import { AppConfig } from './config/app-config.js';
import { ProblemDetailsFilter } from './http/problem-details.filter.js';
import { validationPipe } from './http/validation.js';
import { HealthController } from './observability/health.controller.js';
import { HttpMetricsMiddleware, MetricsController } from './observability/metrics.js';
import { READINESS_CHECKS } from './observability/readiness.js';
import { CommandShell } from './http/command-endpoint.js';
import { RefuseNulInQueryMiddleware } from './security/nul-in-query.middleware.js';
import { SharedRateLimits } from './security/rate-limits.js';
import { Reactors } from './reactors/reactor-host.js';
import { CLOCK, type Clock, EVENT_STORE, ID_GENERATOR, type IdGenerator } from './persistence/tokens.js';

export interface PlatformOptions {
  config: AppConfig;
  eventStore: EventStore;
  tokenVerifier: TokenVerifier;
  voterTokens: VoterTokens;
  residentTokens: ResidentTokens;
  clock?: Clock;
  ids?: IdGenerator;
}

/** Wiring shared by the api: configuration, the event store, auth, errors, validation, health, metrics. */
@Global()
@Module({})
export class PlatformModule implements NestModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: AppConfig, useValue: options.config },
      { provide: EVENT_STORE, useValue: options.eventStore },
      { provide: TokenVerifier, useValue: options.tokenVerifier },
      { provide: VoterTokens, useValue: options.voterTokens },
      { provide: ResidentTokens, useValue: options.residentTokens },
      { provide: CLOCK, useValue: options.clock ?? { now: () => new Date() } },
      { provide: ID_GENERATOR, useValue: options.ids ?? { newId: () => randomUUID() } },
      { provide: READINESS_CHECKS, useValue: [] },
      CommandShell,
      Reactors,
      SharedRateLimits,
      { provide: APP_GUARD, useClass: AuthGuard },
      { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      { provide: APP_PIPE, useFactory: validationPipe },
    ];
    return {
      module: PlatformModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController, MetricsController],
      providers,
      exports: [AppConfig, EVENT_STORE, TokenVerifier, VoterTokens, ResidentTokens, CLOCK, ID_GENERATOR, READINESS_CHECKS, CommandShell, Reactors, SharedRateLimits],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware, RefuseNulInQueryMiddleware).forRoutes('*path');
  }
}
