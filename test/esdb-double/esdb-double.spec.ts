import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  jsonEvent,
  type AllStreamResolvedEvent,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { EsdbDouble } from './esdb-double.js';

/**
 * What the raw client sees, case by case. Runs against the double always and against a real server
 * when EVENTSTORE_URL is set: the same expectations, so the double answers what a server answers.
 */
interface Target {
  name: string;
  url(): string;
  setup?(): Promise<void>;
  teardown?(): Promise<void>;
}
const double = new EsdbDouble();
const realUrl = process.env.EVENTSTORE_URL;

const event = (type = 'Happened', data: Record<string, unknown> = {}) => jsonEvent({ id: randomUUID(), type, data });
const name = (): string => `Double-${randomUUID()}`;
async function read(client: EventStoreDBClient, stream: string): Promise<ResolvedEvent[]> {
  const events: ResolvedEvent[] = [];
  for await (const e of client.readStream(stream)) events.push(e);
  return events;
}

function describeServerSemantics(target: Target): void {
  describe(`EventStoreDB semantics through @eventstore/db-client: ${target.name}`, () => {
    let client: EventStoreDBClient;
    beforeAll(async () => {
      await target.setup?.();
      client = EventStoreDBClient.connectionString(target.url());
    });
    afterAll(async () => {
      await client.dispose();
      await target.teardown?.();
    });

    it('rejects a wrong expected revision with the current revision', async () => {
      const stream = name();
      await client.appendToStream(stream, [event(), event()], { expectedRevision: 'no_stream' });
      const error = await client.appendToStream(stream, event(), { expectedRevision: 'no_stream' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      expect(error).toMatchObject({ actualVersion: 1n });
      await expect(client.appendToStream(stream, event(), { expectedRevision: 5n })).rejects.toMatchObject({ actualVersion: 1n });
      await expect(client.appendToStream(name(), event(), { expectedRevision: 'stream_exists' })).rejects.toMatchObject({ actualVersion: 'no_stream' });
    });

    it('rejects every append to a tombstoned stream, and reads of it', async () => {
      const stream = name();
      await client.appendToStream(stream, event());
      await client.tombstoneStream(stream);
      for (const expectedRevision of ['any', 'no_stream', 'stream_exists', 0n] as const) {
        await expect(client.appendToStream(stream, event(), { expectedRevision })).rejects.toBeInstanceOf(StreamDeletedError);
      }
      await expect(read(client, stream)).rejects.toBeInstanceOf(StreamDeletedError);
      await expect(client.tombstoneStream(stream)).rejects.toBeInstanceOf(StreamDeletedError);
    });

    it('treats a re-append of the same events at the same expected revision as done', async () => {
      const stream = name();
      const batch = [event(), event()];
      const first = await client.appendToStream(stream, batch, { expectedRevision: 'no_stream' });
      const again = await client.appendToStream(stream, batch, { expectedRevision: 'no_stream' });
      expect(again).toEqual(first);
      expect(await read(client, stream)).toHaveLength(2);
      await expect(client.appendToStream(stream, [batch[0]!, event()], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(WrongExpectedVersionError);
    });

    it('does not check event ids when the expected revision is the current one (ids are not unique per stream)', async () => {
      const stream = name();
      const [a, b] = [event(), event()];
      await client.appendToStream(stream, [a!, b!], { expectedRevision: 'no_stream' });
      const result = await client.appendToStream(stream, [b!, event()], { expectedRevision: 1n });
      expect(result.nextExpectedRevision).toBe(3n);
      expect((await read(client, stream)).map((e) => e.event?.id)).toEqual([a!.id, b!.id, b!.id, expect.any(String)]);
    });

    it('soft-deletes: not found, recreated with continuing revisions, $tb in $$<stream>', async () => {
      const stream = name();
      await client.appendToStream(stream, [event(), event()]);
      await client.deleteStream(stream, { expectedRevision: 1n });
      await expect(read(client, stream)).rejects.toBeInstanceOf(StreamNotFoundError);
      await expect(client.appendToStream(stream, event(), { expectedRevision: 'stream_exists' })).rejects.toBeInstanceOf(StreamDeletedError);
      const recreated = await client.appendToStream(stream, event('Again'), { expectedRevision: 'no_stream' });
      expect(recreated.nextExpectedRevision).toBe(2n);
      expect((await read(client, stream)).map((e) => e.event?.revision)).toEqual([2n]);
      const meta = await client.getStreamMetadata(stream);
      expect(meta.metadata).toMatchObject({ truncateBefore: 2 });
      const metastream: ResolvedEvent[] = [];
      for await (const e of client.readStream(`$$${stream}`, { direction: BACKWARDS, fromRevision: END, maxCount: 1 })) metastream.push(e);
      expect(metastream[0]?.event?.type).toBe('$metadata');
    });

    it('reads $all from a position inclusively and subscribes after it exclusively', async () => {
      const stream = name();
      await client.appendToStream(stream, [event('One'), event('Two')]);
      const all: AllStreamResolvedEvent[] = [];
      for await (const e of client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 50 })) all.push(e);
      const mine = all.filter((e) => e.event?.streamId === stream).reverse();
      expect(mine.map((e) => e.event?.type)).toEqual(['One', 'Two']);
      const from = mine[0]!.event!.position!;
      const forwards: AllStreamResolvedEvent[] = [];
      for await (const e of client.readAll({ fromPosition: from, maxCount: 1 })) forwards.push(e);
      expect(forwards[0]?.event?.id).toBe(mine[0]!.event!.id);
      const subscription = client.subscribeToAll({ fromPosition: from });
      for await (const e of subscription) {
        expect(e.event?.id).toBe(mine[1]!.event!.id);
        break;
      }
      await subscription.unsubscribe();
    });
  });
}

describeServerSemantics({
  name: 'the gRPC test double',
  url: () => double.connectionString(),
  setup: async () => void (await double.start()),
  teardown: () => double.stop(),
});

// A real server only when EVENTSTORE_URL is set; reported as skipped otherwise.
(realUrl ? describe : describe.skip)(`the same semantics against a real server (EVENTSTORE_URL ${realUrl ? 'set' : 'not set: skipped, #3'})`, () => {
  describeServerSemantics({ name: 'EVENTSTORE_URL', url: () => realUrl! });
});

describe('the gRPC test double itself', () => {
  it('restarts on the same port with the same data', async () => {
    const d = new EsdbDouble();
    const port = await d.start();
    const client = EventStoreDBClient.connectionString(d.connectionString());
    try {
      const stream = name();
      await client.appendToStream(stream, [event(), event()]);
      await d.restart();
      expect(d.port).toBe(port);
      let events: ResolvedEvent[] = [];
      for (let attempt = 0; attempt < 20; attempt++) {
        try {
          events = await read(client, stream);
          break;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
      expect(events).toHaveLength(2);
    } finally {
      await client.dispose();
      await d.stop();
    }
  });
});
