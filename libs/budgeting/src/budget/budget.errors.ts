import { domainError } from '@lib/es';

export class BudgetAlreadyEstablishedError extends domainError('BUDGET.ALREADY_ESTABLISHED', 'conflict') {}
export class BudgetNotFoundError extends domainError('BUDGET.NOT_FOUND', 'not_found') {}
/** The frame is incomplete or inconsistent; `details.issues` names every problem by field. */
export class BudgetInvalidFrameError extends domainError('BUDGET.INVALID_FRAME', 'invalid') {}
export class BudgetAllocationExceedsAmountError extends domainError('BUDGET.ALLOCATION_EXCEEDS_AMOUNT', 'invalid') {}
/** The decision's date is written as a date but is on no calendar (2026-02-30). */
export class BudgetDecisionDateDoesNotExistError extends domainError('BUDGET.DECISION_DATE_DOES_NOT_EXIST', 'invalid') {}
export class BudgetDecisionReferenceRequiredError extends domainError('BUDGET.DECISION_REFERENCE_REQUIRED', 'invalid') {}
/** An amendment needs its own council or college decision; the one behind an earlier version does not count. */
export class BudgetDecisionReferenceReusedError extends domainError('BUDGET.DECISION_REFERENCE_REUSED') {}
export class BudgetReasonRequiredError extends domainError('BUDGET.REASON_REQUIRED', 'invalid') {}
/** A round is voting (or deliberating) under the version in force: the rules may not change under it. */
export class BudgetFrameFrozenError extends domainError('BUDGET.FRAME_FROZEN') {}
/** The frame was amended since the caller read it; read again (the round follows the new version). */
export class BudgetFrameVersionOutdatedError extends domainError('BUDGET.FRAME_VERSION_OUTDATED', 'conflict') {}
export class BudgetUnknownTemplateError extends domainError('BUDGET.UNKNOWN_TEMPLATE', 'invalid') {}
export class BudgetFormChangeNotAllowedError extends domainError('BUDGET.FORM_CHANGE_NOT_ALLOWED') {}
