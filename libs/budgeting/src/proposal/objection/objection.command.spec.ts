import { describe, expect, it } from '@jest/globals';
import { DeciderSpecification } from '@lib/es/testing';
import {
  ObjectionAlreadyDecidedError,
  ObjectionAlreadyExtendedError,
  ObjectionAlreadyLodgedError,
  ObjectionBeroepAlreadyLodgedError,
  ObjectionBeroepAlreadyRuledError,
  ObjectionDecisionTermPassedError,
  ObjectionGroundsRequiredError,
  ObjectionHearingClosedError,
  ObjectionHearingNotScheduledError,
  ObjectionHearingRequiredError,
  ObjectionInvalidDateError,
  ObjectionInvalidExtensionError,
  ObjectionLatenessAlreadyJudgedError,
  ObjectionLatenessNotJudgedError,
  ObjectionNoBeroepError,
  ObjectionNotADecisionError,
  ObjectionNotApplicantError,
  ObjectionNotDecidedError,
  ObjectionNotFoundError,
  ObjectionNotLateError,
  ObjectionRevisionNotAllowedError,
  ObjectionRevisionRequiredError,
  ObjectionSkipGroundMismatchError,
  ObjectionTermPassedError,
  ObjectionWorseOffError,
  ProposalGrantExceedsRequestError,
  ProposalReasonRequiredError,
} from '../proposal.errors.js';
import { proposalDecider } from '../proposal.decider.js';
import type { ProposalEvent, ProposalObjectionDecided, ProposalObjectionLodged } from '../proposal.events.js';
import { aGrantedPlan, anApplication, BEZWAAR, PROPOSAL_ID, ROUND_ID, SUBMITTER_REF } from '../testing/proposal.given.js';
import { RecordGrant } from '../decide-grant/decide-grant.command.js';
import { DEFAULT_BEROEP } from './decide-objection/decide-objection.command.js';

const given = DeciderSpecification.for(proposalDecider);
const DIGEST = 'ab'.repeat(32);
const AT = '2026-06-20T09:00:00.000Z';
const refused: ProposalEvent = { type: 'ProposalGrantRefused', data: { proposalId: PROPOSAL_ID, decisionReference: 'Z/26/000123', decisionDate: '2026-06-01', appeal: BEZWAAR, reason: 'Past niet binnen de regeling', at: '2026-06-01T09:00:00.000Z' } };
const aRefusal = (): ProposalEvent[] => [anApplication(), refused];

const lodge = (overrides: Record<string, unknown> = {}) => ({
  type: 'LodgeObjection' as const,
  data: { proposalId: PROPOSAL_ID, objectionId: 'o-1', channel: 'resident' as const, residentRef: SUBMITTER_REF, groundsDigest: DIGEST, receivedOn: null, postedOn: null, at: AT, ...overrides },
});
const lodged = (overrides: Partial<ProposalObjectionLodged['data']> = {}): ProposalObjectionLodged => ({
  type: 'ProposalObjectionLodged',
  data: {
    proposalId: PROPOSAL_ID,
    objectionId: 'o-1',
    objectorRef: SUBMITTER_REF,
    channel: 'resident',
    contestedDecision: 'Z/26/000123',
    groundsDigest: DIGEST,
    receivedOn: '2026-06-20',
    postedOn: null,
    termEndsOn: '2026-07-13',
    inTime: true,
    advisoryCommittee: false,
    decisionDueBy: '2026-08-24T21:59:59.999Z',
    at: AT,
    ...overrides,
  },
});
const late = () => lodged({ receivedOn: '2026-07-20', inTime: false, at: '2026-07-20T09:00:00.000Z' });
const judged = (excusable: boolean): ProposalEvent => ({ type: 'ProposalObjectionLatenessJudged', data: { proposalId: PROPOSAL_ID, objectionId: 'o-1', excusable, reason: 'Beoordeeld', at: '2026-07-21T09:00:00.000Z' } });
const scheduled: ProposalEvent = { type: 'ProposalObjectionHearingScheduled', data: { proposalId: PROPOSAL_ID, objectionId: 'o-1', hearingAt: '2026-07-01T12:00:00.000Z', location: 'Stadhuis, kamer 2.14', at: AT } };
const heard: ProposalEvent = { type: 'ProposalObjectionHeard', data: { proposalId: PROPOSAL_ID, objectionId: 'o-1', heardAt: '2026-07-01T12:00:00.000Z', reportReference: 'HV-1', at: '2026-07-01T14:00:00.000Z' } };
const skipped = (ground: 'kennelijk-niet-ontvankelijk' | 'kennelijk-ongegrond' | 'afgezien' | 'volledig-tegemoetgekomen'): ProposalEvent => ({
  type: 'ProposalObjectionHearingSkipped',
  data: { proposalId: PROPOSAL_ID, objectionId: 'o-1', ground, reason: 'Zie de gronden', at: AT },
});
const decide = (overrides: Record<string, unknown> = {}) => ({
  type: 'DecideObjection' as const,
  data: { proposalId: PROPOSAL_ID, outcome: 'ongegrond' as const, decisionReference: 'BOB/26/001', decisionDate: '2026-07-15', revised: null, beroep: DEFAULT_BEROEP, reason: 'De weigering blijft in stand', at: '2026-07-15T09:00:00.000Z', ...overrides },
});
const decided = (overrides: Partial<ProposalObjectionDecided['data']> = {}): ProposalObjectionDecided => ({
  type: 'ProposalObjectionDecided',
  data: { proposalId: PROPOSAL_ID, objectionId: 'o-1', outcome: 'ongegrond', decisionReference: 'BOB/26/001', decisionDate: '2026-07-15', revokes: null, revised: null, beroep: DEFAULT_BEROEP, reason: 'De weigering blijft in stand', at: '2026-07-15T09:00:00.000Z', ...overrides },
});

