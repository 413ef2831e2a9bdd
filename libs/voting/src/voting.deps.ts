import { CommandStreamMissing, loadStream, type LoadedStream, type StreamStateCache } from '@lib/es';
import { type ExistingRound, findRound, roundDecider, roundStream } from '@lib/budgeting';
import type { EventStore } from '@lib/event-store';
import { ballotBoxDecider } from './ballot-box/ballot-box.decider.js';
import { ballotBoxStream } from './ballot-box/ballot-box.events.js';
import type { BallotBoxState } from './ballot-box/ballot-box.state.js';
import type { RoundKeyVault } from './round-key/round-key.vault.js';

/** What the voting use cases need: the store, the key vault, a clock and an id source (Nest or the CLI supplies them). */
export interface VotingDeps {
  store: EventStore;
  vault: RoundKeyVault;
  now(): Date;
  newId(): string;
  /** The long-lived streams a ballot checks (ballot box, round), kept folded per process; absent: read whole each time. */
  streams?: StreamStateCache;
}

/** DI token of the process's VotingDeps: one stream cache shared by every voting handler. */
export const VOTING_DEPS = Symbol('VOTING_DEPS');

export type PreparedBox = Exclude<BallotBoxState, { phase: 'none' }>;

/** The round's ballot box for the caller's municipality; 404 BALLOTBOX.NOT_FOUND otherwise. */
export async function loadBallotBox(store: EventStore, roundId: string, tenant: string): Promise<LoadedStream<PreparedBox>> {
  const loaded = await loadStream(store, ballotBoxStream(roundId), ballotBoxDecider, tenant);
  return { ...loaded, state: prepared(loaded.state, roundId) };
}

/** The ballot box's state, from the deps' stream cache when there is one (the hot path of casting a ballot). */
export async function ballotBoxState(deps: VotingDeps, roundId: string, tenant: string): Promise<PreparedBox> {
  if (!deps.streams) return (await loadBallotBox(deps.store, roundId, tenant)).state;
  return prepared((await deps.streams.load(deps.store, ballotBoxStream(roundId), ballotBoxDecider, tenant)).state, roundId);
}

/** A box that was never prepared does not exist for its callers. */
function prepared(state: BallotBoxState, roundId: string): PreparedBox {
  if (state.phase === 'none') throw new CommandStreamMissing(ballotBoxStream(roundId));
  return state;
}

/** The municipality a round belongs to, from its ballot box (for the public sign-in, which has no token yet). */
export async function tenantOfRound(store: EventStore, roundId: string): Promise<string> {
  const [first] = await store.readStream(ballotBoxStream(roundId), { maxCount: 1 });
  const tenant = first?.metadata.tenant;
  if (typeof tenant !== 'string') throw new CommandStreamMissing(ballotBoxStream(roundId));
  return tenant;
}

/** Runs `work` over `items` with at most `limit` in flight, in order of start. */
export async function inBatches<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The Round stream (owned by @lib/budgeting) when the round was planned there; null for rounds that exist only as a ballot box (Pabulib imports). */
export async function roundOf(store: EventStore, roundId: string, tenant: string, streams?: StreamStateCache): Promise<ExistingRound | null> {
  if (!streams) return (await findRound(store, roundId, tenant))?.state ?? null;
  return ((await streams.find(store, roundStream(roundId), roundDecider, tenant))?.state as ExistingRound | undefined) ?? null;
}
