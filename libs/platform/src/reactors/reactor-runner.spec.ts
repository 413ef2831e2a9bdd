import { describe, it, expect, afterEach } from '@jest/globals';
import { InMemoryEventStore, type RecordedEvent } from '@lib/event-store';
import { type Decider, domainError, handleCommand, type Reaction } from '@lib/es';
import { InProcessLock } from '../persistence/runner-lock.js';
import { InMemoryReactorCheckpoints } from './reactor-checkpoints.js';
import { ReactorHost } from './reactor-host.js';

const TENANT = 'GM0363';
const meta = { actor: 'staff-1', role: 'administrator', tenant: TENANT, $correlationId: 'c-1', at: '2026-02-01T08:00:00.000Z' };

class NoticeRefusedError extends domainError('NOTICE.REFUSED') {}

/** A notice follows each order; an order for 'nobody' is refused by the notice's decider. */
type Notice = { type: 'Notify'; data: { orderId: string; to: string } };
const noticeDecider: Decider<Notice, { sent: boolean }, { type: 'NoticeSent'; data: { orderId: string } }> = {
  initialState: () => ({ sent: false }),
  evolve: () => ({ sent: true }),
  decide: (command, state) => {
    if (command.data.to === 'nobody') throw new NoticeRefusedError('Nobody to notify');
    return state.sent ? [] : [{ type: 'NoticeSent', data: { orderId: command.data.orderId } }];
  },
};

function noticeReaction(executed: string[]): Reaction<Notice> {
  return {
    reactor: {
      name: 'notice',
      canHandle: ['OrderPlaced'],
      handle: (event) => [{ type: 'Notify', data: { orderId: (event.data as { orderId: string }).orderId, to: String((event.data as { to?: string }).to ?? 'customer') } }],
    },
    async execute(command, { context, newId }) {
      executed.push(command.data.orderId);
      await handleCommand(store, `Notice-${command.data.orderId}`, noticeDecider, command, context, { newId });
    },
  };
}

let store: InMemoryEventStore;
const hosts: ReactorHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop();
});

async function placeOrder(orderId: string, to?: string): Promise<RecordedEvent> {
  const result = await store.append(`Order-${orderId}`, [{ id: `00000000-0000-4000-8000-00000000000${orderId}`, type: 'OrderPlaced', data: { orderId, ...(to ? { to } : {}) }, metadata: meta }]);
  const [event] = await store.readStream(`Order-${orderId}`, { fromRevision: result.nextRevision });
  return event!;
}

const noticesOf = async (orderId: string) => (await store.readStream(`Notice-${orderId}`)).map((e) => ({ id: e.id, type: e.type, causation: e.metadata.$causationId, actor: e.metadata.actor }));

describe('reactor runtime', () => {
  it('carries out the commands of each event once, with ids and causation derived from the event, and a wait sees it done', async () => {
    store = new InMemoryEventStore();
    const executed: string[] = [];
    const host = new ReactorHost(store, { retryMs: 20 });
    hosts.push(host);
    host.register(noticeReaction(executed));
    host.start();
    const order = await placeOrder('1');
    expect(await host.settled([order], 2000)).toEqual({ complete: true, awaited: ['notice'], pending: [] });
    const notices = await noticesOf('1');
    expect(notices).toEqual([{ id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/), type: 'NoticeSent', causation: order.id, actor: 'staff-1' }]);
    expect(executed).toEqual(['1']);
  });

  it('a crash after the commands and before the checkpoint replays the event on restart and appends nothing more', async () => {
    store = new InMemoryEventStore();
    const checkpoints = new InMemoryReactorCheckpoints();
    const executed: string[] = [];
    let crash = true;
    const first = new ReactorHost(store, { retryMs: 20, storage: { checkpoints, lock: new InProcessLock() }, faults: { beforeCheckpoint: () => { if (crash) throw new Error('crash'); } } });
    hosts.push(first);
    first.register(noticeReaction(executed));
    first.start();
    const order = await placeOrder('2');
    expect(await first.settled([order], 300)).toEqual({ complete: false, awaited: ['notice'], pending: ['notice'] });
    await first.stop();
    crash = false;
    const second = new ReactorHost(store, { retryMs: 20, storage: { checkpoints, lock: new InProcessLock() } });
    hosts.push(second);
    second.register(noticeReaction(executed));
    second.start();
    expect(await second.settled([order], 2000)).toEqual({ complete: true, awaited: ['notice'], pending: [] });
    expect((await noticesOf('2')).map((n) => n.type)).toEqual(['NoticeSent']);
    expect(executed.length).toBeGreaterThanOrEqual(2);
    expect(await checkpoints.load('reactor:notice')).toEqual(order.position);
  });

  it('one runner per reactor: a second host waits for the lock and follows the first one\'s checkpoint', async () => {
    store = new InMemoryEventStore();
    const checkpoints = new InMemoryReactorCheckpoints();
    const lock = new InProcessLock();
    const executedA: string[] = [];
    const executedB: string[] = [];
    const a = new ReactorHost(store, { retryMs: 20, storage: { checkpoints, lock } });
    const b = new ReactorHost(store, { retryMs: 20, storage: { checkpoints, lock } });
    hosts.push(a, b);
    a.register(noticeReaction(executedA));
    b.register(noticeReaction(executedB));
    a.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    b.start();
    const order = await placeOrder('3');
    expect(await b.settled([order], 2000)).toEqual({ complete: true, awaited: ['notice'], pending: [] });
    expect(executedA).toEqual(['3']);
    expect(executedB).toEqual([]);
    expect(b.runner('notice')!.state).toBe('waiting-for-lock');
  });

  it('a refused command is recorded and skipped: the next event is still carried out', async () => {
    store = new InMemoryEventStore();
    const host = new ReactorHost(store, { retryMs: 20 });
    hosts.push(host);
    host.register(noticeReaction([]));
    host.start();
    const refused = await placeOrder('4', 'nobody');
    const next = await placeOrder('5');
    expect(await host.settled([refused, next], 2000)).toEqual({ complete: true, awaited: ['notice'], pending: [] });
    expect(await noticesOf('4')).toEqual([]);
    expect((await noticesOf('5')).map((n) => n.type)).toEqual(['NoticeSent']);
    expect(host.runner('notice')!.refused).toEqual([{ reactor: 'notice', stream: 'Order-4', position: expect.any(String), eventType: 'OrderPlaced', code: 'NOTICE.REFUSED', error: 'Nobody to notify' }]);
  });
});
