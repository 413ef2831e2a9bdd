import { domainError } from '@lib/es';

export class RoundAlreadyPlannedError extends domainError('ROUND.ALREADY_PLANNED', 'conflict') {}
export class RoundNotFoundError extends domainError('ROUND.NOT_FOUND', 'not_found') {}
/** The budget named in the body does not exist in the caller's municipality. */
export class RoundUnknownBudgetError extends domainError('ROUND.UNKNOWN_BUDGET', 'invalid') {}
export class RoundInvalidPlanError extends domainError('ROUND.INVALID_PLAN', 'invalid') {}
export class RoundNoBallotRulesError extends domainError('ROUND.NO_BALLOT_RULES') {}
export class RoundCarryOverNotAllowedError extends domainError('ROUND.CARRY_OVER_NOT_ALLOWED') {}
export class RoundCarryOverExpiredError extends domainError('ROUND.CARRY_OVER_EXPIRED') {}
/** `details.from`, `details.to` and `details.allowed` (the one next phase). */
export class RoundInvalidTransitionError extends domainError('ROUND.INVALID_TRANSITION') {}
export class RoundReasonRequiredError extends domainError('ROUND.REASON_REQUIRED', 'invalid') {}
/** The decision's date is written as a date but is on no calendar (2026-02-30). */
export class RoundDecisionDateDoesNotExistError extends domainError('ROUND.DECISION_DATE_DOES_NOT_EXIST', 'invalid') {}
export class RoundDecisionRequiredError extends domainError('ROUND.DECISION_REQUIRED', 'invalid') {}
export class RoundWrongDecidingBodyError extends domainError('ROUND.WRONG_DECIDING_BODY') {}
/** The command does not fit the round's phase (`details.phase`, `details.allowed`). */
export class RoundWrongPhaseError extends domainError('ROUND.WRONG_PHASE') {}
export class RoundInvalidAmountError extends domainError('ROUND.INVALID_AMOUNT', 'invalid') {}
export class RoundAreaRequiredError extends domainError('ROUND.AREA_REQUIRED', 'invalid') {}
export class RoundUnknownAreaError extends domainError('ROUND.UNKNOWN_AREA', 'invalid') {}
/** Spending past the round's (or an area's) ceiling. */
export class RoundCeilingExceededError extends domainError('ROUND.CEILING_EXCEEDED') {}
export class RoundReleaseExceedsCommitmentError extends domainError('ROUND.RELEASE_EXCEEDS_COMMITMENT') {}
export class RoundInvalidResultError extends domainError('ROUND.INVALID_RESULT', 'invalid') {}
export class RoundResultExceedsCeilingError extends domainError('ROUND.RESULT_EXCEEDS_CEILING') {}
export class RoundResultAlreadyPublishedError extends domainError('ROUND.RESULT_ALREADY_PUBLISHED') {}
export class RoundResultNotPublishedError extends domainError('ROUND.RESULT_NOT_PUBLISHED') {}
export class RoundResultAlreadyAdoptedError extends domainError('ROUND.RESULT_ALREADY_ADOPTED') {}
export class RoundResultNotAdoptedError extends domainError('ROUND.RESULT_NOT_ADOPTED') {}
/** A vote's result is counted by the server (no winners in the request); a residents' body's result is its decision (no count). */
export class RoundResultIsCountedError extends domainError('ROUND.RESULT_IS_COUNTED') {}
export class RoundDecidedByResidentsBodyError extends domainError('ROUND.DECIDED_BY_RESIDENTS_BODY') {}
/** The schedule opens the phase later (`details.phase`, `details.opensAt`): the clock opens it then. */
export class RoundPhaseNotOpenError extends domainError('ROUND.PHASE_NOT_OPEN') {}
/** Residents' window still open by the schedule (`details.phase`, `details.closesAt`): it is not closed early. */
export class RoundPhaseStillOpenError extends domainError('ROUND.PHASE_STILL_OPEN') {}
/** The round was cancelled, or is past the point where it can be (`details.phase`). */
export class RoundNotCancellableError extends domainError('ROUND.NOT_CANCELLABLE') {}