describe('LodgeObjection', () => {
  it('registers the applicant\'s objection with its term (6:7, 6:8), in time, and the term to decide on it (7:10)', () => {
    given(aRefusal()).when(lodge()).then([lodged()]);
  });

  it('registers a paper objection for the applicant, posted in the term and received within the week after (6:9(2))', () => {
    given(aRefusal())
      .when(lodge({ channel: 'staff', residentRef: null, receivedOn: '2026-07-17', postedOn: '2026-07-13', at: '2026-07-17T09:00:00.000Z' }))
      .then([lodged({ channel: 'staff', receivedOn: '2026-07-17', postedOn: '2026-07-13', at: '2026-07-17T09:00:00.000Z' })]);
  });

  it('registers a late objection as late: its lateness is judged next (6:11)', () => {
    given(aRefusal()).when(lodge({ at: '2026-07-20T09:00:00.000Z' })).then([late()]);
  });

  it('gives twelve weeks to decide when the beschikking names an advisory committee', () => {
    const withCommittee: ProposalEvent = { ...refused, data: { ...(refused.data as object), appeal: { ...BEZWAAR, advisoryCommittee: true } } } as ProposalEvent;
    given([anApplication(), withCommittee]).when(lodge()).then([lodged({ advisoryCommittee: true, decisionDueBy: '2026-10-05T21:59:59.999Z' })]);
  });

  it('objects to a grant too (its amount)', () => {
    given(aGrantedPlan()).when(lodge()).then([lodged()]);
  });

  it('refuses an objection without a beschikking, against a decision on an objection, a second one, or one by someone else', () => {
    given([anApplication()]).when(lodge()).thenThrows(ObjectionNotADecisionError, 'OBJECTION.NOT_A_DECISION');
    const revisedGrant: ProposalEvent = { type: 'ProposalGranted', data: { proposalId: PROPOSAL_ID, roundId: ROUND_ID, amountCents: 1_000_000, decisionReference: 'BOB/26/001', decisionDate: '2026-07-15', appeal: DEFAULT_BEROEP, reason: 'Herzien', at: AT, onObjection: 'o-1' } };
    given([...aRefusal(), revisedGrant]).when(lodge({ objectionId: 'o-2' })).thenThrows(ObjectionNotADecisionError, 'OBJECTION.NOT_A_DECISION');
    given([...aRefusal(), lodged()]).when(lodge({ objectionId: 'o-2' })).thenThrows(ObjectionAlreadyLodgedError, 'OBJECTION.ALREADY_LODGED');
    given(aRefusal()).when(lodge({ residentRef: 'someone-else' })).thenThrows(ObjectionNotApplicantError, 'OBJECTION.NOT_APPLICANT');
  });

  it('refuses an objection without grounds (6:5), or received before the beschikking or in the future', () => {
    given(aRefusal()).when(lodge({ groundsDigest: '' })).thenThrows(ObjectionGroundsRequiredError, 'OBJECTION.GROUNDS_REQUIRED');
    given(aRefusal()).when(lodge({ channel: 'staff', residentRef: null, receivedOn: '2026-05-31' })).thenThrows(ObjectionInvalidDateError, 'OBJECTION.INVALID_DATE');
    given(aRefusal()).when(lodge({ channel: 'staff', residentRef: null, receivedOn: '2026-06-21' })).thenThrows(ObjectionInvalidDateError, 'OBJECTION.INVALID_DATE');
    given(aRefusal()).when(lodge({ channel: 'staff', residentRef: null, receivedOn: '2026-06-31' })).thenThrows(ObjectionInvalidDateError, 'OBJECTION.INVALID_DATE');
  });
});

