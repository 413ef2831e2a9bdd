import type { ExistingRound, RoundState } from './round.state.js';
import type { PlanOutcome, RoundDecision, RoundEvent, RoundFrame, RoundPhase, Winner } from './round.events.js';
import {
  RoundCeilingExceededError,
  RoundDecisionDateDoesNotExistError,
  RoundDecisionRequiredError,
  RoundInvalidResultError,
  RoundNotFoundError,
  RoundReasonRequiredError,
  RoundResultExceedsCeilingError,
  RoundWrongPhaseError,
} from './round.errors.js';
import { withCarryOver } from './round.frame.js';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  return new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

export function requireRound(state: RoundState, roundId: string): ExistingRound {
  if (!state.exists) throw new RoundNotFoundError(`Round ${roundId} does not exist`, { roundId });
  return state;
}

export function requireReason(reason: string | undefined | null): string {
  if (typeof reason !== 'string' || reason.trim() === '') throw new RoundReasonRequiredError('This step states its reason');
  return reason;
}

export function requirePhase(state: ExistingRound, allowed: readonly RoundPhase[], what: string): void {
  if (!allowed.includes(state.phase)) throw new RoundWrongPhaseError(`${what} is not possible in phase ${state.phase}`, { phase: state.phase, allowed });
}

export function isCompleteRoundDecision(decision: RoundDecision | null | undefined): decision is RoundDecision {
  return (
    decision !== null &&
    decision !== undefined &&
    (decision.body === 'council' || decision.body === 'college' || decision.body === 'residents-body') &&
    typeof decision.number === 'string' &&
    decision.number.trim() !== '' &&
    isIsoDate(decision.date)
  );
}

export function sameDecision(a: RoundDecision | null, b: RoundDecision | null): boolean {
  return a === b || (a !== null && b !== null && a.body === b.body && a.number === b.number && a.date === b.date);
}

export function requireDecision(decision: RoundDecision | null | undefined, why: string): RoundDecision {
  const date: unknown = decision?.date;
  if (typeof date === 'string' && DATE_SHAPE.test(date) && !isIsoDate(date)) {
    throw new RoundDecisionDateDoesNotExistError(`The decision's date ${date} does not exist`, { field: 'decision.date', date });
  }
  if (!isCompleteRoundDecision(decision)) throw new RoundDecisionRequiredError(`${why}: give the decision's body, number and date`);
  return decision;
}

/**
 * Until its rules are frozen a round runs under the budget's version in force: an amendment since the
 * round last looked is taken over first (with the round's carry-over), provided the money already
 * committed still fits.
 */
export function followFrame(state: ExistingRound, current: RoundFrame | null, at: string): RoundEvent[] {
  if (current === null || state.rulesFrozenAt !== null || current.version <= state.frameVersion) return [];
  const frame = withCarryOver(current, state.carryOver);
  if (frame.ceilingCents < state.committedCents) {
    throw new RoundCeilingExceededError('The amended frame leaves less money than this round already committed', {
      ceilingCents: frame.ceilingCents,
      committedCents: state.committedCents,
    });
  }
  for (const area of frame.areaCeilings) {
    const committed = state.areaCommittedCents[area.areaCode] ?? 0;
    if (area.amountCents < committed) {
      throw new RoundCeilingExceededError(`The amended frame leaves area ${area.areaCode} less than it already committed`, {
        areaCode: area.areaCode,
        ceilingCents: area.amountCents,
        committedCents: committed,
      });
    }
  }
  return [{ type: 'RoundFollowedFrameAmendment', data: { roundId: state.roundId, fromVersion: state.frameVersion, frame, at } }];
}

/** A result as data: every winner explained as selected, no plan twice, amounts in cents, within the ceilings. */
export function checkResult(frame: RoundFrame, winners: readonly Winner[], explanation: readonly PlanOutcome[]): number {
  const issues: string[] = [];
  const winnerIds = new Set<string>();
  const areaCodes = new Set(frame.areaCeilings.map((a) => a.areaCode));
  for (const winner of winners) {
    if (winnerIds.has(winner.proposalId)) issues.push(`${winner.proposalId} wins twice`);
    winnerIds.add(winner.proposalId);
    if (!Number.isSafeInteger(winner.amountCents) || winner.amountCents <= 0) issues.push(`${winner.proposalId}: amountCents must be a positive whole number`);
    if (areaCodes.size > 0 && (winner.areaCode === null || !areaCodes.has(winner.areaCode))) issues.push(`${winner.proposalId}: areaCode must be one of the round's areas`);
  }
  const explained = new Set<string>();
  for (const outcome of explanation) {
    if (explained.has(outcome.proposalId)) issues.push(`${outcome.proposalId} is explained twice`);
    explained.add(outcome.proposalId);
    if (outcome.selected !== winnerIds.has(outcome.proposalId)) issues.push(`${outcome.proposalId}: selected must match the winners`);
  }
  for (const id of winnerIds) if (!explained.has(id)) issues.push(`${id} wins without an explanation`);
  if (issues.length > 0) throw new RoundInvalidResultError('The result is inconsistent', { issues });

  const totalCents = winners.reduce((sum, w) => sum + w.amountCents, 0);
  if (totalCents > frame.ceilingCents) {
    throw new RoundResultExceedsCeilingError('The winners cost more than the round can spend', { totalCents, ceilingCents: frame.ceilingCents });
  }
  for (const area of frame.areaCeilings) {
    const areaTotal = winners.filter((w) => w.areaCode === area.areaCode).reduce((sum, w) => sum + w.amountCents, 0);
    if (areaTotal > area.amountCents) {
      throw new RoundResultExceedsCeilingError(`The winners in ${area.areaCode} cost more than its amount`, { areaCode: area.areaCode, totalCents: areaTotal, ceilingCents: area.amountCents });
    }
  }
  return totalCents;
}
