/**
 * Voters casting their one ballot like real clients: a voter whose request got no answer, a 503, or
 * a gateway's 502 (the process behind the proxy died with the request in flight) tries again later;
 * 201 (acknowledged) and any other refusal end its turn. What each voter was told
 * is kept, to compare with the store.
 */
import { type BallotRound, ballotRequest } from './ballot-workload.js';
import type { LoadRequest, Outcome } from './load.js';

export interface VoterRecord {
  index: number;
  /** Every answer, in order (0: no answer). */
  statuses: number[];
  codes: (string | undefined)[];
  final?: 'acknowledged' | 'already-cast' | 'refused';
}

export class VoterQueue {
  readonly voters: VoterRecord[];
  private readonly waiting: number[];

  constructor(
    private readonly round: BallotRound,
    private readonly tokens: readonly string[],
    /** Voters who send an invalid ballot (an unknown plan) and nothing else: refused, never stored. */
    private readonly invalid: ReadonlySet<number> = new Set(),
  ) {
    this.voters = tokens.map((_, index) => ({ index, statuses: [], codes: [] }));
    this.waiting = tokens.map((_, index) => index);
  }

  next = (): LoadRequest | undefined => {
    const index = this.waiting.shift();
    if (index === undefined) return undefined;
    const request = ballotRequest(this.round, this.tokens[index]!, index, index);
    if (this.invalid.has(index)) request.body = { type: 'approval', choices: ['00000000-0000-4000-8000-000000000000'] };
    return request;
  };

  onOutcome = (outcome: Outcome): void => {
    const voter = this.voters[outcome.request.tag as number]!;
    voter.statuses.push(outcome.status);
    voter.codes.push(outcome.body?.code as string | undefined);
    if (unanswered(outcome.status)) this.waiting.push(voter.index);
    else if (outcome.status === 201) voter.final = 'acknowledged';
    else if (outcome.status === 409 && outcome.body?.code === 'BALLOT.ALREADY_CAST') voter.final = 'already-cast';
    else voter.final = 'refused';
  };

  /** A 409 is only right for a voter whose earlier attempt may have been recorded (no answer, 502 or 503). */
  unexplainedAlreadyCast(): VoterRecord[] {
    return this.voters.filter((v) => v.final === 'already-cast' && !v.statuses.slice(0, -1).some(unanswered));
  }
}

/** An attempt that may or may not have been recorded: no answer, the gateway lost its backend (502), or the store was unavailable (503). */
export function unanswered(status: number): boolean {
  return status === 0 || status === 502 || status === 503;
}
