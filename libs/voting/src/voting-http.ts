import { BadRequestException, ForbiddenException, Inject, Injectable, type PipeTransform } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { IsArray, IsIn, IsObject, IsOptional, IsString } from 'class-validator';
import { type CommandContext, StreamStateCache } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { CLOCK, type Clock, EVENT_STORE, ID_GENERATOR, type IdGenerator, type Principal, type Role } from '@lib/platform';
import type { BallotContent } from './ballot/ballot.content.js';
import { ROUND_KEY_VAULT, type RoundKeyVault } from './round-key/round-key.vault.js';
import type { VotingDeps } from './voting.deps.js';

/** One CommandBus message for every voting use case: the use case runs with the deps the handler holds. */
export class VotingRequest<R> extends Command<R> {
  constructor(
    readonly useCase: string,
    readonly run: (deps: VotingDeps) => Promise<R>,
  ) {
    super();
  }
}

@CommandHandler(VotingRequest)
export class VotingRequestHandler implements ICommandHandler<VotingRequest<unknown>, unknown> {
  private readonly deps: VotingDeps;
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(ROUND_KEY_VAULT) vault: RoundKeyVault,
    @Inject(CLOCK) clock: Clock,
    @Inject(ID_GENERATOR) ids: IdGenerator,
  ) {
    this.deps = { store, vault, now: () => clock.now(), newId: () => ids.newId(), streams: new StreamStateCache() };
  }

  execute(request: VotingRequest<unknown>): Promise<unknown> {
    return request.run(this.deps);
  }
}

/** The command context of a request: subject as actor, municipality as tenant. */
export function contextOf(principal: Principal, allowed: readonly Role[], now: Date, correlationId: string | undefined, newId: () => string, reason?: string): CommandContext {
  const role = principal.roles.find((r) => allowed.includes(r)) ?? principal.roles[0]!;
  const correlation = correlationId !== undefined && /^[A-Za-z0-9._:-]{1,100}$/.test(correlationId) ? correlationId : newId();
  const context: CommandContext = { actor: principal.subject, role, tenant: principal.tenant, correlationId: correlation, now };
  if (reason !== undefined && reason.trim() !== '') context.reason = reason;
  return context;
}

/** A voter token is for one round only. */
export function assertVoterOfRound(principal: Principal, roundId: string): void {
  if (principal.round !== roundId) throw new ForbiddenException({ code: 'BALLOT.WRONG_ROUND', message: 'This voter token is for another round' });
}

/** Path ids: letters, digits, dashes and underscores; anything else is a 400, never a stream name. */
@Injectable()
export class VotingIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/.test(value)) throw new BadRequestException({ code: 'REQUEST.INVALID_ID', message: 'The id in the path is not a valid id' });
    return value;
  }
}

export class BallotContentDto {
  @ApiProperty({ enum: ['approval', 'choose-1', 'cumulative', 'ordinal', 'scoring'], example: 'approval' })
  @IsIn(['approval', 'choose-1', 'cumulative', 'ordinal', 'scoring'])
  type!: BallotContent['type'];

  @ApiProperty({ required: false, type: [String], example: ['3f1c…', '9a2b…'], description: 'approval, choose-1: the plans chosen' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  choices?: string[];

  @ApiProperty({ required: false, example: { '3f1c…': 6, '9a2b…': 4 }, description: 'cumulative, scoring: whole points per plan' })
  @IsOptional()
  @IsObject()
  points?: Record<string, number>;

  @ApiProperty({ required: false, type: [String], description: 'ordinal: plans, best first' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  ranking?: string[];
}

/** The domain's ballot content from the request body; a body that does not fit its type is a 400. */
export function contentOf(dto: BallotContentDto): BallotContent {
  const malformed = (field: string) => new BadRequestException({ code: 'BALLOT.MALFORMED', message: `A ${dto.type} ballot needs ${field} (and nothing else)` });
  switch (dto.type) {
    case 'approval':
    case 'choose-1':
      if (!dto.choices || dto.points || dto.ranking) throw malformed('choices');
      return { type: dto.type, choices: [...dto.choices] };
    case 'cumulative':
    case 'scoring':
      if (!dto.points || dto.choices || dto.ranking || Object.values(dto.points).some((v) => typeof v !== 'number')) throw malformed('points');
      return { type: dto.type, points: { ...dto.points } };
    case 'ordinal':
      if (!dto.ranking || dto.choices || dto.points) throw malformed('ranking');
      return { type: 'ordinal', ranking: [...dto.ranking] };
  }
}
