import { CommandHandler } from '@nestjs/cqrs';
import { answeredBy, VotingCommand } from '../../voting.command-bus.js';
import type { CastBallotResult } from '../cast-ballot/cast-ballot.use-case.js';
import { type CastAssistedBallotInput, castAssistedBallotFor } from './cast-assisted-ballot.use-case.js';

export class CastAssistedBallotRequest extends VotingCommand<CastAssistedBallotInput, CastBallotResult> {}

@CommandHandler(CastAssistedBallotRequest)
export class CastAssistedBallotHandler extends answeredBy(castAssistedBallotFor) {}