describe('JudgeObjectionLateness', () => {
  const judge = (excusable: boolean, reason = 'Beoordeeld') => ({ type: 'JudgeObjectionLateness' as const, data: { proposalId: PROPOSAL_ID, excusable, reason, at: '2026-07-21T09:00:00.000Z' } });

  it('records whether a late objection\'s lateness is excusable, once', () => {
    given([...aRefusal(), late()]).when(judge(false)).then([judged(false)]);
    given([...aRefusal(), late(), judged(true)]).when(judge(false)).thenThrows(ObjectionLatenessAlreadyJudgedError, 'OBJECTION.LATENESS_ALREADY_JUDGED');
  });

  it('refuses to judge an objection that came in time, or without a reason, or without an objection', () => {
    given([...aRefusal(), lodged()]).when(judge(true)).thenThrows(ObjectionNotLateError, 'OBJECTION.NOT_LATE');
    given([...aRefusal(), late()]).when(judge(true, ' ')).thenThrows(ProposalReasonRequiredError, 'PROPOSAL.REASON_REQUIRED');
    given(aRefusal()).when(judge(true)).thenThrows(ObjectionNotFoundError, 'OBJECTION.NOT_FOUND');
  });
});

describe('the hearing (Awb 7:2, 7:3)', () => {
  const schedule = (hearingAt = '2026-07-01T12:00:00.000Z') => ({ type: 'ScheduleObjectionHearing' as const, data: { proposalId: PROPOSAL_ID, hearingAt, location: 'Stadhuis, kamer 2.14', at: AT } });
  const hold = (at = '2026-07-01T14:00:00.000Z') => ({ type: 'RecordObjectionHearing' as const, data: { proposalId: PROPOSAL_ID, reportReference: 'HV-1', at } });
  const skip = (ground: 'kennelijk-niet-ontvankelijk' | 'afgezien') => ({ type: 'SkipObjectionHearing' as const, data: { proposalId: PROPOSAL_ID, ground, reason: 'Zie de gronden', at: AT } });

  it('schedules the hearing, records it held, and refuses a hearing in the past or before it took place', () => {
    given([...aRefusal(), lodged()]).when(schedule()).then([scheduled]);
    given([...aRefusal(), lodged(), scheduled]).when(hold()).then([heard]);
    given([...aRefusal(), lodged()]).when(schedule('2026-06-19T12:00:00.000Z')).thenThrows(ObjectionInvalidDateError, 'OBJECTION.INVALID_DATE');
    given([...aRefusal(), lodged(), scheduled]).when(hold('2026-06-30T09:00:00.000Z')).thenThrows(ObjectionInvalidDateError, 'OBJECTION.INVALID_DATE');
    given([...aRefusal(), lodged()]).when(hold()).thenThrows(ObjectionHearingNotScheduledError, 'OBJECTION.HEARING_NOT_SCHEDULED');
  });

  it('skips the hearing on a 7:3 ground; kennelijk niet-ontvankelijk only for a late objection not excused', () => {
    given([...aRefusal(), lodged()]).when(skip('afgezien')).then([skipped('afgezien')]);
    given([...aRefusal(), late(), judged(false)]).when(skip('kennelijk-niet-ontvankelijk')).then([skipped('kennelijk-niet-ontvankelijk')]);
    given([...aRefusal(), lodged()]).when(skip('kennelijk-niet-ontvankelijk')).thenThrows(ObjectionSkipGroundMismatchError, 'OBJECTION.SKIP_GROUND_MISMATCH');
  });

  it('closes the hearing once held or skipped', () => {
    given([...aRefusal(), lodged(), scheduled, heard]).when(schedule()).thenThrows(ObjectionHearingClosedError, 'OBJECTION.HEARING_CLOSED');
    given([...aRefusal(), lodged(), skipped('afgezien')]).when(skip('afgezien')).thenThrows(ObjectionHearingClosedError, 'OBJECTION.HEARING_CLOSED');
  });
});

