import { describeGoldenEvents, type EventExamples } from '@lib/es/testing';
import {
  BALLOT_BOX_EVENT_TYPES,
  BALLOT_EVENT_TYPES,
  ballotBoxStream,
  type BallotBoxEvent,
  type BallotEvent,
  type CastData,
  ballotStream,
  PAPER_BATCH_EVENT_TYPES,
  type PaperBatchEvent,
  paperBatchStream,
  PARTICIPANT_EVENT_TYPES,
  type ParticipantEvent,
  participantStream,
  type VotingFrame,
} from '@lib/voting/events';

const frame: VotingFrame = {
  budgetId: 'b-1',
  frameVersion: 2,
  ballot: { type: 'approval', minPlans: 1, maxPlans: 3, costCapCents: 10_000_000 },
  tally: { rule: 'equalshares/add1', tieBreak: ['lowest-cost', 'lot'], seed: 'raadsbesluit-2027-014' },
  eligibility: { areaCodes: ['WK036301', 'WK036302'], minimumAge: 16, excludedRoles: ['council-member'] },
  budgetCents: 26_500_000,
  plans: [
    { planId: 'p-1', costCents: 4_500_000, name: 'Speeltuin Noorderpark', area: 'WK036301', theme: 'spelen' },
    { planId: 'p-2', costCents: 3_000_000 },
  ],
  paperPrecedence: 'paper',
  countingUnitCents: 100,
  currency: 'EUR',
  areaBudgets: [
    { areaCode: 'WK036301', amountCents: 15_500_000 },
    { areaCode: 'WK036302', amountCents: 11_000_000 },
  ],
};
const cast: CastData = {
  roundId: 'r-1',
  ballotRef: 'bal-7c1e',
  channel: 'online',
  verification: 'voting-code',
  area: 'WK036301',
  ageBand: '25-44',
  content: { type: 'approval', choices: ['p-1', 'p-2'] },
  batchId: null,
};

const ballotBox: EventExamples<BallotBoxEvent> = {
  BallotBoxPrepared: { roundId: 'r-1', frame, preparedAt: '2027-03-31T07:00:00.000Z' },
  BallotBoxOpened: { roundId: 'r-1', reason: 'De stemperiode begint', openedAt: '2027-04-01T07:00:00.000Z' },
  BallotBoxClosed: { roundId: 'r-1', reason: 'De stemperiode is voorbij', closedAt: '2027-04-21T21:00:00.000Z' },
  VoterRollExtended: { roundId: 'r-1', source: 'municipality-file', registered: 18_250, eligible: 17_980, extendedAt: '2027-03-31T08:00:00.000Z' },
  RoundKeyDestroyed: { roundId: 'r-1', reason: 'voting-closed', destroyedAt: '2027-04-15T17:00:00.000Z' },
  BallotBoxSealed: { roundId: 'r-1', reason: 'Uitslag vastgesteld, rondesleutel vernietigd', sealedAt: '2027-05-01T09:00:01.000Z' },
};

const ballot: EventExamples<BallotEvent> = {
  BallotCast: { ...cast, receiptDigest: '9f2c4e6a0b1d3f5e7a9c2b4d6f8e0a1c3e5b7d9f1a2c4e6b8d0f2a4c6e8b0d1f', castAt: '2027-04-03T19:12:00.000Z' },
  BallotReplaced: { ...cast, channel: 'paper', verification: 'paper-code-checked', content: { type: 'approval', choices: ['p-2'] }, batchId: 'SB12-3', replacedChannel: 'online', replacedAt: '2027-04-22T10:00:00.000Z' },
  PaperBallotSetAside: { roundId: 'r-1', ballotRef: 'bal-88d0', batchId: 'SB12-3', reason: 'online-ballot-stands', setAsideAt: '2027-04-22T10:05:00.000Z' },
};

const participant: EventExamples<ParticipantEvent> = {
  ParticipantRegistered: {
    roundId: 'r-1',
    participantRef: 'par-4b9e',
    rootRef: 'par-4b9e',
    area: 'WK036301',
    ageBand: '25-44',
    eligible: true,
    ineligibility: null,
    source: 'municipality-file',
    registeredAt: '2027-03-31T08:00:00.000Z',
  },
  VotingCodeBlocked: { roundId: 'r-1', participantRef: 'par-5d21', reason: 'Brief onbestelbaar retour', blockedAt: '2027-04-05T10:00:00.000Z' },
  VotingCodeReissued: { roundId: 'r-1', participantRef: 'par-4b9e', successorRef: 'par-e013', reason: 'Brief kwijt', reissuedAt: '2027-04-06T10:00:00.000Z' },
  VoterSignedIn: { roundId: 'r-1', participantRef: 'par-4b9e', channel: 'code', signedInAt: '2027-04-02T19:12:40.000Z' },
};

const paperBatch: EventExamples<PaperBatchEvent> = {
  PaperBatchOpened: { roundId: 'r-1', batchId: 'SB12-3', pollingStation: 'SB12', batchNumber: 3, slipCount: 50, openedBy: 'staff-5', openedAt: '2027-04-22T08:00:00.000Z' },
  PaperBallotEntered: {
    roundId: 'r-1',
    batchId: 'SB12-3',
    ballotRef: 'bal-88d0',
    area: 'WK036302',
    ageBand: '65+',
    content: { type: 'approval', choices: ['p-2'] },
    enteredBy: 'staff-5',
    enteredAt: '2027-04-22T08:10:00.000Z',
  },
  PaperBatchConfirmed: { roundId: 'r-1', batchId: 'SB12-3', count: 50, confirmedBy: 'staff-6', confirmedAt: '2027-04-22T09:30:00.000Z' },
};

describeGoldenEvents(new URL('./events.golden.json', import.meta.url), {
  BallotBox: { types: BALLOT_BOX_EVENT_TYPES, stream: ballotBoxStream('r-1'), examples: ballotBox },
  Ballot: { types: BALLOT_EVENT_TYPES, stream: ballotStream('r-1', 'bal-7c1e'), examples: ballot },
  Participant: { types: PARTICIPANT_EVENT_TYPES, stream: participantStream('r-1', 'par-4b9e'), examples: participant },
  PaperBatch: { types: PAPER_BATCH_EVENT_TYPES, stream: paperBatchStream('r-1', 'SB12-3'), examples: paperBatch },
});
