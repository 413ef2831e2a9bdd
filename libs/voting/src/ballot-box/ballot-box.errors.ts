import { domainError } from '@lib/es';

export class BallotBoxAlreadyPreparedError extends domainError('BALLOT_BOX.ALREADY_PREPARED') {}
export class BallotBoxNoBallotRulesError extends domainError('BALLOT_BOX.NO_BALLOT_RULES') {}
export class BallotBoxNoPlansError extends domainError('BALLOT_BOX.NO_PLANS', 'invalid') {}
export class BallotBoxInvalidPlanError extends domainError('BALLOT_BOX.INVALID_PLAN', 'invalid') {}
export class BallotBoxPlanNotAdmittedError extends domainError('BALLOT_BOX.PLAN_NOT_ADMITTED') {}
export class BallotBoxWrongPhaseError extends domainError('BALLOT_BOX.WRONG_PHASE') {}
export class BallotBoxReasonRequiredError extends domainError('BALLOT_BOX.REASON_REQUIRED', 'invalid') {}
export class BallotBoxNotPreparedError extends domainError('BALLOT_BOX.NOT_PREPARED', 'not_found') {}
export class BallotBoxRoundNotVotingError extends domainError('BALLOT_BOX.ROUND_NOT_VOTING') {}
export class BallotBoxResultNotAdoptedError extends domainError('BALLOT_BOX.RESULT_NOT_ADOPTED') {}
export class BallotBoxCorrectionWindowOpenError extends domainError('BALLOT_BOX.CORRECTION_WINDOW_OPEN') {}
