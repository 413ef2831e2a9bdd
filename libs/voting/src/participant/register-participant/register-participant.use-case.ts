import { type CommandContext, DomainError, handleCommand } from '@lib/es';
import { BallotBoxWrongPhaseError } from '../../ballot-box/ballot-box.errors.js';
import { participantRefOf } from '../../round-key/pseudonym.js';
import { inBatches, loadBallotBox, type PreparedBox, type VotingDeps } from '../../voting.deps.js';
import { participantDecider } from '../participant.decider.js';
import { ParticipantAlreadyRegisteredError } from '../participant.errors.js';
import { type ParticipantRegistered, participantStream, type RollSource } from '../participant.events.js';
import { initialParticipantState } from '../participant.state.js';
import { RegisterParticipant } from './register-participant.command.js';

export interface NewParticipant {
  code: string;
  area: string;
  ageBand: string;
  role: string | null;
  /** Where in the file, for error messages. */
  line?: number;
}

/** Wraps a row's refusal with its line so the administrator can fix the file. */
export class VoterRollRowError extends DomainError {
  readonly code: string;
  override readonly kind;
  constructor(line: number, cause: DomainError) {
    super(`Line ${line}: ${cause.message}`, { line, ...cause.details });
    this.code = cause.code;
    this.kind = cause.kind;
  }
}

/**
 * Registers codes on the roll, all or nothing as far as the rules go: every row is decided first
 * (and every pseudonym checked to be new) before the first append. Each code's registration goes to
 * its own Participant stream and nowhere else: the roll's counts are those registrations
 * (`voterRollOf`, the `ballot_box` read model). Answers the counts of what it stored.
 */
export async function registerParticipants(
  deps: VotingDeps,
  roundId: string,
  participants: readonly NewParticipant[],
  source: RollSource,
  context: CommandContext,
  preloaded?: PreparedBox,
): Promise<{ registered: number; eligible: number; refs: string[] }> {
  const box = preloaded ?? (await loadBallotBox(deps.store, roundId, context.tenant)).state;
  if (box.phase !== 'prepared' && box.phase !== 'open') throw new BallotBoxWrongPhaseError(`The voter roll is fixed once voting closed (the box is ${box.phase})`, { phase: box.phase });
  const key = await deps.vault.keyFor(roundId);
  const registeredAt = deps.now().toISOString();
  const facts = { phase: box.phase, eligibility: box.frame.eligibility };
  const commands = participants.map((p, i) => {
    const participantRef = participantRefOf(key, p.code);
    const command = new RegisterParticipant({ roundId, participantRef, area: p.area, ageBand: p.ageBand, role: p.role, source, registeredAt, facts });
    try {
      participantDecider.decide(command, initialParticipantState());
    } catch (error) {
      if (error instanceof DomainError) throw new VoterRollRowError(p.line ?? i + 1, error);
      throw error;
    }
    return command;
  });
  // 1. Refuse the whole file when any code is already on the roll.
  const existing = await inBatches(commands, 32, async (c) => (await deps.store.readStream(participantStream(roundId, c.data.participantRef), { maxCount: 1 })).length > 0);
  const clash = existing.indexOf(true);
  if (clash >= 0) {
    throw new VoterRollRowError(participants[clash]!.line ?? clash + 1, new ParticipantAlreadyRegisteredError('This code is already on the roll'));
  }
  // 2. Register each code in its own stream (expecting no stream: the store refuses a duplicate).
  const results = await inBatches(commands, 32, (c) =>
    handleCommand(deps.store, participantStream(roundId, c.data.participantRef), participantDecider, c, context, { streamMustExist: false, newId: deps.newId, maxRetries: 0 }),
  );
  const eligible = results.filter((r) => (r.events[0] as ParticipantRegistered).data.eligible).length;
  return { registered: results.length, eligible, refs: commands.map((c) => c.data.participantRef) };
}
