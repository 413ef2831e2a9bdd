import { describe, expect, it } from '@jest/globals';
import { reactionContext } from '@lib/es';
import { GIVEN_METADATA, ReactorSpecification, recorded } from '@lib/es/testing';
import { InMemoryEventStore } from '@lib/event-store';
import { proposalStream } from '../proposal/proposal.events.js';
import { anAdmittedPlan, PROPOSAL_ID } from '../proposal/testing/proposal.given.js';
import { RecordSelection } from '../proposal/record-selection/record-selection.command.js';
import type { RoundEvent } from '../round/round.events.js';
import { aRoundFrame, aRoundIn, ROUND_ID } from '../round/testing/round.given.js';
import { adoptionSelectionReaction, adoptionSelectionReactor } from './adoption-selection.reactor.js';

const given = ReactorSpecification.for(adoptionSelectionReactor, `Round-${ROUND_ID}`);
const ADOPTED_AT = '2026-05-15T08:00:00.000Z';
const winners = [
  { proposalId: 'p-1', amountCents: 4_000_000, areaCode: 'WK036301' },
  { proposalId: 'p-2', amountCents: 1_000_000, areaCode: 'WK036302' },
];

/** A round in adoption whose count selected p-1 and p-2 and passed over p-3, then its adoption. */
function adopted(frame = aRoundFrame()): RoundEvent[] {
  const events = aRoundIn('adoption', frame, undefined, winners);
  const published = events.find((e) => e.type === 'ResultPublished')!;
  if (published.type === 'ResultPublished') published.data.explanation.push({ proposalId: 'p-3', selected: false, explanation: 'Did not fit' });
  return [...events, { type: 'ResultAdopted', data: { roundId: ROUND_ID, decision: { body: 'college', number: 'CB-2026-100', date: '2026-05-14' }, reason: 'Het college volgt de stemming', at: ADOPTED_AT } }];
}

const outcome = { winners: ['p-1', 'p-2'], adopted: true, corrections: 0 };
const select = (proposalId: string, selected: boolean) => new RecordSelection({ proposalId, selected, result: outcome, reason: 'Het college volgt de stemming', at: ADOPTED_AT });

describe('adoption-selection reactor', () => {
  it('the adoption marks each winner selected and each plan the result passed over not selected', () => {
    given(adopted()).then([select('p-1', true), select('p-2', true), select('p-3', false)]);
  });

  it('follows the corrected result in force at the adoption', () => {
    const events = adopted();
    const adoption = events.pop()!;
    events.push(
      {
        type: 'ResultCorrected',
        data: { roundId: ROUND_ID, correction: 1, winners: [winners[0]!], explanation: [{ proposalId: 'p-1', selected: true, explanation: 'Recounted' }, { proposalId: 'p-2', selected: false, explanation: 'Recounted' }], totalCents: 4_000_000, reason: 'Telfout', decision: { body: 'college', number: 'CB-2026-101', date: '2026-05-14' }, at: ADOPTED_AT },
      },
      adoption,
    );
    const corrected = { winners: ['p-1'], adopted: true, corrections: 1 };
    given(events).then([
      new RecordSelection({ proposalId: 'p-1', selected: true, result: corrected, reason: 'Het college volgt de stemming', at: ADOPTED_AT }),
      new RecordSelection({ proposalId: 'p-2', selected: false, result: corrected, reason: 'Het college volgt de stemming', at: ADOPTED_AT }),
    ]);
  });

  it('leaves the selection to staff when the frame asks for it (selection: manual)', () => {
    given(adopted({ ...aRoundFrame(), selection: 'manual' })).then([]);
  });

  it('reacts to nothing but the adoption', () => {
    given(aRoundIn('adoption', aRoundFrame(), undefined, winners)).then([]);
  });
});

describe('adoption-selection reaction (its command on the plan streams)', () => {
  const trigger = recorded(`Round-${ROUND_ID}`, adopted()).at(-1)!;
  const marked = async (store: InMemoryEventStore, proposalId: string) => (await store.readStream(proposalStream(proposalId))).map((e) => e.type);

  it('records the selection on the plan, once: a replay appends nothing', async () => {
    const store = new InMemoryEventStore();
    await store.append(proposalStream(PROPOSAL_ID), anAdmittedPlan().map((e, i) => ({ id: `plan-${i}`, type: e.type, data: e.data as unknown as Record<string, unknown>, metadata: { ...GIVEN_METADATA } })), { expectedRevision: 'no_stream' });
    const command = new RecordSelection({ proposalId: PROPOSAL_ID, selected: true, result: { winners: [PROPOSAL_ID], adopted: true, corrections: 0 }, reason: 'Het college volgt de stemming', at: ADOPTED_AT });
    const reaction = adoptionSelectionReaction(store);
    await reaction.execute(command, reactionContext(reaction.reactor.name, trigger, 0));
    await reaction.execute(command, reactionContext(reaction.reactor.name, trigger, 0));
    expect((await marked(store, PROPOSAL_ID)).slice(-2)).toEqual([anAdmittedPlan().at(-1)!.type, 'ProposalSelected']);
  });

  it('passes over a plan on the result that is no Proposal stream (a Pabulib import), instead of failing the event', async () => {
    const store = new InMemoryEventStore();
    const reaction = adoptionSelectionReaction(store);
    await expect(reaction.execute(select('p-1', true), reactionContext(reaction.reactor.name, trigger, 0))).resolves.toBeUndefined();
    expect(await marked(store, 'p-1')).toEqual([]);
  });
});
