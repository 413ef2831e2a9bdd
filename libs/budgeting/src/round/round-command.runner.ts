import { Inject, Injectable } from '@nestjs/common';
import { handleCommand, type HandleCommandResult } from '@lib/es';
import { type EventStore, WrongExpectedVersionError } from '@lib/event-store';
import { EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import { budgetDecider } from '../budget/budget.decider.js';
import { budgetStream } from '../budget/budget.events.js';
import { readBudget } from '../budget/budget.read.js';
import type { CommandEnvelope } from '../budget/budget-http.js';
import { FreezeFrameVersion } from '../budget/freeze-frame-version/freeze-frame-version.command.js';
import { ReleaseFrameVersion } from '../budget/release-frame-version/release-frame-version.command.js';
import { roundDecider, type RoundCommand } from './round.decider.js';
import { roundStream, type RoundEvent, type RoundFrame } from './round.events.js';
import { readRound } from './round.read.js';
import type { ExistingRound } from './round.state.js';
import { roundFrameOf } from './round.frame.js';

/** Builds the domain command from the round as read and the budget's version in force. */
export type RoundCommandFactory = (round: ExistingRound, frame: RoundFrame) => RoundCommand;

/** The write path of an existing round, which also keeps the budget's frame freeze in step. */
@Injectable()
export class RoundCommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async run(roundId: string, make: RoundCommandFactory, envelope: CommandEnvelope): Promise<HandleCommandResult<RoundEvent>> {
    const retries = envelope.expectedRevision === undefined ? 3 : 0;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(roundId, make, envelope);
      } catch (error) {
        if (error instanceof WrongExpectedVersionError && error.streamName === roundStream(roundId) && attempt < retries) continue;
        throw error;
      }
    }
  }

  private async once(roundId: string, make: RoundCommandFactory, { context, expectedRevision }: CommandEnvelope): Promise<HandleCommandResult<RoundEvent>> {
    const stream = roundStream(roundId);
    const newId = () => this.ids.newId();
    // 1. Read the round (another municipality's is not found) and honour If-Match before anything is written.
    const round = await readRound(this.store, roundId, context.tenant);
    if (expectedRevision !== undefined && expectedRevision !== round.revision) throw new WrongExpectedVersionError(stream, expectedRevision, round.revision);
    // 2. Read the budget's frame version in force: the round follows it until its rules freeze.
    const budget = await readBudget(this.store, round.state.budgetId, context.tenant);
    const command = make(round.state, roundFrameOf(budget.state));
    // 3. Decide without writing: a rejection appends nothing, on either stream.
    const events = roundDecider.decide(command, round.state);
    // 4. Freeze the budget's version before the round opens its vote: the budget's revision guards against a racing amendment.
    const frozen = events.find((e) => e.type === 'RoundRulesFrozen');
    if (frozen) {
      const freeze = new FreezeFrameVersion({ budgetId: round.state.budgetId, version: frozen.data.frameVersion, roundId, frozenAt: frozen.data.at });
      await handleCommand(this.store, budgetStream(round.state.budgetId), budgetDecider, freeze, context, { streamMustExist: true, newId });
    }
    // 5. Append to the round, expecting the revision the decision was made on.
    const result = await handleCommand(this.store, stream, roundDecider, command, context, { expectedRevision: round.revision, streamMustExist: true, newId });
    // 6. Release the budget's version once the result is adopted or the round closes (idempotent).
    if (result.events.some((e) => e.type === 'ResultAdopted' || (e.type === 'RoundPhaseAdvanced' && e.data.to === 'closed'))) {
      const release = new ReleaseFrameVersion({ budgetId: round.state.budgetId, roundId, releasedAt: context.now.toISOString() });
      await handleCommand(this.store, budgetStream(round.state.budgetId), budgetDecider, release, context, { streamMustExist: true, newId });
    }
    return result;
  }
}
