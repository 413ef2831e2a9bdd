import { domainError } from '@lib/es';

/** The frame admits residents of some areas only, and the residents' provider gave no area. */
export class ResidentVoterSessionAreaUnknownError extends domainError('RESIDENT_VOTER_SESSION.AREA_UNKNOWN', 'forbidden') {}
/** The frame has a minimum age, and the residents' provider gave no birth date. */
export class ResidentVoterSessionAgeUnknownError extends domainError('RESIDENT_VOTER_SESSION.AGE_UNKNOWN', 'forbidden') {}
/** The frame's eligibility does not give this resident a vote (area, age). */
export class ResidentVoterSessionNotEligibleError extends domainError('RESIDENT_VOTER_SESSION.NOT_ELIGIBLE', 'forbidden') {}
/** The resident's age band straddles the frame's minimum age: RESIDENT_AGE_BANDS must be split there. */
export class ResidentVoterSessionAgeBandUndecidedError extends domainError('RESIDENT_VOTER_SESSION.AGE_BAND_UNDECIDED') {}
/** This resident's place on the roll was blocked by staff. */
export class ResidentVoterSessionBlockedError extends domainError('RESIDENT_VOTER_SESSION.BLOCKED', 'forbidden') {}
