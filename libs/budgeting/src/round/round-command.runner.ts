import { Inject, Injectable } from '@nestjs/common';
import { Command, CommandBus } from '@nestjs/cqrs';
import { type CommandEnvelope, handleCommand, type HandleCommandResult } from '@lib/es';
import { type EventStore, type RecordedEvent, WrongExpectedVersionError } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator, Reactors, type ReactionsOutcome } from '@lib/platform';
import { budgetDecider } from '../budget/budget.decider.js';
import { readBudget } from '../budget/budget.read.js';
import { FreezeFrameVersion } from '../budget/freeze-frame-version/freeze-frame-version.command.js';
import { CheckBallotBoxFollows, CountRoundBallots, type RoundBallotBox } from './round-ballot-box.port.js';
import { roundDecider, type RoundCommand } from './round.decider.js';
import { roundStream, type RoundEvent, type RoundFrame } from './round.events.js';
import { readRound } from './round.read.js';
import { evolveRound, type ExistingRound, type RoundState } from './round.state.js';
import { roundFrameOf } from './round.frame.js';

/**
 * Builds the domain command from the round as read and the budget's version in force. May be async:
 * publishing a vote's result asks the ballot box for the count first.
 */
export type RoundCommandFactory = (round: ExistingRound, frame: RoundFrame) => RoundCommand | Promise<RoundCommand>;

/** What the write path needs: the store, ids, and the ballot box port. */
export interface RoundCommandDeps {
  store: EventStore;
  newId: () => string;
  ballotBox: RoundBallotBox;
}

/** Commands after which the ballot box must follow the round. */
const drivesBallotBox = (command: RoundCommand): boolean => command.type === 'AdvancePhase' || command.type === 'AdoptResult';
const hasBallotBox = (round: ExistingRound): boolean => round.pipeline.includes('voting');

/**
 * The write path of an existing round: it appends to the Round stream only. What follows in other
 * streams (the budget's freeze and release, the ballot box, the seal) is done by reactors; before
 * anything is written the command is refused when they would refuse it (the ballot box cannot follow,
 * the budget's frame was amended). Retries on a conflict on the round when no If-Match was sent.
 */
export async function runRoundCommand(deps: RoundCommandDeps, roundId: string, make: RoundCommandFactory, envelope: CommandEnvelope): Promise<HandleCommandResult<RoundEvent>> {
  const retries = envelope.expectedRevision === undefined ? 3 : 0;
  for (let attempt = 0; ; attempt++) {
    try {
      return await once(deps, roundId, make, envelope);
    } catch (error) {
      if (error instanceof WrongExpectedVersionError && error.streamName === roundStream(roundId) && attempt < retries) continue;
      throw error;
    }
  }
}

async function once(deps: RoundCommandDeps, roundId: string, make: RoundCommandFactory, { context, expectedRevision }: CommandEnvelope): Promise<HandleCommandResult<RoundEvent>> {
  const { store, newId, ballotBox } = deps;
  const stream = roundStream(roundId);
  // 1. Read the round (another municipality's is not found) and honour If-Match before anything is written.
  const round = await readRound(store, roundId, context.tenant);
  if (expectedRevision !== undefined && expectedRevision !== round.revision) throw new WrongExpectedVersionError(stream, expectedRevision, round.revision);
  // 2. Read the budget's frame version in force: the round follows it until its rules freeze.
  const budget = await readBudget(store, round.state.budgetId, context.tenant);
  const command = await make(round.state, roundFrameOf(budget.state));
  // 3. Decide without writing: a rejection appends nothing, on any stream.
  const events = roundDecider.decide(command, round.state);
  const after = events.reduce(evolveRound, round.state as RoundState) as ExistingRound;
  // 4. The ballot box decides too (without writing): no admitted plans, no ballot rules… refuse here.
  if (drivesBallotBox(command) && hasBallotBox(after)) await ballotBox.check(after, context);
  // 5. The budget must still be at the version the round freezes (an amendment racing the vote loses here).
  const frozen = events.find((e) => e.type === 'RoundRulesFrozen');
  if (frozen) budgetDecider.decide(new FreezeFrameVersion({ budgetId: round.state.budgetId, version: frozen.data.frameVersion, roundId, frozenAt: frozen.data.at }), budget.state);
  // 6. Append to the round, expecting the revision the decision was made on (nothing when the command was a repeat).
  return handleCommand(store, stream, roundDecider, command, context, { expectedRevision: round.revision, streamMustExist: true, newId });
}

/** The events a command just appended to a stream, as stored (with their `$all` positions). */
export async function appendedEvents(store: EventStore, stream: string, result: HandleCommandResult<unknown>): Promise<RecordedEvent[]> {
  if (result.events.length === 0) return [];
  return store.readStream(stream, { fromRevision: result.nextRevision - BigInt(result.events.length) + 1n, maxCount: result.events.length });
}

/** The ballot box port over the CommandBus (@lib/voting answers it). */
export class CommandBusRoundBallotBox implements RoundBallotBox {
  constructor(private readonly commands: CommandBus) {}
  check(round: ExistingRound, context: CommandEnvelope['context']): Promise<void> {
    return this.commands.execute(new CheckBallotBoxFollows(round, context));
  }
  count(round: ExistingRound, context: CommandEnvelope['context']) {
    return this.commands.execute(new CountRoundBallots(round, context));
  }
}

/** A round command's result, with what its reactions did before the answer. */
export interface RoundCommandOutcome extends HandleCommandResult<RoundEvent> {
  /** Absent when no reactor handles what the command appended. */
  reactions?: ReactionsOutcome;
  /** The events the command appended to the round, as stored (ids and positions); set by `RoundCommandRunner.run`. */
  appended?: RecordedEvent[];
}

/** A round command on the CommandBus: its data (the handler adds the budget's frame) and who sends it. */
export abstract class RoundRequest<Data> extends Command<RoundCommandOutcome> {
  constructor(
    readonly data: Data,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

/** The write path of an existing round in Nest; waits (a bounded time) for the reactors that carry its effects. */
@Injectable()
export class RoundCommandRunner {
  private readonly deps: RoundCommandDeps;
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(ID_GENERATOR) ids: IdGenerator,
    commands: CommandBus,
    private readonly reactors: Reactors,
  ) {
    this.deps = { store, newId: () => ids.newId(), ballotBox: new CommandBusRoundBallotBox(commands) };
  }

  /**
   * Runs the command, then waits at most REACTOR_WAIT_MS for the reactors that handle what it
   * appended (the ballot box opening for ballots, the budget's freeze, the seal). The revision
   * returned is the round's after them (a seal moves it).
   */
  async run(roundId: string, make: RoundCommandFactory, envelope: CommandEnvelope): Promise<RoundCommandOutcome> {
    const result = await runRoundCommand(this.deps, roundId, make, envelope);
    const stream = roundStream(roundId);
    const appended = await appendedEvents(this.deps.store, stream, result);
    const reactions = await this.reactors.settled(appended, this.reactors.waitMs);
    if (reactions.awaited.length === 0) return { ...result, appended };
    const [last] = await this.deps.store.readStream(stream, { direction: 'backwards', fromRevision: 'end', maxCount: 1 });
    return { ...result, nextRevision: last?.revision ?? result.nextRevision, reactions, appended };
  }

  get ballotBox(): RoundBallotBox {
    return this.deps.ballotBox;
  }
}
