import { fold, handleCommand, type Reaction, type Reactor, toDomainEvent } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { participantDecider } from '../participant.decider.js';
import { type ParticipantEvent, participantStream, type VotingCodeReissued } from '../participant.events.js';
import { RegisterSuccessor } from '../register-successor/register-successor.command.js';

/**
 * A re-issued code's successor joins the roll: one `RegisterSuccessor` on the successor's own stream
 * (`Participant-<round>_<successorRef>`), with the root, area, age band and eligibility the old code's
 * stream holds up to the re-issue, registered at the time of the re-issue.
 */
export const codeSuccessorReactor: Reactor<RegisterSuccessor> = {
  name: 'code-successor',
  canHandle: ['VotingCodeReissued'],
  handle(event, history) {
    const old = fold(
      participantDecider,
      history.map((e) => toDomainEvent(e) as ParticipantEvent),
    );
    if (!old.registered) return [];
    const { roundId, successorRef, reissuedAt } = event.data as VotingCodeReissued['data'];
    const { rootRef, area, ageBand, eligible, ineligibility } = old;
    return [new RegisterSuccessor({ roundId, participantRef: successorRef, rootRef, area, ageBand, eligible, ineligibility, registeredAt: reissuedAt })];
  },
};

/** The reactor with its command: the successor's stream decides, and a successor already on the roll decides nothing. */
export function codeSuccessorReaction(store: EventStore): Reaction<RegisterSuccessor> {
  return {
    reactor: codeSuccessorReactor,
    async execute(command, { context, newId }) {
      await handleCommand(store, participantStream(command.data.roundId, command.data.participantRef), participantDecider, command, context, { streamMustExist: false, newId });
    },
  };
}
