import { randomUUID } from 'node:crypto';
import { describe, it, expect } from '@jest/globals';
import { InMemoryEventStore } from '@lib/event-store';
import { changePhase } from '../ballot-box/change-phase/change-phase.use-case.js';
import { prepareBallotBoxWithFrame } from '../ballot-box/prepare-ballot-box/prepare-ballot-box.use-case.js';
import { castBallotFor } from '../ballot/cast-ballot/cast-ballot.use-case.js';
import { generateVotingCodes } from '../participant/generate-voting-codes/generate-voting-codes.use-case.js';
import { participantByCode } from '../participant/participant.lookup.js';
import { InMemoryRoundKeyVault } from '../round-key/round-key.vault.js';
import { aContext, anApprovalFrame } from '../testing/voting.given.js';
import type { VotingDeps } from '../voting.deps.js';
import type { VotingFrame } from '../voting-frame.js';
import { reserveOf } from './get-count/get-count.controller.js';
import { countRound } from './count-round.js';

const context = aContext();
const voter = aContext({ role: 'voter', actor: 'voter' });

/**
 * €100.000 to spend; the hall (€60.000) has three votes, the square (€50.000) two, the benches
 * (€10.000) one. Greedy without skipping funds the hall and stops at the square: the €40.000 left
 * is 80% of its cost.
 */
function aReserveFrame(tally: Partial<VotingFrame['tally']>): VotingFrame {
  return anApprovalFrame({
    ballot: { type: 'approval', minPlans: 1, maxPlans: 3 },
    tally: { rule: 'greedy-reserve', tieBreak: ['most-votes', 'lowest-cost'], reservePercent: 80, ...tally },
    budgetCents: 10_000_000,
    plans: [
      { planId: 'p-hall', costCents: 6_000_000, name: 'Buurthuis' },
      { planId: 'p-square', costCents: 5_000_000, name: 'Plein' },
      { planId: 'p-benches', costCents: 1_000_000, name: 'Bankjes' },
    ],
  });
}

async function countedRound(frame: VotingFrame) {
  const deps: VotingDeps = { store: new InMemoryEventStore(), vault: new InMemoryRoundKeyVault(), now: () => new Date('2026-05-01T09:00:00.000Z'), newId: () => randomUUID() };
  const roundId = randomUUID();
  await prepareBallotBoxWithFrame(deps, roundId, frame, context);
  const { csv } = await generateVotingCodes(deps, { roundId, count: 3, area: 'WK036301', ageBand: '18-64' }, context);
  await changePhase(deps, { roundId, change: 'open', reason: 'Schedule' }, context);
  const codes = csv.trim().split('\n').slice(1).map((line) => line.split(',')[0]!);
  const choices = [['p-hall', 'p-square'], ['p-hall', 'p-square'], ['p-hall', 'p-benches']];
  for (const [i, code] of codes.entries()) {
    const participant = await participantByCode(deps.store, deps.vault, roundId, code, context.tenant);
    await castBallotFor(deps, { roundId, participantRef: participant!.state.participantRef, content: { type: 'approval', choices: choices[i]! }, channel: 'online', verification: 'voting-code' }, voter);
  }
  await changePhase(deps, { roundId, change: 'close', reason: 'End of the period' }, context);
  return countRound(deps.store, roundId, context.tenant);
}

describe('counting a round under greedy-reserve', () => {
  it('funds the plan the count stops at from the reserve and reports what the reserve paid apart from the budget', async () => {
    const { result, ballots } = await countedRound(aReserveFrame({ reserveCents: 2_000_000 }));
    expect(ballots).toBe(3);
    expect(result.rule).toBe('greedy-reserve');
    expect(result.winners).toEqual(['p-hall', 'p-square']);
    // In the counting unit (euros): the winners cost 110.000, the budget is 100.000 and fully spent, the reserve paid 10.000.
    expect({ budget: result.budget, cost: result.cost, leftover: result.leftover, reserveUsed: result.reserveUsed }).toEqual({ budget: '100000', cost: '110000', leftover: '0', reserveUsed: '10000' });
    expect(result.projects.find((p) => p.id === 'p-benches')).toMatchObject({ selected: false, reason: { code: 'stopped' } });
    expect(reserveOf(result)).toEqual({ percent: 80, amount: '20000', used: '10000', plans: ['p-square'] });
  });

  it('does not top up when the reserve holds less than the rest of the plan', async () => {
    const { result } = await countedRound(aReserveFrame({ reserveCents: 500_000 }));
    expect(result.winners).toEqual(['p-hall']);
    expect({ cost: result.cost, leftover: result.leftover, reserveUsed: result.reserveUsed }).toEqual({ cost: '60000', leftover: '40000', reserveUsed: '0' });
    expect(reserveOf(result)).toEqual({ percent: 80, amount: '5000', used: '0', plans: [] });
  });

  it('does not top up when what is left covers less than the declared share', async () => {
    const { result } = await countedRound(aReserveFrame({ reservePercent: 90 }));
    expect(result.winners).toEqual(['p-hall']);
    expect(reserveOf(result)).toEqual({ percent: 90, used: '0', plans: [] });
  });

  it('reports no reserve under another rule', async () => {
    const { result } = await countedRound(aReserveFrame({ rule: 'greedy', reservePercent: undefined }));
    expect(result.winners).toEqual(['p-hall', 'p-benches']);
    expect(result.reserveUsed).toBeUndefined();
    expect(reserveOf(result)).toBeUndefined();
  });
});