describe('ExtendObjectionDecisionTerm (Awb 7:10(3), (4))', () => {
  const extend = (weeks: number, withConsent = false, at = '2026-08-20T09:00:00.000Z') => ({ type: 'ExtendObjectionDecisionTerm' as const, data: { proposalId: PROPOSAL_ID, weeks, withConsent, reason: 'Advies nodig', at } });
  const extended: ProposalEvent = { type: 'ProposalObjectionDecisionTermExtended', data: { proposalId: PROPOSAL_ID, objectionId: 'o-1', previousDue: '2026-08-24T21:59:59.999Z', newDue: '2026-10-05T21:59:59.999Z', withConsent: false, reason: 'Advies nodig', at: '2026-08-20T09:00:00.000Z' } };

  it('extends once by at most six weeks, before the term passes', () => {
    given([...aRefusal(), lodged()]).when(extend(6)).then([extended]);
    given([...aRefusal(), lodged()]).when(extend(7)).thenThrows(ObjectionInvalidExtensionError, 'OBJECTION.INVALID_EXTENSION');
    given([...aRefusal(), lodged()]).when(extend(6, false, '2026-08-24T22:00:00.000Z')).thenThrows(ObjectionDecisionTermPassedError, 'OBJECTION.DECISION_TERM_PASSED');
  });

  it('extends further only with the objector\'s consent', () => {
    given([...aRefusal(), lodged(), extended]).when(extend(2)).thenThrows(ObjectionAlreadyExtendedError, 'OBJECTION.ALREADY_EXTENDED');
    given([...aRefusal(), lodged(), extended])
      .when(extend(2, true))
      .then([{ type: 'ProposalObjectionDecisionTermExtended', data: { proposalId: PROPOSAL_ID, objectionId: 'o-1', previousDue: '2026-10-05T21:59:59.999Z', newDue: '2026-10-19T21:59:59.999Z', withConsent: true, reason: 'Advies nodig', at: '2026-08-20T09:00:00.000Z' } }]);
  });
});

