import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@lib/es/testing';
import { anApprovalFrame, AT, ROUND_ID } from '../../testing/voting.given.js';
import { ballotDecider } from '../ballot.decider.js';
import { BallotVotingClosedError } from '../ballot.errors.js';
import type { BallotEvent } from '../ballot.events.js';
import { CountPaperBallot } from './count-paper-ballot.command.js';

const spec = DeciderSpecification.for(ballotDecider);
const REF = 'd'.repeat(64);
const paper = { type: 'approval' as const, choices: ['p-mural'] };
const count = (precedence: 'paper' | 'online' = 'paper', phase: 'open' | 'closed' | 'sealed' = 'closed', batchId = 'S1-1') =>
  new CountPaperBallot({
    roundId: ROUND_ID,
    ballotRef: REF,
    channel: 'paper',
    verification: 'paper-code-checked',
    area: 'WK036301', ageBand: '18-64',
    content: paper,
    batchId,
    countedAt: AT,
    facts: { phase, frame: anApprovalFrame({ paperPrecedence: precedence }) },
  });
const online: BallotEvent = {
  type: 'BallotCast',
  data: { roundId: ROUND_ID, ballotRef: REF, channel: 'online', verification: 'voting-code', area: 'WK036301', ageBand: '18-64', content: { type: 'approval', choices: ['p-park'] }, batchId: null, castAt: AT },
};
const counted: BallotEvent = {
  type: 'BallotCast',
  data: { roundId: ROUND_ID, ballotRef: REF, channel: 'paper', verification: 'paper-code-checked', area: 'WK036301', ageBand: '18-64', content: paper, batchId: 'S1-1', castAt: AT },
};

describe('CountPaperBallot', () => {
  it('counts a paper ballot after voting closed', () => {
    spec([]).when(count()).then([counted]);
  });

  it('replaces an online ballot of the same code when paper wins (the default)', () => {
    spec([online])
      .when(count())
      .then([
        {
          type: 'BallotReplaced',
          data: { roundId: ROUND_ID, ballotRef: REF, channel: 'paper', verification: 'paper-code-checked', area: 'WK036301', ageBand: '18-64', content: paper, batchId: 'S1-1', replacedChannel: 'online', replacedAt: AT },
        },
      ]);
  });

  it('sets the paper ballot aside when online wins, and a second paper ballot always', () => {
    spec([online])
      .when(count('online'))
      .then([{ type: 'PaperBallotSetAside', data: { roundId: ROUND_ID, ballotRef: REF, batchId: 'S1-1', reason: 'online-ballot-stands', setAsideAt: AT } }]);
    spec([counted])
      .when(count('paper', 'closed', 'S2-1'))
      .then([{ type: 'PaperBallotSetAside', data: { roundId: ROUND_ID, ballotRef: REF, batchId: 'S2-1', reason: 'paper-ballot-already-counted', setAsideAt: AT } }]);
  });

  it('changes nothing when the batch was already counted, also once sealed (a replay of the count), and refuses a new count once sealed', () => {
    spec([counted]).when(count()).then([]);
    spec([counted]).when(count('paper', 'sealed')).then([]);
    const setAside: BallotEvent = { type: 'PaperBallotSetAside', data: { roundId: ROUND_ID, ballotRef: REF, batchId: 'S2-1', reason: 'paper-ballot-already-counted', setAsideAt: AT } };
    spec([counted, setAside]).when(count('paper', 'closed', 'S2-1')).then([]);
    spec([]).when(count('paper', 'sealed')).thenThrows(BallotVotingClosedError, 'BALLOT.VOTING_CLOSED');
  });
});
