import { domainError } from '@lib/es';

export class BallotWrongTypeError extends domainError('BALLOT.WRONG_TYPE', 'invalid') {}
export class BallotDuplicatePlanError extends domainError('BALLOT.DUPLICATE_PLAN', 'invalid') {}
export class BallotUnknownPlanError extends domainError('BALLOT.UNKNOWN_PLAN', 'invalid') {}
export class BallotInvalidPointsError extends domainError('BALLOT.INVALID_POINTS', 'invalid') {}
export class BallotTooManyPlansError extends domainError('BALLOT.TOO_MANY_PLANS', 'invalid') {}
export class BallotTooFewPlansError extends domainError('BALLOT.TOO_FEW_PLANS', 'invalid') {}
export class BallotCostCapExceededError extends domainError('BALLOT.COST_CAP_EXCEEDED', 'invalid') {}
export class BallotMinSpendNotMetError extends domainError('BALLOT.MIN_SPEND_NOT_MET', 'invalid') {}
export class BallotThemeQuotaNotMetError extends domainError('BALLOT.THEME_QUOTA_NOT_MET', 'invalid') {}
export class BallotThemeQuotaExceededError extends domainError('BALLOT.THEME_QUOTA_EXCEEDED', 'invalid') {}
export class BallotPointsExceededError extends domainError('BALLOT.POINTS_EXCEEDED', 'invalid') {}
export class BallotRankingTooLongError extends domainError('BALLOT.RANKING_TOO_LONG', 'invalid') {}
export class BallotVotingClosedError extends domainError('BALLOT.VOTING_CLOSED') {}
export class BallotNotEligibleError extends domainError('BALLOT.NOT_ELIGIBLE', 'forbidden') {}
export class BallotCodeBlockedError extends domainError('BALLOT.CODE_BLOCKED', 'forbidden') {}
export class BallotAlreadyCastError extends domainError('BALLOT.ALREADY_CAST') {}
export class BallotNotCastError extends domainError('BALLOT.NOT_CAST', 'not_found') {}
export class BallotPaperBallotStandsError extends domainError('BALLOT.PAPER_BALLOT_STANDS') {}
export class BallotRevisionRequiredError extends domainError('BALLOT.REVISION_REQUIRED', 'invalid') {}
export class BallotUnknownCodeError extends domainError('BALLOT.UNKNOWN_CODE', 'forbidden') {}
