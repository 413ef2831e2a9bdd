import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@lib/es/testing';
import { BallotBoxWrongPhaseError } from '../ballot-box/ballot-box.errors.js';
import { anApprovalFrame, AT, ROUND_ID } from '../testing/voting.given.js';
import { BlockVotingCode } from './block-voting-code/block-voting-code.command.js';
import { participantDecider } from './participant.decider.js';
import {
  ParticipantAgeBandStraddlesMinimumError,
  ParticipantAlreadyRegisteredError,
  ParticipantInvalidAgeBandError,
  ParticipantNotActiveError,
  ParticipantNotEligibleError,
  ParticipantReasonRequiredError,
  ParticipantRollClosedError,
} from './participant.errors.js';
import type { ParticipantEvent } from './participant.events.js';
import { RecordVoterSignIn } from './record-sign-in/record-sign-in.command.js';
import { RegisterParticipant } from './register-participant/register-participant.command.js';
import { RegisterSuccessor } from './register-successor/register-successor.command.js';
import { ReissueVotingCode } from './reissue-voting-code/reissue-voting-code.command.js';

const spec = DeciderSpecification.for(participantDecider);
const REF = 'a'.repeat(64);
const register = (row: { area?: string; ageBand?: string; role?: string | null }, phase: 'prepared' | 'open' | 'closed' = 'prepared') =>
  new RegisterParticipant({
    roundId: ROUND_ID,
    participantRef: REF,
    area: row.area ?? 'WK036301',
    ageBand: row.ageBand ?? '18-64',
    role: row.role ?? null,
    source: 'municipality-file',
    registeredAt: AT,
    facts: { phase, eligibility: anApprovalFrame().eligibility },
  });
const registered = (eligible = true, ineligibility: 'area' | 'age' | 'excluded-role' | null = null, area = 'WK036301', ageBand = '18-64'): ParticipantEvent => ({
  type: 'ParticipantRegistered',
  data: { roundId: ROUND_ID, participantRef: REF, rootRef: REF, area, ageBand, eligible, ineligibility, source: 'municipality-file', registeredAt: AT },
});

describe('RegisterParticipant', () => {
  it('registers the pseudonym with area and age band; the role is used, not recorded', () => {
    spec([]).when(register({})).then([registered()]);
    spec([]).when(register({ role: 'council-member' })).then([registered(false, 'excluded-role')]);
    spec([]).when(register({ area: 'WK036399' })).then([registered(false, 'area', 'WK036399')]);
    spec([]).when(register({ ageBand: '12-15' })).then([registered(false, 'age', 'WK036301', '12-15')]);
    spec([]).when(register({ ageBand: '65+' })).then([registered(true, null, 'WK036301', '65+')]);
  });
  it('refuses a band that straddles the minimum age, a malformed band, a duplicate and a closed roll', () => {
    spec([]).when(register({ ageBand: '12-17' })).thenThrows(ParticipantAgeBandStraddlesMinimumError, 'PARTICIPANT.AGE_BAND_STRADDLES_MINIMUM');
    spec([]).when(register({ ageBand: 'adult' })).thenThrows(ParticipantInvalidAgeBandError, 'PARTICIPANT.INVALID_AGE_BAND');
    spec([registered()]).when(register({})).thenThrows(ParticipantAlreadyRegisteredError, 'PARTICIPANT.ALREADY_REGISTERED');
    spec([]).when(register({}, 'closed')).thenThrows(ParticipantRollClosedError, 'PARTICIPANT.ROLL_CLOSED');
  });
});

describe('BlockVotingCode', () => {
  it('blocks an active code, with a reason', () => {
    spec([registered()])
      .when(new BlockVotingCode({ roundId: ROUND_ID, participantRef: REF, reason: 'Letter stolen', blockedAt: AT }))
      .then([{ type: 'VotingCodeBlocked', data: { roundId: ROUND_ID, participantRef: REF, reason: 'Letter stolen', blockedAt: AT } }]);
    spec([registered()]).when(new BlockVotingCode({ roundId: ROUND_ID, participantRef: REF, reason: '', blockedAt: AT })).thenThrows(ParticipantReasonRequiredError, 'PARTICIPANT.REASON_REQUIRED');
    spec([registered(), { type: 'VotingCodeBlocked', data: { roundId: ROUND_ID, participantRef: REF, reason: 'x', blockedAt: AT } }])
      .when(new BlockVotingCode({ roundId: ROUND_ID, participantRef: REF, reason: 'again', blockedAt: AT }))
      .thenThrows(ParticipantNotActiveError, 'PARTICIPANT.NOT_ACTIVE');
  });
});

