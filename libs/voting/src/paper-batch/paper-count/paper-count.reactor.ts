import { fold, handleCommand, type Reaction, type Reactor, toDomainEvent } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { ballotDecider } from '../../ballot/ballot.decider.js';
import { ballotStream } from '../../ballot/ballot.events.js';
import { CountPaperBallot } from '../../ballot/count-paper-ballot/count-paper-ballot.command.js';
import { loadBallotBox } from '../../voting.deps.js';
import { paperBatchDecider } from '../paper-batch.decider.js';
import type { PaperBatchConfirmed, PaperBatchEvent } from '../paper-batch.events.js';
import type { EnteredPaperBallot } from '../paper-batch.state.js';

/** Count one ballot of a confirmed batch in its participant's ballot stream. */
export class CountBatchBallot {
  readonly type = 'CountBatchBallot' as const;
  constructor(readonly data: { roundId: string; batchId: string; ballot: EnteredPaperBallot; countedAt: string }) {}
}

/**
 * A confirmed batch counts: one command per ballot it holds, in the order they were entered, each on
 * the ballot stream of that ballot's pseudonym (`Ballot-<round>_<ballotRef>`). The ballots are the
 * batch's as it stood at the confirmation, and they count at the time of the confirmation.
 */
export const paperCountReactor: Reactor<CountBatchBallot> = {
  name: 'paper-count',
  canHandle: ['PaperBatchConfirmed'],
  handle(event, history) {
    const batch = fold(
      paperBatchDecider,
      history.map((e) => toDomainEvent(e) as PaperBatchEvent),
    );
    if (!batch.opened || !batch.confirmed) return [];
    const { roundId, batchId, confirmedAt } = event.data as PaperBatchConfirmed['data'];
    return batch.ballots.map((ballot) => new CountBatchBallot({ roundId, batchId, ballot, countedAt: confirmedAt }));
  },
};

/**
 * The reactor with its command: the ballot decides on its own stream, under the box's phase and
 * frame as they are now. A ballot that already holds this batch decides nothing, so a replay appends
 * nothing; a ballot that another ballot outranks is set aside, once.
 */
export function paperCountReaction(store: EventStore): Reaction<CountBatchBallot> {
  return {
    reactor: paperCountReactor,
    async execute(command, { context, newId }) {
      const { roundId, batchId, ballot, countedAt } = command.data;
      const box = await loadBallotBox(store, roundId, context.tenant);
      const count = new CountPaperBallot({
        roundId,
        ballotRef: ballot.ballotRef,
        channel: 'paper',
        verification: 'paper-code-checked',
        area: ballot.area,
        ...(ballot.ageBand === undefined ? {} : { ageBand: ballot.ageBand }),
        content: ballot.content,
        batchId,
        countedAt,
        facts: { phase: box.state.phase, frame: box.state.frame },
      });
      await handleCommand(store, ballotStream(roundId, ballot.ballotRef), ballotDecider, count, context, { streamMustExist: false, newId });
    },
  };
}
