import { CommandHandler } from '@nestjs/cqrs';
import { answeredBy, VotingRequest } from '../../voting.request.js';
import { type CastBallotInput, castBallotFor, type CastBallotResult } from './cast-ballot.use-case.js';

export class CastBallotRequest extends VotingRequest<CastBallotInput, CastBallotResult> {}

@CommandHandler(CastBallotRequest)
export class CastBallotHandler extends answeredBy(castBallotFor) {}
