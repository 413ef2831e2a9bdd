import type { BallotBoxEvent } from '../ballot-box/ballot-box.events.js';
import type { CommandContext } from '@lib/es';
import type { VotingFrame } from '../voting-frame.js';

export const ROUND_ID = '4f0c7a52-1f4e-4a8e-9a37-0c3d2b1e5a10';
export const AT = '2026-05-01T09:00:00.000Z';

/** An approval ballot as in Amsterdam: 1 to 3 plans, costing at most € 50 000 together. */
export function anApprovalFrame(overrides: Partial<VotingFrame> = {}): VotingFrame {
  return {
    budgetId: 'b-1',
    frameVersion: 1,
    ballot: { type: 'approval', minPlans: 1, maxPlans: 3, costCapCents: 5_000_000 },
    tally: { rule: 'greedy', tieBreak: ['lowest-cost', 'most-votes'] },
    eligibility: { areaCodes: ['WK036301', 'WK036302'], minimumAge: 16, excludedRoles: ['council-member'] },
    budgetCents: 10_000_000,
    plans: [
      { planId: 'p-park', costCents: 2_500_000, name: 'Speeltuin' },
      { planId: 'p-bench', costCents: 300_000, name: 'Bankjes' },
      { planId: 'p-trees', costCents: 2_000_000, name: 'Bomen' },
      { planId: 'p-mural', costCents: 1_500_000, name: 'Muurschildering' },
    ],
    paperPrecedence: 'paper',
    countingUnitCents: 100,
    currency: 'EUR',
    ...overrides,
  };
}

export function aPreparedBox(frame: VotingFrame = anApprovalFrame()): BallotBoxEvent[] {
  return [{ type: 'BallotBoxPrepared', data: { roundId: ROUND_ID, frame, preparedAt: AT } }];
}

export function anOpenBox(frame: VotingFrame = anApprovalFrame()): BallotBoxEvent[] {
  return [...aPreparedBox(frame), { type: 'BallotBoxOpened', data: { roundId: ROUND_ID, reason: 'Schedule of the round', openedAt: AT } }];
}

export function aClosedBox(frame: VotingFrame = anApprovalFrame()): BallotBoxEvent[] {
  return [...anOpenBox(frame), { type: 'BallotBoxClosed', data: { roundId: ROUND_ID, reason: 'Voting period ended', closedAt: AT } }];
}

export function aContext(overrides: Partial<CommandContext> = {}): CommandContext {
  return { actor: 'staff-1', role: 'administrator', tenant: 'GM0363', correlationId: 'corr-1', now: new Date(AT), ...overrides };
}
