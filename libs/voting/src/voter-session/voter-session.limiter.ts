import { createHash } from 'node:crypto';
import { HttpException, Injectable } from '@nestjs/common';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { type Limiter, SharedRateLimits } from '@lib/platform';
import { normaliseCode } from '../round-key/pseudonym.js';

/**
 * Sign-in attempts: per code (5 per 15 minutes) and per client address (30 per minute), counted
 * once for every api process on PostgreSQL (SharedRateLimits), in memory on PGlite (docs/operations.md).
 */
@Injectable()
export class VoterSessionLimiter {
  private readonly perCode: Limiter;
  private readonly perAddress: Limiter;

  constructor(limits: SharedRateLimits) {
    this.perCode = limits.limiter({ keyPrefix: 'voter-code', points: 5, duration: 15 * 60 });
    this.perAddress = limits.limiter({ keyPrefix: 'voter-address', points: 30, duration: 60 });
  }

  /** Consumes one attempt for both keys; throws 429 VOTER_SESSION.RATE_LIMITED with the seconds to wait. */
  async consume(roundId: string, code: string, address: string): Promise<void> {
    // The code is hashed before it becomes a key, so neither this memory nor the shared table holds it.
    const codeKey = createHash('sha256').update(`${roundId}\0${normaliseCode(code)}`).digest('base64url');
    // Both counters in one round trip (side by side on PostgreSQL); the address's refusal is reported first, as before.
    const [byAddress, byCode] = await Promise.allSettled([this.perAddress.consume(address), this.perCode.consume(codeKey)]);
    for (const outcome of [byAddress, byCode]) {
      if (outcome.status === 'fulfilled') continue;
      const rejection: unknown = outcome.reason;
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new HttpException({ code: 'VOTER_SESSION.RATE_LIMITED', message: `Too many attempts; try again in ${retryAfterSeconds} seconds`, retryAfterSeconds }, 429);
    }
  }
}
