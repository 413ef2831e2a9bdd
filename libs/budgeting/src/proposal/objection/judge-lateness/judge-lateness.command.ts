import type { ProposalObjectionLatenessJudged } from '../../proposal.events.js';
import { ObjectionLatenessAlreadyJudgedError, ObjectionNotLateError } from '../../proposal.errors.js';
import { existing, requireReason } from '../../proposal.guards.js';
import type { ProposalState } from '../../proposal.state.js';
import { requireUndecided } from '../objection.rules.js';

export class JudgeObjectionLateness {
  readonly type = 'JudgeObjectionLateness' as const;
  constructor(readonly data: { proposalId: string; excusable: boolean; reason: string; at: string }) {}
}

/** Awb 6:11: a late objection is not niet-ontvankelijk when the objector cannot reasonably be held to have been late; staff judge that, once. */
export function judgeObjectionLateness(command: JudgeObjectionLateness, state: ProposalState): ProposalObjectionLatenessJudged[] {
  const { proposalId, excusable, at } = command.data;
  const objection = requireUndecided(existing(state, proposalId));
  if (objection.inTime) throw new ObjectionNotLateError('The objection was lodged in time', { objectionId: objection.objectionId, receivedOn: objection.receivedOn, termEndsOn: objection.termEndsOn });
  if (objection.latenessExcusable !== null) throw new ObjectionLatenessAlreadyJudgedError('The lateness was judged already', { excusable: objection.latenessExcusable });
  const reason = requireReason(command.data.reason);
  return [{ type: 'ProposalObjectionLatenessJudged', data: { proposalId, objectionId: objection.objectionId, excusable, reason, at } }];
}
