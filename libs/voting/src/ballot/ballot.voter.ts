import { ForbiddenException } from '@nestjs/common';
import type { Principal } from '@lib/platform';

/** A voter token is for one round only. */
export function assertVoterOfRound(principal: Principal, roundId: string): void {
  if (principal.round !== roundId) throw new ForbiddenException({ code: 'BALLOT.WRONG_ROUND', message: 'This voter token is for another round' });
}
