import { domainError } from '@lib/es';

export class PaperBatchAlreadyOpenedError extends domainError('PAPER_BATCH.ALREADY_OPENED') {}
export class PaperBatchInvalidSlipError extends domainError('PAPER_BATCH.INVALID_SLIP', 'invalid') {}
export class PaperBatchAlreadyConfirmedError extends domainError('PAPER_BATCH.ALREADY_CONFIRMED') {}
export class PaperBatchDuplicateCodeError extends domainError('PAPER_BATCH.DUPLICATE_CODE') {}
export class PaperBatchCountMismatchError extends domainError('PAPER_BATCH.COUNT_MISMATCH') {}
export class PaperBatchSameOfficialError extends domainError('PAPER_BATCH.SAME_OFFICIAL', 'forbidden') {}
export class PaperBatchCountingClosedError extends domainError('PAPER_BATCH.COUNTING_CLOSED') {}
export class PaperBatchNotOpenedError extends domainError('PAPER_BATCH.NOT_OPENED', 'not_found') {}