describe('DecideObjection (Awb 7:11, 7:12)', () => {
  const revised = { granted: true as const, amountCents: 2_000_000 };

  it('decides ongegrond after the hearing, naming the beroep route', () => {
    given([...aRefusal(), lodged(), scheduled, heard]).when(decide()).then([decided()]);
  });

  it('decides gegrond with the revised grant; the grant itself follows through the round\'s commitment', () => {
    given([...aRefusal(), lodged(), scheduled, heard])
      .when(decide({ outcome: 'gegrond', revised, reason: 'De regeling laat dit toe' }))
      .then([decided({ outcome: 'gegrond', revokes: 'Z/26/000123', revised, reason: 'De regeling laat dit toe' })]);
  });

  it('records a decision after its term with the term it missed', () => {
    given([...aRefusal(), lodged(), scheduled, heard])
      .when(decide({ decisionDate: '2026-08-25', at: '2026-08-25T09:00:00.000Z' }))
      .then([decided({ decisionDate: '2026-08-25', at: '2026-08-25T09:00:00.000Z', decidedAfterTerm: '2026-08-24T21:59:59.999Z' })]);
  });

  it('needs the hearing held or skipped first', () => {
    given([...aRefusal(), lodged()]).when(decide()).thenThrows(ObjectionHearingRequiredError, 'OBJECTION.HEARING_REQUIRED');
    given([...aRefusal(), lodged(), scheduled]).when(decide()).thenThrows(ObjectionHearingRequiredError, 'OBJECTION.HEARING_REQUIRED');
  });

  it('decides a late objection on its merits only when its lateness was excused; otherwise niet-ontvankelijk', () => {
    const later = { decisionDate: '2026-07-22', at: '2026-07-22T09:00:00.000Z' };
    given([...aRefusal(), late(), skipped('afgezien')]).when(decide(later)).thenThrows(ObjectionLatenessNotJudgedError, 'OBJECTION.LATENESS_NOT_JUDGED');
    given([...aRefusal(), late(), judged(false), skipped('kennelijk-niet-ontvankelijk')]).when(decide(later)).thenThrows(ObjectionTermPassedError, 'OBJECTION.TERM_PASSED');
    given([...aRefusal(), late(), judged(false), skipped('kennelijk-niet-ontvankelijk')])
      .when(decide({ ...later, outcome: 'niet-ontvankelijk', reason: 'Te laat, niet verschoonbaar' }))
      .then([decided({ ...later, outcome: 'niet-ontvankelijk', reason: 'Te laat, niet verschoonbaar' })]);
    given([...aRefusal(), late(), judged(true), skipped('afgezien')]).when(decide(later)).then([decided(later)]);
  });

  it('holds the outcome to the ground the hearing was skipped on', () => {
    given([...aRefusal(), lodged(), skipped('kennelijk-ongegrond')]).when(decide({ outcome: 'gegrond', revised })).thenThrows(ObjectionSkipGroundMismatchError, 'OBJECTION.SKIP_GROUND_MISMATCH');
  });

  it('takes a revised decision on gegrond only, never leaving the objector worse off or granting more than asked', () => {
    const ready = [...aRefusal(), lodged(), scheduled, heard];
    given(ready).when(decide({ outcome: 'gegrond' })).thenThrows(ObjectionRevisionRequiredError, 'OBJECTION.REVISION_REQUIRED');
    given(ready).when(decide({ revised })).thenThrows(ObjectionRevisionNotAllowedError, 'OBJECTION.REVISION_NOT_ALLOWED');
    given(ready).when(decide({ outcome: 'gegrond', revised: { granted: true, amountCents: 3_000_001 } })).thenThrows(ProposalGrantExceedsRequestError, 'PROPOSAL.GRANT_EXCEEDS_REQUEST');
    const error = given([...aGrantedPlan(2_000_000), lodged(), scheduled, heard]).when(decide({ outcome: 'gegrond', revised: { granted: true, amountCents: 2_000_000 } })).thenThrows(ObjectionWorseOffError, 'OBJECTION.WORSE_OFF');
    expect(error.details).toEqual({ amountCents: 2_000_000, contestedCents: 2_000_000 });
  });

  it('refuses a second decision, one dated before the objection came in, and one without reasons', () => {
    given([...aRefusal(), lodged(), scheduled, heard, decided()]).when(decide()).thenThrows(ObjectionAlreadyDecidedError, 'OBJECTION.ALREADY_DECIDED');
    given([...aRefusal(), lodged(), scheduled, heard]).when(decide({ decisionDate: '2026-06-19' })).thenThrows(ObjectionInvalidDateError, 'OBJECTION.INVALID_DATE');
    given([...aRefusal(), lodged(), scheduled, heard]).when(decide({ reason: '' })).thenThrows(ProposalReasonRequiredError, 'PROPOSAL.REASON_REQUIRED');
  });
});

describe('RecordGrant of a revised decision (the grant-recorder, after the round committed the raise)', () => {
  const decision = decided({ outcome: 'gegrond', revokes: 'Z/26/000123', revised: { granted: true, amountCents: 2_500_000 }, reason: 'Hoger bedrag terecht' });
  const record = () =>
    new RecordGrant({ proposalId: PROPOSAL_ID, commitment: 'commit-9', amountCents: 2_500_000, decisionReference: 'BOB/26/001', decisionDate: '2026-07-15', appeal: DEFAULT_BEROEP, reason: 'Hoger bedrag terecht', at: '2026-07-15T09:00:00.000Z', objection: decision.data });
  const granted: ProposalEvent = {
    type: 'ProposalGranted',
    data: { proposalId: PROPOSAL_ID, roundId: ROUND_ID, amountCents: 2_500_000, decisionReference: 'BOB/26/001', decisionDate: '2026-07-15', appeal: DEFAULT_BEROEP, reason: 'Hoger bedrag terecht', at: '2026-07-15T09:00:00.000Z', commitment: 'commit-9', onObjection: 'o-1' },
  };

  it('records the decision on the objection and the revised grant together, once', () => {
    const ready = [...aGrantedPlan(2_000_000), lodged(), scheduled, heard];
    given(ready).when(record()).then([decision, granted]);
    given([...ready, decision, granted]).when(record()).then([]);
  });

  it('keeps a plan in implementation in implementation, with the raised grant', () => {
    const implementing: ProposalEvent[] = [...aGrantedPlan(2_000_000), { type: 'ProposalImplementationStarted', data: { proposalId: PROPOSAL_ID, startedOn: '2026-07-01', at: AT } }, lodged(), scheduled, heard, decision, granted];
    const state = implementing.reduce(proposalDecider.evolve, proposalDecider.initialState());
    expect(state).toMatchObject({ status: 'implementing', grant: { amountCents: 2_500_000, decisionReference: 'BOB/26/001' }, objection: { decision: { outcome: 'gegrond' } } });
  });
});

