import { domainError } from '@lib/es';

export class ParticipantAlreadyRegisteredError extends domainError('PARTICIPANT.ALREADY_REGISTERED') {}
export class ParticipantInvalidAgeBandError extends domainError('PARTICIPANT.INVALID_AGE_BAND', 'invalid') {}
export class ParticipantAgeBandStraddlesMinimumError extends domainError('PARTICIPANT.AGE_BAND_STRADDLES_MINIMUM', 'invalid') {}
export class ParticipantInvalidAreaError extends domainError('PARTICIPANT.INVALID_AREA', 'invalid') {}
export class ParticipantNotActiveError extends domainError('PARTICIPANT.NOT_ACTIVE') {}
export class ParticipantReasonRequiredError extends domainError('PARTICIPANT.REASON_REQUIRED', 'invalid') {}
export class ParticipantRollClosedError extends domainError('PARTICIPANT.ROLL_CLOSED') {}
export class ParticipantNotEligibleError extends domainError('PARTICIPANT.NOT_ELIGIBLE') {}
