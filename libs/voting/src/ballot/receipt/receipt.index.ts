import type { EventStore, Position } from '@lib/event-store';
import { ballotStreamPrefix, type Channel, type CastData } from '../ballot.events.js';

/** The ballot a receipt was given for, and whether it still stands in its stream. */
export interface ReceiptFinding {
  status: 'counted' | 'replaced';
  /** The channel the receipt's ballot came in. */
  channel: Channel;
  /** When replaced: the channel of the ballot that stands instead (online by the voter, paper by the paper-precedence rule). */
  replacedBy: Channel | null;
  /** The ballot stream and the revision of the receipt's ballot in it (to read its content). */
  stream: string;
  revision: bigint;
}

interface RoundIndex {
  tenant: string;
  after: Position | 'start';
  /** Receipt digest → the ballot stream and the revision of the event that carries it. */
  byDigest: Map<string, { stream: string; revision: bigint; channel: Channel }>;
  /** Ballot stream → its standing ballot's revision and channel. */
  standing: Map<string, { revision: bigint; channel: Channel }>;
}

/**
 * Receipt digests of a round's ballots, read from the ballot events alone (no round key, no code:
 * only the receipt leads to its ballot). Kept per process and brought up to date with what was
 * appended since, so a check after the close reads only the events it has not seen.
 */
export class ReceiptIndex {
  private readonly rounds = new Map<string, RoundIndex>();

  /** The ballot with this receipt digest in the round, or null. */
  async find(store: EventStore, roundId: string, tenant: string, digest: string): Promise<ReceiptFinding | null> {
    const index = await this.upToDate(store, roundId, tenant);
    const found = index.byDigest.get(digest);
    if (!found) return null;
    const standing = index.standing.get(found.stream)!;
    const stands = standing.revision === found.revision;
    return { status: stands ? 'counted' : 'replaced', channel: found.channel, replacedBy: stands ? null : standing.channel, stream: found.stream, revision: found.revision };
  }

  private async upToDate(store: EventStore, roundId: string, tenant: string): Promise<RoundIndex> {
    let index = this.rounds.get(roundId);
    if (!index || index.tenant !== tenant) {
      index = { tenant, after: 'start', byDigest: new Map(), standing: new Map() };
      this.rounds.set(roundId, index);
    }
    const prefix = ballotStreamPrefix(roundId);
    for (;;) {
      const page = await store.readAll({ after: index.after, maxCount: 1000, filter: { streamPrefixes: [prefix] } });
      for (const event of page) {
        if (event.metadata.tenant !== tenant || !event.streamName.startsWith(prefix)) continue;
        if (event.type !== 'BallotCast' && event.type !== 'BallotReplaced') continue;
        const data = event.data as unknown as CastData;
        index.standing.set(event.streamName, { revision: event.revision, channel: data.channel });
        if (data.receiptDigest) index.byDigest.set(data.receiptDigest, { stream: event.streamName, revision: event.revision, channel: data.channel });
      }
      if (page.length > 0) index.after = page[page.length - 1]!.position;
      if (page.length < 1000) break;
    }
    return index;
  }
}
