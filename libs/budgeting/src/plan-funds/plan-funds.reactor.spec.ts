import { describe, it } from '@jest/globals';
import { ReactorSpecification } from '@lib/es/testing';
import type { ProposalEvent } from '../proposal/proposal.events.js';
import { aPlanInImplementation, LATER, paid, PROPOSAL_ID, ROUND_ID } from '../proposal/testing/proposal.given.js';
import { ReleaseFunds } from '../round/release-funds/release-funds.command.js';
import { planFundsReactor } from './plan-funds.reactor.js';

const given = ReactorSpecification.for(planFundsReactor, `Proposal-${PROPOSAL_ID}`);
const closedAfterPayment = (closure: ProposalEvent): ProposalEvent[] => [...aPlanInImplementation(2_000_000), paid(1_500_000, 1_500_000), closure];
/** The trigger is the last given; ReactorSpecification numbers the givens `event-<revision>`. */
const release = (amountCents: number, type: string, revision: number) =>
  new ReleaseFunds({ roundId: ROUND_ID, proposalId: PROPOSAL_ID, amountCents, reason: `Plan ${PROPOSAL_ID}: ${type}`, at: LATER, cause: `event-${revision}` });

describe('plan-funds reactor', () => {
  it('a plan realised for less gives the rest back to its round, with the closure as the cause', () => {
    const events = closedAfterPayment({ type: 'ProposalRealised', data: { proposalId: PROPOSAL_ID, spentCents: 1_500_000, releasedCents: 500_000, reason: 'Goedkoper', at: LATER } });
    given(events).then([release(500_000, 'ProposalRealised', events.length - 1)]);
  });

  it('partly realised and cancelled plans, and money returned, release what they say', () => {
    const partly = closedAfterPayment({ type: 'ProposalPartlyRealised', data: { proposalId: PROPOSAL_ID, spentCents: 1_500_000, releasedCents: 500_000, reason: 'Half', at: LATER } });
    given(partly).then([release(500_000, 'ProposalPartlyRealised', partly.length - 1)]);
    const cancelled = closedAfterPayment({ type: 'ProposalImplementationCancelled', data: { proposalId: PROPOSAL_ID, releasedCents: 500_000, reason: 'Vergunning geweigerd', at: LATER } });
    given(cancelled).then([release(500_000, 'ProposalImplementationCancelled', cancelled.length - 1)]);
    const returned = [...partly, { type: 'ProposalMoneyReturned', data: { proposalId: PROPOSAL_ID, amountCents: 20_000, returnedTotalCents: 20_000, releasedCents: 20_000, reference: 'TERUG-1', at: LATER } } as ProposalEvent];
    given(returned).then([release(20_000, 'ProposalMoneyReturned', returned.length - 1)]);
  });

  it('a closure that releases nothing asks nothing of the round', () => {
    given(closedAfterPayment({ type: 'ProposalRealised', data: { proposalId: PROPOSAL_ID, spentCents: 2_000_000, releasedCents: 0, reason: 'Precies op budget', at: LATER } })).then([]);
  });

  it('other plan events are not its business', () => {
    given(aPlanInImplementation()).then([]);
  });
});
