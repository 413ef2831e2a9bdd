import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@lib/es/testing';
import { anApprovalFrame, AT, ROUND_ID } from '../../testing/voting.given.js';
import type { VotingFrame } from '../../voting-frame.js';
import type { BallotContent } from '../ballot.content.js';
import { ballotDecider } from '../ballot.decider.js';
import {
  BallotAlreadyCastError,
  BallotCodeBlockedError,
  BallotCostCapExceededError,
  BallotDuplicatePlanError,
  BallotInvalidPointsError,
  BallotMinSpendNotMetError,
  BallotNotEligibleError,
  BallotPointsExceededError,
  BallotRankingTooLongError,
  BallotThemeQuotaExceededError,
  BallotThemeQuotaNotMetError,
  BallotTooFewPlansError,
  BallotTooManyPlansError,
  BallotUnknownPlanError,
  BallotVotingClosedError,
  BallotWrongTypeError,
} from '../ballot.errors.js';
import type { BallotEvent } from '../ballot.events.js';
import type { BallotFacts } from '../ballot.facts.js';
import { CastBallot } from './cast-ballot.command.js';

const spec = DeciderSpecification.for(ballotDecider);
const REF = 'b'.repeat(64);

function cast(content: BallotContent, facts: Partial<BallotFacts> = {}, frame: VotingFrame = anApprovalFrame()): CastBallot {
  return new CastBallot({
    roundId: ROUND_ID,
    ballotRef: REF,
    channel: 'online',
    verification: 'voting-code',
    area: 'WK036301', ageBand: '18-64',
    content,
    batchId: null,
    castAt: AT,
    facts: { phase: 'open', frame, participant: { eligible: true, blocked: false }, ...facts },
  });
}

const paperBallot: BallotEvent = {
  type: 'BallotCast',
  data: { roundId: ROUND_ID, ballotRef: REF, channel: 'paper', verification: 'paper-code-checked', area: 'WK036301', ageBand: '18-64', content: { type: 'approval', choices: ['p-park'] }, batchId: 'S1-1', castAt: AT },
};

