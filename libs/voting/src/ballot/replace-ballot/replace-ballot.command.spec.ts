import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@lib/es/testing';
import { anApprovalFrame, AT, ROUND_ID } from '../../testing/voting.given.js';
import { ballotDecider } from '../ballot.decider.js';
import { BallotMinSpendNotMetError, BallotNotCastError, BallotPaperBallotStandsError, BallotVotingClosedError } from '../ballot.errors.js';
import type { BallotEvent } from '../ballot.events.js';
import { ReplaceBallot } from './replace-ballot.command.js';

const spec = DeciderSpecification.for(ballotDecider);
const REF = 'c'.repeat(64);
const online: BallotEvent = {
  type: 'BallotCast',
  data: { roundId: ROUND_ID, ballotRef: REF, channel: 'online', verification: 'voting-code', area: 'WK036302', content: { type: 'approval', choices: ['p-park'] }, batchId: null, castAt: AT },
};
const replace = (phase: 'open' | 'closed' = 'open') =>
  new ReplaceBallot({
    roundId: ROUND_ID,
    ballotRef: REF,
    channel: 'online',
    verification: 'voting-code',
    area: 'WK036302',
    content: { type: 'approval', choices: ['p-trees', 'p-bench'] },
    batchId: null,
    castAt: AT,
    facts: { phase, frame: anApprovalFrame(), participant: { eligible: true, blocked: false } },
  });

describe('ReplaceBallot', () => {
  it('replaces the standing ballot while voting is open', () => {
    spec([online])
      .when(replace())
      .then([
        {
          type: 'BallotReplaced',
          data: { roundId: ROUND_ID, ballotRef: REF, channel: 'online', verification: 'voting-code', area: 'WK036302', content: { type: 'approval', choices: ['p-trees', 'p-bench'] }, batchId: null, replacedChannel: 'online', replacedAt: AT },
        },
      ]);
  });

  it('gives the new ballot its own receipt digest; the rules hold for a replacement as for a first ballot', () => {
    const digest = 'e'.repeat(64);
    spec([{ ...online, data: { ...online.data, receiptDigest: 'a'.repeat(64) } }])
      .when(new ReplaceBallot({ ...replace().data, receiptDigest: digest }))
      .then([
        {
          type: 'BallotReplaced',
          data: { roundId: ROUND_ID, ballotRef: REF, channel: 'online', verification: 'voting-code', area: 'WK036302', content: { type: 'approval', choices: ['p-trees', 'p-bench'] }, batchId: null, receiptDigest: digest, replacedChannel: 'online', replacedAt: AT },
        },
      ]);
    const frame = anApprovalFrame({ ballot: { type: 'approval', minPlans: 1, maxPlans: 3, minSpendCents: 3_000_000 } });
    spec([online])
      .when(new ReplaceBallot({ ...replace().data, facts: { phase: 'open', frame, participant: { eligible: true, blocked: false } } }))
      .thenThrows(BallotMinSpendNotMetError, 'BALLOT.MIN_SPEND_NOT_MET');
  });

  it('refuses once voting closed, without a ballot, and over a counted paper ballot', () => {
    spec([online]).when(replace('closed')).thenThrows(BallotVotingClosedError, 'BALLOT.VOTING_CLOSED');
    spec([]).when(replace()).thenThrows(BallotNotCastError, 'BALLOT.NOT_CAST');
    spec([{ ...online, data: { ...online.data, channel: 'paper', verification: 'paper-code-checked', batchId: 'S1-1' } }])
      .when(replace())
      .thenThrows(BallotPaperBallotStandsError, 'BALLOT.PAPER_BALLOT_STANDS');
  });
});
