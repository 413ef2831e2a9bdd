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

/** No objection on this plan. */
export class ObjectionNotFoundError extends domainError('OBJECTION.NOT_FOUND', 'not_found') {}
/** An objection needs a beschikking to be against: the plan has none (yet), or what it has is a decision on an objection (beroep only, Awb 7:1). */
export class ObjectionNotADecisionError extends domainError('OBJECTION.NOT_A_DECISION') {}
export class ObjectionAlreadyLodgedError extends domainError('OBJECTION.ALREADY_LODGED') {}
/** Awb 6:5: a bezwaarschrift states its grounds. */
export class ObjectionGroundsRequiredError extends domainError('OBJECTION.GROUNDS_REQUIRED', 'invalid') {}
/** A date that is on no calendar, lies in the future, or comes before the decision it concerns. */
export class ObjectionInvalidDateError extends domainError('OBJECTION.INVALID_DATE', 'invalid') {}
/** Judging lateness (6:11) of an objection that came in time. */
export class ObjectionNotLateError extends domainError('OBJECTION.NOT_LATE') {}
export class ObjectionLatenessAlreadyJudgedError extends domainError('OBJECTION.LATENESS_ALREADY_JUDGED') {}
/** A late objection is decided on its merits only when its lateness was judged excusable (6:11); otherwise niet-ontvankelijk. */
export class ObjectionTermPassedError extends domainError('OBJECTION.TERM_PASSED') {}
/** A late objection's lateness must be judged before it is decided. */
export class ObjectionLatenessNotJudgedError extends domainError('OBJECTION.LATENESS_NOT_JUDGED') {}
export class ObjectionAlreadyDecidedError extends domainError('OBJECTION.ALREADY_DECIDED') {}
export class ObjectionHearingClosedError extends domainError('OBJECTION.HEARING_CLOSED') {}
export class ObjectionHearingNotScheduledError extends domainError('OBJECTION.HEARING_NOT_SCHEDULED') {}
/** Awb 7:2: the objector is heard first, unless a 7:3 ground to skip it was recorded. */
export class ObjectionHearingRequiredError extends domainError('OBJECTION.HEARING_REQUIRED') {}
/** The 7:3 ground the hearing was skipped on does not fit the objection or the outcome. */
export class ObjectionSkipGroundMismatchError extends domainError('OBJECTION.SKIP_GROUND_MISMATCH') {}
export class ObjectionDecisionTermPassedError extends domainError('OBJECTION.DECISION_TERM_PASSED') {}
/** Awb 7:10(3) allows one extension; a further one needs the objector's consent (7:10(4)). */
export class ObjectionAlreadyExtendedError extends domainError('OBJECTION.ALREADY_EXTENDED') {}
export class ObjectionInvalidExtensionError extends domainError('OBJECTION.INVALID_EXTENSION', 'invalid') {}
/** Gegrond takes a revised decision in place of the contested one (Awb 7:11(2)); the other outcomes take none. */
export class ObjectionRevisionRequiredError extends domainError('OBJECTION.REVISION_REQUIRED', 'invalid') {}
export class ObjectionRevisionNotAllowedError extends domainError('OBJECTION.REVISION_NOT_ALLOWED', 'invalid') {}
/** The revised decision may not leave the objector worse off than the contested one (no reformatio in peius). */
export class ObjectionWorseOffError extends domainError('OBJECTION.WORSE_OFF') {}
export class ObjectionNotDecidedError extends domainError('OBJECTION.NOT_DECIDED') {}
/** Only the applicant objects to the beschikking (the plan's submitter). */
export class ObjectionNotApplicantError extends domainError('OBJECTION.NOT_APPLICANT', 'forbidden') {}
export class ObjectionBeroepAlreadyLodgedError extends domainError('OBJECTION.BEROEP_ALREADY_LODGED') {}
export class ObjectionNoBeroepError extends domainError('OBJECTION.NO_BEROEP') {}
export class ObjectionBeroepAlreadyRuledError extends domainError('OBJECTION.BEROEP_ALREADY_RULED') {}
/** The letter asked for belongs to a step not taken (yet): no hearing scheduled, no decision. */
export class ObjectionLetterNotAvailableError extends domainError('OBJECTION.LETTER_NOT_AVAILABLE') {}
export class ObjectionUnknownLetterError extends domainError('OBJECTION.UNKNOWN_LETTER', 'invalid') {}
