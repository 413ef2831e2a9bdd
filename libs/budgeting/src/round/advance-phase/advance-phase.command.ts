import type { RoundDecision, RoundEvent, RoundFrame, RoundPhase } from '../round.events.js';
import type { ExistingRound, RoundState } from '../round.state.js';
import { RoundInvalidTransitionError, RoundPhaseNotOpenError, RoundPhaseStillOpenError, RoundResultNotAdoptedError, RoundResultNotPublishedError, RoundWrongDecidingBodyError } from '../round.errors.js';
import { followFrame, isCompleteRoundDecision, requireDecision, requireReason, requireRound, sameDecision } from '../round.rules.js';
import { closesAt, entryOf, opensAt, RESIDENT_WINDOWS } from '../round.schedule.js';
import { evolveRound } from '../round.state.js';

export interface AdvancePhaseData {
  roundId: string;
  to: RoundPhase;
  reason: string;
  decision: RoundDecision | null;
  /** The budget's version in force, read by the handler; the round follows it until its rules freeze. */
  frame: RoundFrame | null;
  at: string;
}

export class AdvancePhase {
  readonly type = 'AdvancePhase' as const;
  constructor(readonly data: AdvancePhaseData) {}
}

/** The phases where the round's rules freeze: from here the vote or the deliberation runs. */
export const FREEZING_PHASES: readonly RoundPhase[] = ['voting', 'deliberation'];

/** The same transition sent again (a retry after a later step failed): already recorded, so nothing new. */
function isRepeatOf(round: ExistingRound, to: RoundPhase, reason: string, decision: RoundDecision | null): boolean {
  const last = round.history.at(-1);
  return round.phase === to && last !== undefined && last.to === to && last.reason === reason && sameDecision(last.decision, decision);
}

export function advancePhase(command: AdvancePhase, state: RoundState): RoundEvent[] {
  const { roundId, to, decision, at } = command.data;
  const round = requireRound(state, roundId);
  const reason = requireReason(command.data.reason);
  if (isRepeatOf(round, to, reason, decision)) return [];
  const next = round.pipeline[round.pipeline.indexOf(round.phase) + 1];
  if (to !== next) {
    throw new RoundInvalidTransitionError(`A round in ${round.phase} cannot move to ${to}`, { from: round.phase, to, allowed: next === undefined ? [] : [next] });
  }
  checkSchedule(round, to, at);
  if (decision !== null && !isCompleteRoundDecision(decision)) requireDecision(decision, 'An incomplete decision reference');
  if (to === 'adoption' && round.result === null) throw new RoundResultNotPublishedError('Publish the result before its adoption', { roundId });
  if (to === 'implementation' && round.result !== null && round.result.adoption === null) {
    throw new RoundResultNotAdoptedError('Adopt the result before implementation starts', { roundId });
  }
  if (to === 'implementation' && round.frame.regime?.kind === 'advisory') {
    const decided = requireDecision(decision, `Under an advisory regime the ${round.frame.regime.adoptedBy} decides before implementation starts`);
    if (decided.body !== round.frame.regime.adoptedBy) {
      throw new RoundWrongDecidingBodyError(`Under this frame the ${round.frame.regime.adoptedBy} decides, not the ${decided.body}`, { expected: round.frame.regime.adoptedBy, got: decided.body });
    }
  }

  const followed = followFrame(round, command.data.frame, at);
  const after = followed.reduce(evolveRound, round as RoundState) as ExistingRound;
  const events: RoundEvent[] = [...followed, { type: 'RoundPhaseAdvanced', data: { roundId, from: round.phase, to, reason, decision, at } }];
  if (to === 'submission' || to === 'intake') {
    events.push({ type: 'SubmissionOpened', data: { roundId, frameVersion: after.frameVersion, criteria: after.frame.criteria, at } });
  }
  if (FREEZING_PHASES.includes(to)) events.push({ type: 'RoundRulesFrozen', data: { roundId, frameVersion: after.frameVersion, at } });
  return events;
}

/** The schedule binds staff too: a scheduled phase opens on its day, not before; a residents' window is not closed before its day ends. */
function checkSchedule(round: ExistingRound, to: RoundPhase, at: string): void {
  const current = entryOf(round, round.phase);
  const closing = current === undefined ? null : closesAt(current);
  if (RESIDENT_WINDOWS.includes(round.phase) && closing !== null && at <= closing) {
    throw new RoundPhaseStillOpenError(`The schedule keeps ${round.phase} open until the end of ${current!.closesOn}`, { phase: round.phase, closesOn: current!.closesOn, closesAt: closing });
  }
  const next = entryOf(round, to);
  if (next !== undefined && at < opensAt(next)) {
    throw new RoundPhaseNotOpenError(`The schedule opens ${to} on ${next.opensOn}`, { phase: to, opensOn: next.opensOn, opensAt: opensAt(next) });
  }
}
