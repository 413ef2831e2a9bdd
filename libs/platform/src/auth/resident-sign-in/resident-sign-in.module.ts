import { Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { ResidentOidc } from './resident-oidc.js';
import { RESIDENT_OIDC, ResidentSignInController } from './resident-sign-in.controller.js';
import { ResidentSignInLimiter } from './resident-sign-in.limiter.js';

/** `GET /resident-sessions/oidc` and its callback: residents' sign-in at the municipality's provider for residents. */
@Module({
  controllers: [ResidentSignInController],
  providers: [ResidentSignInLimiter, { provide: RESIDENT_OIDC, inject: [AppConfig], useFactory: (config: AppConfig) => ResidentOidc.fromConfig(config) }],
})
export class ResidentSignInModule {}
