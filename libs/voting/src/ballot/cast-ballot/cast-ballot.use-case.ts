import { type CommandContext, handleCommand, type HandleCommandResult } from '@lib/es';
import { participantByRef, requireParticipant, type LoadedParticipant } from '../../participant/participant.lookup.js';
import { ballotRefOf } from '../../round-key/pseudonym.js';
import { ballotBoxState, type PreparedBox, roundOf, type VotingDeps } from '../../voting.deps.js';
import type { BallotContent } from '../ballot.content.js';
import { ballotDecider } from '../ballot.decider.js';
import { type BallotEvent, ballotStream, type Verification } from '../ballot.events.js';
import type { BallotFacts } from '../ballot.facts.js';
import { ReplaceBallot } from '../replace-ballot/replace-ballot.command.js';
import { newReceipt } from '../receipt/receipt.js';
import { requireVotingWindow } from '../voting-window.js';
import { CastBallot } from './cast-ballot.command.js';

export interface CastBallotInput {
  roundId: string;
  participantRef: string;
  content: BallotContent;
  channel: 'online' | 'assisted';
  verification: Verification;
}

export interface CastOptions {
  /** Replace the standing ballot, at this revision (from If-Match). Absent: a first ballot, which expects no stream. */
  replaceAt?: bigint;
  /** The box and participant already read (the Pabulib import casts thousands in a row). */
  box?: PreparedBox;
  participant?: LoadedParticipant;
}

/** A recorded ballot and the receipt for its voter (shown once; null for imported ballots, which have no voter to hand it to). */
export type CastBallotResult = HandleCommandResult<BallotEvent> & { receipt: string | null };

/**
 * Casts (or replaces) a participant's ballot. Ballot events carry actor `voter`, never the participant's pseudonym,
 * and only the digest of the receipt.
 */
export async function castBallotFor(deps: VotingDeps, input: CastBallotInput, context: CommandContext, options: CastOptions = {}): Promise<CastBallotResult> {
  // 1. The facts from the other streams: the box's phase and rules, the participant's standing (read side by side,
  // checked in this order). The Round stream has the last word: a round that left its voting phase takes no ballots,
  // whatever the box says.
  const [boxRead, roundRead, participantRead] = await Promise.allSettled([
    options.box ?? ballotBoxState(deps, input.roundId, context.tenant),
    options.box ? null : roundOf(deps.store, input.roundId, context.tenant, deps.streams),
    options.participant ?? participantByRef(deps.store, input.roundId, input.participantRef, context.tenant),
  ]);
  const box = settled(boxRead);
  const round = settled(roundRead);
  requireVotingWindow(box, round, deps.now());
  const participant = requireParticipant(settled(participantRead), input.roundId);
  const facts: BallotFacts = {
    phase: box.phase,
    frame: box.frame,
    participant: { eligible: participant.state.eligible, blocked: participant.state.status !== 'active' },
  };
  // 2. The ballot pseudonym: only computable with the round key.
  const key = await deps.vault.keyFor(input.roundId);
  const ballotRef = ballotRefOf(key, participant.state.rootRef);
  // 3. The receipt: random, so neither the code nor the round key leads to it; the event keeps its digest only.
  const receipt = input.verification === 'imported' ? null : newReceipt();
  const data = {
    roundId: input.roundId,
    ballotRef,
    channel: input.channel,
    verification: input.verification,
    area: participant.state.area,
    ageBand: participant.state.ageBand,
    content: input.content,
    batchId: null,
    ...(receipt ? { receiptDigest: receipt.digest } : {}),
    castAt: deps.now().toISOString(),
    facts,
  };
  // 4. Decide and append: a first ballot expects no stream (and is only read when one is there after all, for the
  // paper-precedence rule); a replacement expects the revision the voter saw.
  const replacing = options.replaceAt !== undefined;
  const result = await handleCommand(deps.store, ballotStream(input.roundId, ballotRef), ballotDecider, replacing ? new ReplaceBallot(data) : new CastBallot(data), { ...context, actor: 'voter' }, {
    streamMustExist: replacing,
    expectedRevision: options.replaceAt,
    expectNew: !replacing,
    newId: deps.newId,
  });
  return { ...result, receipt: receipt?.receipt ?? null };
}

function settled<T>(result: PromiseSettledResult<T>): T {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}
