import { domainError } from '@lib/es';

export class ProposalNotFoundError extends domainError('PROPOSAL.NOT_FOUND', 'not_found') {}
export class ProposalAlreadySubmittedError extends domainError('PROPOSAL.ALREADY_SUBMITTED', 'conflict') {}
/** An `Idempotency-Key` names one submission; sending it again with another plan is refused rather than guessed at. */
export class ProposalIdempotencyKeyReusedError extends domainError('PROPOSAL.IDEMPOTENCY_KEY_REUSED', 'conflict') {}
export class ProposalReasonRequiredError extends domainError('PROPOSAL.REASON_REQUIRED', 'invalid') {}
export class ProposalInvalidAmountError extends domainError('PROPOSAL.INVALID_AMOUNT', 'invalid') {}

export class ProposalSubmissionClosedError extends domainError('PROPOSAL.SUBMISSION_CLOSED') {}
export class ProposalUnknownAreaError extends domainError('PROPOSAL.UNKNOWN_AREA') {}
export class ProposalUnknownThemeError extends domainError('PROPOSAL.UNKNOWN_THEME') {}
export class ProposalAmountOutOfRangeError extends domainError('PROPOSAL.AMOUNT_OUT_OF_RANGE') {}
export class ProposalNoIntakeDateError extends domainError('PROPOSAL.NO_INTAKE_DATE') {}

/** The command does not fit the plan's current status (withdrawn, merged, decided …). */
export class ProposalWrongStatusError extends domainError('PROPOSAL.WRONG_STATUS') {}
export class ProposalNotAmendableError extends domainError('PROPOSAL.NOT_AMENDABLE') {}

export class ProposalSupportClosedError extends domainError('PROPOSAL.SUPPORT_CLOSED') {}
export class ProposalAlreadySupportedError extends domainError('PROPOSAL.ALREADY_SUPPORTED') {}
/** Withdrawing support the resident never gave (or already withdrew). */
export class ProposalSupportNotGivenError extends domainError('PROPOSAL.SUPPORT_NOT_GIVEN') {}

/** A resident acts on a plan someone else submitted. */
export class ProposalNotSubmitterError extends domainError('PROPOSAL.NOT_SUBMITTER', 'forbidden') {}
/** A resident submits or amends after the intake deadline (the round left its submission phase, or the schedule's closing day is over). */
export class ProposalIntakeClosedError extends domainError('PROPOSAL.INTAKE_CLOSED') {}
/** Moderation for a plan that does not await it (staff entered it, or it was moderated already). */
export class ProposalNotAwaitingModerationError extends domainError('PROPOSAL.NOT_AWAITING_MODERATION') {}
/** A voter token acts for one round only. */
export class ProposalWrongRoundError extends domainError('PROPOSAL.WRONG_ROUND', 'forbidden') {}

export class ProposalMergeNotAllowedError extends domainError('PROPOSAL.MERGE_NOT_ALLOWED') {}

export class ProposalConflictAlreadyDeclaredError extends domainError('PROPOSAL.CONFLICT_ALREADY_DECLARED') {}
export class ProposalCriterionNotPublishedError extends domainError('PROPOSAL.CRITERION_NOT_PUBLISHED') {}
export class ProposalReviewerConflictError extends domainError('PROPOSAL.REVIEWER_CONFLICT') {}
export class ProposalReviewerIsSubmitterError extends domainError('PROPOSAL.REVIEWER_IS_SUBMITTER') {}
export class ProposalAwaitingRevisionError extends domainError('PROPOSAL.AWAITING_REVISION') {}

/** The beschikking's date is written as a date but is on no calendar (2026-02-30). */
export class ProposalDecisionDateDoesNotExistError extends domainError('PROPOSAL.DECISION_DATE_DOES_NOT_EXIST', 'invalid') {}
export class ProposalCriteriaNotMetError extends domainError('PROPOSAL.CRITERIA_NOT_MET') {}
export class ProposalNoBallotError extends domainError('PROPOSAL.NO_BALLOT') {}
/** Selection follows the round's result: none is adopted yet (`details.published` says whether one is published). */
export class ProposalNoAdoptedResultError extends domainError('PROPOSAL.NO_ADOPTED_RESULT') {}
/** The caller's `selected` disagrees with the round's (corrected) result. */
export class ProposalSelectionContradictsResultError extends domainError('PROPOSAL.SELECTION_CONTRADICTS_RESULT') {}

export class ProposalDecisionDeadlinePassedError extends domainError('PROPOSAL.DECISION_DEADLINE_PASSED') {}
export class ProposalDeadlineAlreadyExtendedError extends domainError('PROPOSAL.DEADLINE_ALREADY_EXTENDED') {}
export class ProposalNoDecisionDeadlineError extends domainError('PROPOSAL.NO_DECISION_DEADLINE') {}
/** A grant is recorded on the plan at the revision it was decided on; the plan changed since (its commitment is released). */
export class ProposalChangedSinceGrantError extends domainError('PROPOSAL.CHANGED_SINCE_GRANT', 'conflict') {}
export class ProposalGrantExceedsRequestError extends domainError('PROPOSAL.GRANT_EXCEEDS_REQUEST') {}

export class ProposalPaymentExceedsGrantError extends domainError('PROPOSAL.PAYMENT_EXCEEDS_GRANT') {}
export class ProposalReturnExceedsPaymentsError extends domainError('PROPOSAL.RETURN_EXCEEDS_PAYMENTS') {}
export class ProposalInvalidExtensionError extends domainError('PROPOSAL.INVALID_EXTENSION', 'invalid') {}
