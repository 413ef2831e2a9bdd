import type { HearingSkipGround, ProposalObjectionHeard, ProposalObjectionHearingScheduled, ProposalObjectionHearingSkipped } from '../../proposal.events.js';
import { ObjectionHearingClosedError, ObjectionHearingNotScheduledError, ObjectionInvalidDateError, ObjectionSkipGroundMismatchError } from '../../proposal.errors.js';
import { existing, isAfter, requireReason } from '../../proposal.guards.js';
import type { Objection, ProposalState } from '../../proposal.state.js';
import { requireUndecided } from '../objection.rules.js';

/** The hearing is open until it was held or skipped (after a quashed decision it stays as it was). */
function requireHearingOpen(objection: Objection): void {
  if (objection.hearing.status === 'held' || objection.hearing.status === 'skipped') {
    throw new ObjectionHearingClosedError(`The hearing was ${objection.hearing.status} already`, { objectionId: objection.objectionId, hearing: objection.hearing.status });
  }
}

function requireInstant(value: string, field: string): void {
  if (Number.isNaN(new Date(value).getTime())) throw new ObjectionInvalidDateError(`${field} is not a moment in time`, { field });
}

export class ScheduleObjectionHearing {
  readonly type = 'ScheduleObjectionHearing' as const;
  constructor(readonly data: { proposalId: string; hearingAt: string; location: string; at: string }) {}
}

/** Awb 7:2: the objector is invited to be heard; rescheduling sends a new invitation. */
export function scheduleObjectionHearing(command: ScheduleObjectionHearing, state: ProposalState): ProposalObjectionHearingScheduled[] {
  const { proposalId, hearingAt, at } = command.data;
  const objection = requireUndecided(existing(state, proposalId));
  requireHearingOpen(objection);
  requireInstant(hearingAt, 'hearingAt');
  if (!isAfter(hearingAt, at)) throw new ObjectionInvalidDateError('A hearing is scheduled for a moment still to come', { field: 'hearingAt', hearingAt });
  const location = requireReason(command.data.location);
  return [{ type: 'ProposalObjectionHearingScheduled', data: { proposalId, objectionId: objection.objectionId, hearingAt: new Date(hearingAt).toISOString(), location, at } }];
}

export class RecordObjectionHearing {
  readonly type = 'RecordObjectionHearing' as const;
  constructor(readonly data: { proposalId: string; reportReference: string | null; at: string }) {}
}

/** The hearing took place as scheduled; the report (verslag, Awb 7:7) is kept by its reference. */
export function recordObjectionHearing(command: RecordObjectionHearing, state: ProposalState): ProposalObjectionHeard[] {
  const { proposalId, reportReference, at } = command.data;
  const objection = requireUndecided(existing(state, proposalId));
  requireHearingOpen(objection);
  if (objection.hearing.status !== 'scheduled') throw new ObjectionHearingNotScheduledError('No hearing was scheduled', { objectionId: objection.objectionId });
  if (isAfter(objection.hearing.hearingAt, at)) throw new ObjectionInvalidDateError('The hearing is still to come', { field: 'hearingAt', hearingAt: objection.hearing.hearingAt });
  return [{ type: 'ProposalObjectionHeard', data: { proposalId, objectionId: objection.objectionId, heardAt: objection.hearing.hearingAt, reportReference, at } }];
}

export class SkipObjectionHearing {
  readonly type = 'SkipObjectionHearing' as const;
  constructor(readonly data: { proposalId: string; ground: HearingSkipGround; reason: string; at: string }) {}
}

/**
 * Awb 7:3: no hearing when the objection is kennelijk niet-ontvankelijk (here: late, and its lateness
 * judged not excusable) or kennelijk ongegrond, when the objector waived it, or when the objection is
 * fully met and nobody else is harmed by that.
 */
export function skipObjectionHearing(command: SkipObjectionHearing, state: ProposalState): ProposalObjectionHearingSkipped[] {
  const { proposalId, ground, at } = command.data;
  const objection = requireUndecided(existing(state, proposalId));
  requireHearingOpen(objection);
  if (ground === 'kennelijk-niet-ontvankelijk' && !(objection.inTime === false && objection.latenessExcusable === false)) {
    throw new ObjectionSkipGroundMismatchError('Only a late objection whose lateness is not excusable is kennelijk niet-ontvankelijk', { ground, inTime: objection.inTime, latenessExcusable: objection.latenessExcusable });
  }
  const reason = requireReason(command.data.reason);
  return [{ type: 'ProposalObjectionHearingSkipped', data: { proposalId, objectionId: objection.objectionId, ground, reason, at } }];
}
