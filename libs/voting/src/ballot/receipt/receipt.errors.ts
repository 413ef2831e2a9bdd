import { domainError } from '@lib/es';

export class ReceiptMalformedError extends domainError('RECEIPT.MALFORMED', 'invalid') {}
export class ReceiptVotingOpenError extends domainError('RECEIPT.VOTING_OPEN') {}
export class ReceiptNotFoundError extends domainError('RECEIPT.NOT_FOUND', 'not_found') {}
export class ReceiptResultNotAdoptedError extends domainError('RECEIPT.RESULT_NOT_ADOPTED') {}
export class ReceiptBallotReplacedError extends domainError('RECEIPT.BALLOT_REPLACED') {}
