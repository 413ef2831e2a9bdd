import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';

/** One example's data per event type of a stream, keyed by type. */
export type EventExamples<Event extends { type: string; data: object }> = { [Type in Event['type']]: Extract<Event, { type: Type }>['data'] };

/** A stream's type list, an example stream name (from its stream-name helper) and one example per type. */
export interface GoldenStream {
  types: readonly string[];
  stream: string;
  examples: Readonly<Record<string, object>>;
}

/** The events as the store keeps them: each example's data as JSON, under its stream's example name. */
function stored(streams: Readonly<Record<string, GoldenStream>>): unknown {
  const entries = Object.entries(streams).map(([category, { stream, examples }]) => [category, { stream, events: examples }]);
  return JSON.parse(JSON.stringify(Object.fromEntries(entries)));
}

/**
 * Golden-file tests of a library's events: every type of every type list has one literal example,
 * and the JSON the store keeps of each equals the committed golden file. A changed field, a renamed
 * type or stream, or a type without an example fails. Stored events never change shape: a breaking
 * change is a new type with an upcaster. `UPDATE_GOLDEN=1` writes the file (for a new type: review its diff).
 */
export function describeGoldenEvents(golden: URL, streams: Readonly<Record<string, GoldenStream>>): void {
  describe(`the stored JSON of every event type (${golden.pathname.split('/').pop()})`, () => {
    for (const [category, { types, examples }] of Object.entries(streams)) {
      it(`has one example for each type of the ${category} stream, and no other`, () => {
        expect(Object.keys(examples).sort()).toEqual([...types].sort());
      });
    }

    it('serialises every example exactly as the golden file holds it', () => {
      const actual = stored(streams);
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, `${JSON.stringify(actual, null, 2)}\n`);
      if (!existsSync(golden)) throw new Error(`No golden file ${golden.pathname}: write it with UPDATE_GOLDEN=1, review it and commit it`);
      expect(actual).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
    });
  });
}
