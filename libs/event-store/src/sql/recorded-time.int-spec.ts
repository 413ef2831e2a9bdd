import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { NewEvent, RecordedEvent } from '../event-store.port.js';
import { sqlTestDatabases, storePerTest } from '../testing/sql-test-stores.js';

const event = (n: number): NewEvent => ({ id: randomUUID(), type: 'Noted', data: { n }, metadata: { tenant: 't' } });

describe.each(sqlTestDatabases('recorded_time'))('the time an event was recorded (%s)', (_name, database) => {
  const open = storePerTest(database);

  it('reads back to the millisecond, the part below it dropped (before 1970 too), by every kind of read', async () => {
    const { db, store, driver } = await open();
    const before = Date.now();
    await store.append('Note-a', [event(1)]);
    const after = Date.now();
    await store.append('Note-b', [event(2)]);
    await store.append('Note-c', [event(3)]);
    const [fresh] = await store.readStream('Note-a');
    // Recorded by the database's clock, on this machine.
    expect(fresh!.created.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(fresh!.created.getTime()).toBeLessThanOrEqual(after + 1000);

    // Microseconds in the column; a Date holds milliseconds: the rest is dropped, not rounded, also before the epoch.
    await driver.exec(`UPDATE "${db.schema}".events SET created = '2026-05-03 10:11:12.345678+00' WHERE stream_id = 'Note-a'`);
    await driver.exec(`UPDATE "${db.schema}".events SET created = '1969-07-20 20:17:40.999999+00' WHERE stream_id = 'Note-b'`);
    await driver.exec(`UPDATE "${db.schema}".events SET created = '2026-12-31 23:59:59.9995+01' WHERE stream_id = 'Note-c'`);
    const expected = { 'Note-a': '2026-05-03T10:11:12.345Z', 'Note-b': '1969-07-20T20:17:40.999Z', 'Note-c': '2026-12-31T22:59:59.999Z' };
    const times = (events: RecordedEvent[]) => Object.fromEntries(events.map((e) => [e.streamName, e.created.toISOString()]));

    // `$all` shows a transaction once none older runs anywhere on the server (other test files share it): wait for all three.
    const deadline = Date.now() + 30_000;
    let all = await store.readAll();
    while (all.length < 3 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      all = await store.readAll();
    }
    expect(times(all)).toEqual(expected);
    const one = await Promise.all(['Note-a', 'Note-b', 'Note-c'].map((name) => store.readStream(name, { direction: 'backwards', fromRevision: 'end', maxCount: 1 })));
    expect(times(one.flat())).toEqual(expected);
    // More forward reads at once than run on their own: the waiting ones go together in one statement.
    const together = await Promise.all(['Note-a', 'Note-b', 'Note-c', 'Note-a', 'Note-b', 'Note-c'].map((name) => store.readStream(name)));
    expect(together.map((events) => events[0]!.created.toISOString())).toEqual([...Object.values(expected), ...Object.values(expected)]);
  });
});