describe('CastBallot', () => {
  it('records the first ballot with channel, verification, area and age band', () => {
    spec([])
      .when(cast({ type: 'approval', choices: ['p-park', 'p-bench'] }))
      .then([
        {
          type: 'BallotCast',
          data: { roundId: ROUND_ID, ballotRef: REF, channel: 'online', verification: 'voting-code', area: 'WK036301', ageBand: '18-64', content: { type: 'approval', choices: ['p-park', 'p-bench'] }, batchId: null, castAt: AT },
        },
      ]);
  });

  it('records the digest of the voter\'s receipt, never the receipt', () => {
    const command = cast({ type: 'approval', choices: ['p-park'] });
    const digest = 'd'.repeat(64);
    spec([])
      .when(new CastBallot({ ...command.data, channel: 'assisted', receiptDigest: digest }))
      .then([
        {
          type: 'BallotCast',
          data: { roundId: ROUND_ID, ballotRef: REF, channel: 'assisted', verification: 'voting-code', area: 'WK036301', ageBand: '18-64', content: { type: 'approval', choices: ['p-park'] }, batchId: null, receiptDigest: digest, castAt: AT },
        },
      ]);
  });

  it('refuses a second ballot: BALLOT.ALREADY_CAST', () => {
    spec([{ ...paperBallot, data: { ...paperBallot.data, channel: 'online', verification: 'voting-code', batchId: null } }])
      .when(cast({ type: 'approval', choices: ['p-trees'] }))
      .thenThrows(BallotAlreadyCastError, 'BALLOT.ALREADY_CAST');
  });

  it('refuses an online ballot after a counted paper ballot when paper wins', () => {
    spec([paperBallot]).when(cast({ type: 'approval', choices: ['p-trees'] })).thenThrows(BallotAlreadyCastError, 'BALLOT.ALREADY_CAST');
  });

  it('lets the online ballot replace the paper one when the frame says online wins', () => {
    spec([paperBallot])
      .when(cast({ type: 'approval', choices: ['p-trees'] }, {}, anApprovalFrame({ paperPrecedence: 'online' })))
      .then([
        {
          type: 'BallotReplaced',
          data: { roundId: ROUND_ID, ballotRef: REF, channel: 'online', verification: 'voting-code', area: 'WK036301', ageBand: '18-64', content: { type: 'approval', choices: ['p-trees'] }, batchId: null, replacedChannel: 'paper', replacedAt: AT },
        },
      ]);
  });

  it.each([
    ['prepared', 'BALLOT.VOTING_CLOSED'],
    ['closed', 'BALLOT.VOTING_CLOSED'],
    ['sealed', 'BALLOT.VOTING_CLOSED'],
  ] as const)('refuses while the box is %s', (phase, code) => {
    spec([]).when(cast({ type: 'approval', choices: ['p-park'] }, { phase })).thenThrows(BallotVotingClosedError, code);
  });

  it('refuses a blocked code and an ineligible participant', () => {
    spec([]).when(cast({ type: 'approval', choices: ['p-park'] }, { participant: { eligible: true, blocked: true } })).thenThrows(BallotCodeBlockedError, 'BALLOT.CODE_BLOCKED');
    spec([]).when(cast({ type: 'approval', choices: ['p-park'] }, { participant: { eligible: false, blocked: false } })).thenThrows(BallotNotEligibleError, 'BALLOT.NOT_ELIGIBLE');
  });

  describe('the frame\'s constraints, each with its own code', () => {
    const approval = (choices: string[]) => cast({ type: 'approval', choices });
    it('approval', () => {
      spec([]).when(approval(['p-park', 'p-bench', 'p-trees', 'p-mural'])).thenThrows(BallotTooManyPlansError, 'BALLOT.TOO_MANY_PLANS');
      spec([]).when(approval([])).thenThrows(BallotTooFewPlansError, 'BALLOT.TOO_FEW_PLANS');
      spec([]).when(approval(['p-park', 'p-trees', 'p-mural'])).thenThrows(BallotCostCapExceededError, 'BALLOT.COST_CAP_EXCEEDED');
      spec([]).when(approval(['p-park', 'p-pool'])).thenThrows(BallotUnknownPlanError, 'BALLOT.UNKNOWN_PLAN');
      spec([]).when(approval(['p-park', 'p-park'])).thenThrows(BallotDuplicatePlanError, 'BALLOT.DUPLICATE_PLAN');
      spec([]).when(cast({ type: 'choose-1', choices: ['p-park'] })).thenThrows(BallotWrongTypeError, 'BALLOT.WRONG_TYPE');
    });

    it('approval: the minimum spend', () => {
      const frame = anApprovalFrame({ ballot: { type: 'approval', minPlans: 1, maxPlans: 3, costCapCents: 5_000_000, minSpendCents: 2_000_000 } });
      spec([]).when(cast({ type: 'approval', choices: ['p-bench', 'p-mural'] }, {}, frame)).thenThrows(BallotMinSpendNotMetError, 'BALLOT.MIN_SPEND_NOT_MET');
      spec([])
        .when(cast({ type: 'approval', choices: ['p-trees'] }, {}, frame))
        .then([
          {
            type: 'BallotCast',
            data: { roundId: ROUND_ID, ballotRef: REF, channel: 'online', verification: 'voting-code', area: 'WK036301', ageBand: '18-64', content: { type: 'approval', choices: ['p-trees'] }, batchId: null, castAt: AT },
          },
        ]);
    });

    it('theme quotas: at least and at most so many plans of a theme', () => {
      const themed = anApprovalFrame({
        ballot: { type: 'approval', minPlans: 1, maxPlans: 3, themeQuotas: [{ theme: 'groen', minPlans: 1 }, { theme: 'spelen', maxPlans: 1 }] },
        plans: [
          { planId: 'p-park', costCents: 2_500_000, name: 'Speeltuin', theme: 'spelen' },
          { planId: 'p-bench', costCents: 300_000, name: 'Bankjes', theme: 'spelen' },
          { planId: 'p-trees', costCents: 2_000_000, name: 'Bomen', theme: 'groen' },
          { planId: 'p-mural', costCents: 1_500_000, name: 'Muurschildering' },
        ],
      });
      spec([]).when(cast({ type: 'approval', choices: ['p-park', 'p-bench', 'p-trees'] }, {}, themed)).thenThrows(BallotThemeQuotaExceededError, 'BALLOT.THEME_QUOTA_EXCEEDED');
      spec([]).when(cast({ type: 'approval', choices: ['p-park', 'p-mural'] }, {}, themed)).thenThrows(BallotThemeQuotaNotMetError, 'BALLOT.THEME_QUOTA_NOT_MET');
      spec([])
        .when(cast({ type: 'approval', choices: ['p-park', 'p-trees', 'p-mural'] }, {}, themed))
        .then([
          {
            type: 'BallotCast',
            data: { roundId: ROUND_ID, ballotRef: REF, channel: 'online', verification: 'voting-code', area: 'WK036301', ageBand: '18-64', content: { type: 'approval', choices: ['p-park', 'p-trees', 'p-mural'] }, batchId: null, castAt: AT },
          },
        ]);
    });

    it('choose-1', () => {
      const frame = anApprovalFrame({ ballot: { type: 'choose-1' } });
      spec([]).when(cast({ type: 'choose-1', choices: ['p-park', 'p-bench'] }, {}, frame)).thenThrows(BallotTooManyPlansError, 'BALLOT.TOO_MANY_PLANS');
      spec([]).when(cast({ type: 'choose-1', choices: [] }, {}, frame)).thenThrows(BallotTooFewPlansError, 'BALLOT.TOO_FEW_PLANS');
    });

    it('cumulative: points to distribute', () => {
      const frame = anApprovalFrame({ ballot: { type: 'cumulative', points: 10 } });
      spec([]).when(cast({ type: 'cumulative', points: { 'p-park': 6, 'p-bench': 5 } }, {}, frame)).thenThrows(BallotPointsExceededError, 'BALLOT.POINTS_EXCEEDED');
      spec([]).when(cast({ type: 'cumulative', points: { 'p-park': 0 } }, {}, frame)).thenThrows(BallotInvalidPointsError, 'BALLOT.INVALID_POINTS');
      spec([]).when(cast({ type: 'cumulative', points: { 'p-park': 6, 'p-bench': 4 } }, {}, frame)).then([
        {
          type: 'BallotCast',
          data: {
            roundId: ROUND_ID,
            ballotRef: REF,
            channel: 'online',
            verification: 'voting-code',
            area: 'WK036301', ageBand: '18-64',
            content: { type: 'cumulative', points: { 'p-park': 6, 'p-bench': 4 } },
            batchId: null,
            castAt: AT,
          },
        },
      ]);
    });

    it('scoring: the highest score per plan', () => {
      const frame = anApprovalFrame({ ballot: { type: 'scoring', points: 5 } });
      spec([]).when(cast({ type: 'scoring', points: { 'p-park': 6 } }, {}, frame)).thenThrows(BallotPointsExceededError, 'BALLOT.POINTS_EXCEEDED');
    });

    it('ordinal: the ranking length', () => {
      const frame = anApprovalFrame({ ballot: { type: 'ordinal', rankingLength: 2 } });
      spec([]).when(cast({ type: 'ordinal', ranking: ['p-park', 'p-bench', 'p-trees'] }, {}, frame)).thenThrows(BallotRankingTooLongError, 'BALLOT.RANKING_TOO_LONG');
    });
  });
});
