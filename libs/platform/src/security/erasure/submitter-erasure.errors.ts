import { domainError } from '@lib/es';

export class SubmitterNotFoundError extends domainError('SUBMITTER.NOT_FOUND', 'not_found') {}
export class ErasureReasonRequiredError extends domainError('SUBMITTER.REASON_REQUIRED', 'invalid') {}
export class ContactDetailsAlreadyErasedError extends domainError('SUBMITTER.ALREADY_ERASED', 'rule') {}
