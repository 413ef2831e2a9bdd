import type { ObjectionChannel, ProposalObjectionLodged } from '../../proposal.events.js';
import { amsterdamDate } from '../../proposal.deadlines.js';
import { ObjectionAlreadyLodgedError, ObjectionGroundsRequiredError, ObjectionInvalidDateError, ObjectionNotADecisionError, ObjectionNotApplicantError } from '../../proposal.errors.js';
import { existing } from '../../proposal.guards.js';
import type { ProposalState } from '../../proposal.state.js';
import { lodgedInTime, objectionDecisionDue, objectionTermEndsOn } from '../objection.deadlines.js';
import { requireDateFrom } from '../objection.rules.js';

/** A bezwaarschrift against the plan's beschikking, lodged by the applicant or registered by staff from paper or e-mail. */
export class LodgeObjection {
  readonly type = 'LodgeObjection' as const;
  constructor(readonly data: {
    proposalId: string;
    objectionId: string;
    channel: ObjectionChannel;
    /** The resident lodging it (channel `resident`): must be the plan's submitter. Staff register for the applicant: null. */
    residentRef: string | null;
    /** SHA-256 (hex) of the grounds; empty when no grounds were given. */
    groundsDigest: string;
    /** Null: today (in Amsterdam). */
    receivedOn: string | null;
    postedOn: string | null;
    at: string;
  }) {}
}

export function lodgeObjection(command: LodgeObjection, state: ProposalState): ProposalObjectionLodged[] {
  const { proposalId, objectionId, channel, residentRef, groundsDigest, postedOn, at } = command.data;
  const plan = existing(state, proposalId);
  if (channel === 'resident' && residentRef !== plan.submitterRef) throw new ObjectionNotApplicantError('Only the applicant may object to this beschikking', { proposalId });
  const decision = plan.beschikking;
  if (decision === null) throw new ObjectionNotADecisionError('The plan has no beschikking to object to', { proposalId, status: plan.status });
  if (decision.appeal.route !== 'bezwaar') throw new ObjectionNotADecisionError('This decision was taken on an objection: it is open to beroep at the court, not to bezwaar (Awb 7:1)', { proposalId, decisionReference: decision.decisionReference, route: decision.appeal.route });
  if (plan.objection !== null) throw new ObjectionAlreadyLodgedError('An objection against this beschikking was lodged already', { objectionId: plan.objection.objectionId });
  if (groundsDigest === '') throw new ObjectionGroundsRequiredError('A bezwaarschrift states its grounds (Awb 6:5)', { field: 'grounds' });
  const receivedOn = command.data.receivedOn ?? amsterdamDate(at);
  requireDateFrom(receivedOn, 'receivedOn', at, decision.decisionDate, 'the beschikking');
  if (postedOn !== null) {
    requireDateFrom(postedOn, 'postedOn', at, decision.decisionDate, 'the beschikking');
    if (postedOn > receivedOn) throw new ObjectionInvalidDateError('An objection is posted before it is received', { field: 'postedOn', date: postedOn, receivedOn });
  }
  const termEndsOn = objectionTermEndsOn(decision.decisionDate, decision.appeal.periodWeeks);
  const advisoryCommittee = decision.appeal.advisoryCommittee === true;
  return [
    {
      type: 'ProposalObjectionLodged',
      data: {
        proposalId,
        objectionId,
        objectorRef: plan.submitterRef,
        channel,
        contestedDecision: decision.decisionReference,
        groundsDigest,
        receivedOn,
        postedOn,
        termEndsOn,
        inTime: lodgedInTime(termEndsOn, receivedOn, postedOn),
        advisoryCommittee,
        decisionDueBy: objectionDecisionDue(termEndsOn, advisoryCommittee),
        at,
      },
    },
  ];
}