describe('beroep at the court', () => {
  const beroep = (lodgedOn = '2026-08-20', at = '2026-08-21T09:00:00.000Z') => ({ type: 'RecordBeroep' as const, data: { proposalId: PROPOSAL_ID, court: 'Rechtbank Amsterdam', caseReference: 'AMS 26/1234', lodgedOn, at } });
  const lodgedBeroep: ProposalEvent = { type: 'ProposalBeroepLodged', data: { proposalId: PROPOSAL_ID, objectionId: 'o-1', court: 'Rechtbank Amsterdam', caseReference: 'AMS 26/1234', lodgedOn: '2026-08-20', inTime: true, at: '2026-08-21T09:00:00.000Z' } };
  const rule = (outcome: 'gegrond' | 'ongegrond') => ({ type: 'RecordCourtRuling' as const, data: { proposalId: PROPOSAL_ID, outcome, rulingDate: '2027-01-15', redecideWithinWeeks: 6, reason: 'Onvoldoende gemotiveerd', at: '2027-01-18T09:00:00.000Z' } });
  const ruled: ProposalEvent = { type: 'ProposalBeroepRuled', data: { proposalId: PROPOSAL_ID, objectionId: 'o-1', caseReference: 'AMS 26/1234', outcome: 'gegrond', rulingDate: '2027-01-15', redecisionDueBy: '2027-02-26T22:59:59.999Z', reason: 'Onvoldoende gemotiveerd', at: '2027-01-18T09:00:00.000Z' } };
  const decidedPlan = [...aRefusal(), lodged(), scheduled, heard, decided()];

  it('records beroep against the decision on the objection, in time or not (six weeks)', () => {
    given(decidedPlan).when(beroep()).then([lodgedBeroep]);
    given(decidedPlan).when(beroep('2026-08-27', '2026-08-28T09:00:00.000Z')).then([{ ...lodgedBeroep, data: { ...(lodgedBeroep.data as object), lodgedOn: '2026-08-27', inTime: false, at: '2026-08-28T09:00:00.000Z' } } as ProposalEvent]);
    given([...aRefusal(), lodged()]).when(beroep()).thenThrows(ObjectionNotDecidedError, 'OBJECTION.NOT_DECIDED');
    given([...decidedPlan, lodgedBeroep]).when(beroep()).thenThrows(ObjectionBeroepAlreadyLodgedError, 'OBJECTION.BEROEP_ALREADY_LODGED');
  });

  it('a gegrond ruling asks for a new decision on the objection within the court\'s term; ongegrond is final', () => {
    given([...decidedPlan, lodgedBeroep]).when(rule('gegrond')).then([ruled]);
    given([...decidedPlan, lodgedBeroep, ruled]).when(decide({ decisionReference: 'BOB/27/002', decisionDate: '2027-02-01', at: '2027-02-01T09:00:00.000Z' })).then([decided({ decisionReference: 'BOB/27/002', decisionDate: '2027-02-01', at: '2027-02-01T09:00:00.000Z' })]);
    given([...decidedPlan, lodgedBeroep])
      .when(rule('ongegrond'))
      .then([{ type: 'ProposalBeroepRuled', data: { proposalId: PROPOSAL_ID, objectionId: 'o-1', caseReference: 'AMS 26/1234', outcome: 'ongegrond', rulingDate: '2027-01-15', redecisionDueBy: null, reason: 'Onvoldoende gemotiveerd', at: '2027-01-18T09:00:00.000Z' } }]);
  });

  it('refuses a ruling without beroep, or a second one', () => {
    given(decidedPlan).when(rule('gegrond')).thenThrows(ObjectionNoBeroepError, 'OBJECTION.NO_BEROEP');
    given([...decidedPlan, lodgedBeroep, ruled]).when(rule('ongegrond')).thenThrows(ObjectionBeroepAlreadyRuledError, 'OBJECTION.BEROEP_ALREADY_RULED');
  });
});
