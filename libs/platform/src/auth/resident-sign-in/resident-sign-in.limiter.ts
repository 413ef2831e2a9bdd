import { HttpException, Injectable } from '@nestjs/common';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { type Limiter, SharedRateLimits } from '../../security/rate-limits.js';

/** Sign-in requests (start and return together) per client address: 30 per minute, for all api processes together on PostgreSQL. */
export const RESIDENT_SIGN_IN_PER_MINUTE = 30;

@Injectable()
export class ResidentSignInLimiter {
  private readonly perAddress: Limiter;

  constructor(limits: SharedRateLimits) {
    this.perAddress = limits.limiter({ keyPrefix: 'resident-sign-in', points: RESIDENT_SIGN_IN_PER_MINUTE, duration: 60 });
  }

  /** Consumes one request; throws 429 RESIDENT_SESSION.RATE_LIMITED with the seconds to wait. */
  async consume(address: string): Promise<void> {
    try {
      await this.perAddress.consume(address);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new HttpException({ code: 'RESIDENT_SESSION.RATE_LIMITED', message: `Too many sign-in attempts; try again in ${retryAfterSeconds} seconds`, retryAfterSeconds }, 429);
    }
  }
}
