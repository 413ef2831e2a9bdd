import { CommandHandler } from '@nestjs/cqrs';
import { answeredBy, VotingCommand } from '../../voting.command-bus.js';
import { type CastBallotInput, castBallotFor, type CastBallotResult } from './cast-ballot.use-case.js';

export class CastBallotRequest extends VotingCommand<CastBallotInput, CastBallotResult> {}

@CommandHandler(CastBallotRequest)
export class CastBallotHandler extends answeredBy(castBallotFor) {}
