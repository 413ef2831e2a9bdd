import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { type CommandEnvelope, type Decider, handleCommand, type HandleCommandResult, ROUND_SEALED, sealRound } from '@lib/es';
import { type EventStore, WrongExpectedVersionError } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import { budgetDecider } from '../budget/budget.decider.js';
import { budgetStream } from '../budget/budget.events.js';
import { readBudget } from '../budget/budget.read.js';
import { FreezeFrameVersion } from '../budget/freeze-frame-version/freeze-frame-version.command.js';
import { ReleaseFrameVersion } from '../budget/release-frame-version/release-frame-version.command.js';
import { CountRoundBallots, FollowRoundInBallotBox, type RoundBallotBox } from './round-ballot-box.port.js';
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

/** Commands after which the ballot box (and the budget's freeze) must follow the round. */
const drivesBallotBox = (command: RoundCommand): boolean => command.type === 'AdvancePhase' || command.type === 'AdoptResult';
const hasBallotBox = (round: ExistingRound): boolean => round.pipeline.includes('voting');

/**
 * The write path of an existing round. The Round stream is the source of truth and is written first;
 * the budget's freeze comes before it (an amendment racing the vote must lose), the ballot box and the
 * budget's release after it. Each later step is idempotent and the round's commands are too (the same
 * transition or adoption sent again appends nothing), so when a later step fails the client retries the
 * same request and every stream converges. Retries on a conflict on the round when no If-Match was sent.
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
  const follows = drivesBallotBox(command) && hasBallotBox(after);
  // 4. The ballot box decides too (without writing): no admitted plans, no ballot rules… refuse here.
  if (follows) await ballotBox.follow(after, context, 'check');
  // 5. Freeze the budget's version before the round opens its vote: the budget's revision guards against a racing amendment.
  const frozen = events.find((e) => e.type === 'RoundRulesFrozen');
  if (frozen) {
    const freeze = new FreezeFrameVersion({ budgetId: round.state.budgetId, version: frozen.data.frameVersion, roundId, frozenAt: frozen.data.at });
    await handleCommand(store, budgetStream(round.state.budgetId), budgetDecider, freeze, context, { streamMustExist: true, newId });
  }
  // 6. Append to the round, expecting the revision the decision was made on (nothing when the command was a repeat).
  const result = await handleCommand(store, stream, roundDecider, command, context, { expectedRevision: round.revision, streamMustExist: true, newId });
  // 7. Release the budget's version once the result is adopted or the round closes (idempotent, so a repeat converges).
  if (drivesBallotBox(command) && (after.result?.adoption != null || after.phase === 'closed')) {
    const release = new ReleaseFrameVersion({ budgetId: round.state.budgetId, roundId, releasedAt: context.now.toISOString() });
    await handleCommand(store, budgetStream(round.state.budgetId), budgetDecider, release, context, { streamMustExist: true, newId });
  }
  // 8. The ballot box follows the round: prepared and opened, closed, or sealed (the round key destroyed).
  if (follows) await ballotBox.follow(after, context, 'apply');
  return result;
}

/** The ballot box port over the CommandBus (@lib/voting answers it). */
export class CommandBusRoundBallotBox implements RoundBallotBox {
  constructor(private readonly commands: CommandBus) {}
  follow(round: ExistingRound, context: CommandEnvelope['context'], mode: 'check' | 'apply'): Promise<void> {
    return this.commands.execute(new FollowRoundInBallotBox(round, context, mode));
  }
  count(round: ExistingRound, context: CommandEnvelope['context']) {
    return this.commands.execute(new CountRoundBallots(round, context));
  }
}

/** The write path of an existing round in Nest, which also keeps the budget's frame freeze and the ballot box in step. */
@Injectable()
export class RoundCommandRunner {
  private readonly deps: RoundCommandDeps;
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(ID_GENERATOR) ids: IdGenerator,
    commands: CommandBus,
  ) {
    this.deps = { store, newId: () => ids.newId(), ballotBox: new CommandBusRoundBallotBox(commands) };
  }

  run(roundId: string, make: RoundCommandFactory, envelope: CommandEnvelope): Promise<HandleCommandResult<RoundEvent>> {
    return runRoundCommand(this.deps, roundId, make, envelope);
  }

  /**
   * Runs a phase change, then seals the round: a `RoundSealed` digest over every event of the round
   * so far, which the council can publish in its minutes (see docs/audit.md). The ETag returned is
   * the seal's revision. The seal is decided against the stream, not against what this request
   * appended: a phase change or adoption with no seal after it is sealed (so a retry after a failed
   * seal append takes the lost seal), and one already sealed is not sealed again.
   */
  async runAndSeal(roundId: string, make: RoundCommandFactory, envelope: CommandEnvelope, phase: string): Promise<HandleCommandResult<RoundEvent>> {
    const result = await runRoundCommand(this.deps, roundId, make, envelope);
    const stream = roundStream(roundId);
    for (let attempt = 0; ; attempt++) {
      // 1. Read the round's stream: its last revision is the expected one for the seal.
      const events = await this.deps.store.readStream(stream);
      const last = events[events.length - 1];
      if (!last || !awaitsSeal(events)) return result;
      // 2. Seal what the store holds now and append expecting that revision: a concurrent retry that sealed first wins.
      const seal = await sealRound(this.deps.store, roundId, { at: envelope.context.now.toISOString(), phase });
      try {
        const sealed = await handleCommand(this.deps.store, stream, recordSeal, seal, envelope.context, { newId: this.deps.newId, expectedRevision: last.revision });
        return { ...result, nextRevision: sealed.nextRevision, position: sealed.position };
      } catch (error) {
        // 3. Someone else appended in between: look again (their append may have been the seal).
        if (error instanceof WrongExpectedVersionError && attempt < 3) continue;
        throw error;
      }
    }
  }

  get ballotBox(): RoundBallotBox {
    return this.deps.ballotBox;
  }
}

/** Records the seal it is given: the digest was computed from the store, not from the round's state. */
const recordSeal: Decider<{ type: string; data: object }, null, { type: string; data: object }> = {
  initialState: () => null,
  evolve: () => null,
  decide: (seal) => [seal],
};

/** Round events that a seal must follow: the phase changes and the adoption. */
const SEALED_CHANGES = new Set<string>(['RoundPhaseAdvanced', 'ResultAdopted']);

/** Whether the round's latest phase change or adoption has no `RoundSealed` after it. */
export function awaitsSeal(events: readonly { type: string }[]): boolean {
  for (let i = events.length - 1; i >= 0; i--) {
    const type = events[i]!.type;
    if (type === ROUND_SEALED) return false;
    if (SEALED_CHANGES.has(type)) return true;
  }
  return false;
}