describe('RecordVoterSignIn', () => {
  const signIn = (channel: 'code' | 'oidc' = 'code') => new RecordVoterSignIn({ roundId: ROUND_ID, participantRef: REF, channel, signedInAt: AT });
  it('records a sign-in with the pseudonym, the channel and the time only, each time', () => {
    const earlier: ParticipantEvent = { type: 'VoterSignedIn', data: { roundId: ROUND_ID, participantRef: REF, channel: 'code', signedInAt: '2026-04-30T20:00:00.000Z' } };
    spec([registered()]).when(signIn()).then([{ type: 'VoterSignedIn', data: { roundId: ROUND_ID, participantRef: REF, channel: 'code', signedInAt: AT } }]);
    spec([registered(), earlier]).when(signIn('oidc')).then([{ type: 'VoterSignedIn', data: { roundId: ROUND_ID, participantRef: REF, channel: 'oidc', signedInAt: AT } }]);
  });
  it('refuses a code that is not active (blocked or re-issued): no sign-in to record', () => {
    spec([]).when(signIn()).thenThrows(ParticipantNotActiveError, 'PARTICIPANT.NOT_ACTIVE');
    spec([registered(), { type: 'VotingCodeBlocked', data: { roundId: ROUND_ID, participantRef: REF, reason: 'x', blockedAt: AT } }]).when(signIn()).thenThrows(ParticipantNotActiveError, 'PARTICIPANT.NOT_ACTIVE');
  });
});

describe('ReissueVotingCode', () => {
  const NEW = 'e'.repeat(64);
  const reissue = (reason: string, phase: 'prepared' | 'open' | 'closed' | 'sealed' = 'open') =>
    new ReissueVotingCode({ roundId: ROUND_ID, participantRef: REF, successorRef: NEW, reason, reissuedAt: AT, facts: { phase } });
  it('retires the old code in favour of its successor, while the roll is open', () => {
    spec([registered()])
      .when(reissue('Letter lost'))
      .then([{ type: 'VotingCodeReissued', data: { roundId: ROUND_ID, participantRef: REF, successorRef: NEW, reason: 'Letter lost', reissuedAt: AT } }]);
    spec([registered()])
      .when(reissue('Letter lost', 'prepared'))
      .then([{ type: 'VotingCodeReissued', data: { roundId: ROUND_ID, participantRef: REF, successorRef: NEW, reason: 'Letter lost', reissuedAt: AT } }]);
  });
  it('refuses twice, for a code that gives no vote, without a reason, and once voting closed', () => {
    const reissued: ParticipantEvent = { type: 'VotingCodeReissued', data: { roundId: ROUND_ID, participantRef: REF, successorRef: NEW, reason: 'x', reissuedAt: AT } };
    spec([registered(), reissued]).when(reissue('again')).thenThrows(ParticipantNotActiveError, 'PARTICIPANT.NOT_ACTIVE');
    spec([registered(false, 'age')]).when(reissue('lost')).thenThrows(ParticipantNotEligibleError, 'PARTICIPANT.NOT_ELIGIBLE');
    spec([registered()]).when(reissue('  ')).thenThrows(ParticipantReasonRequiredError, 'PARTICIPANT.REASON_REQUIRED');
    spec([registered()]).when(reissue('lost', 'closed')).thenThrows(BallotBoxWrongPhaseError, 'BALLOT_BOX.WRONG_PHASE');
  });
});

describe('RegisterSuccessor', () => {
  const NEW = 'e'.repeat(64);
  const successor = new RegisterSuccessor({ roundId: ROUND_ID, participantRef: NEW, rootRef: REF, area: 'WK036302', ageBand: '65+', eligible: true, ineligibility: null, registeredAt: AT });
  it("registers the successor under the old code's root, area, age band and eligibility, as a re-issue", () => {
    spec([]).when(successor).then([
      {
        type: 'ParticipantRegistered',
        data: { roundId: ROUND_ID, participantRef: NEW, rootRef: REF, area: 'WK036302', ageBand: '65+', eligible: true, ineligibility: null, source: 'reissue', registeredAt: AT },
      },
    ]);
  });
  it('decides nothing for a successor already on the roll, whatever its state', () => {
    const onRoll: ParticipantEvent = {
      type: 'ParticipantRegistered',
      data: { roundId: ROUND_ID, participantRef: NEW, rootRef: REF, area: 'WK036302', ageBand: '65+', eligible: true, ineligibility: null, source: 'reissue', registeredAt: AT },
    };
    spec([onRoll]).when(successor).then([]);
    spec([onRoll, { type: 'VotingCodeBlocked', data: { roundId: ROUND_ID, participantRef: NEW, reason: 'Stolen', blockedAt: AT } }]).when(successor).then([]);
  });
});
