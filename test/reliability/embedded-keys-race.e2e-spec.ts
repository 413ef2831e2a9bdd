import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { spawnScript } from './support/app-process.js';

/**
 * Api processes started together on one new data directory (as the scale-out set-up does) each take
 * the embedded signing key and resident pseudonym key at start. Whichever makes a key, all must read
 * the same complete one: none may read a file another is still writing (an empty pseudonym key would
 * give residents other pseudonyms, and a second vote), and none may replace a key the others use.
 */
describe('embedded keys: processes started together on a new data directory (child processes)', () => {
  for (const [kind, file, pattern] of [
    ['signing', 'signing-key.json', /^key [\w-]{43}$/],
    ['pseudonym', 'resident-pseudonym.key', /^key [\w+/]{43}=$/],
  ] as const) {
    it(`eight processes racing for the ${kind} key all get the same one, in three rounds`, async () => {
      for (let round = 0; round < 3; round++) {
        const dataDir = await mkdtemp(join(tmpdir(), 'ib-key-race-'));
        try {
          // All load first, then take the key at the same moment.
          const at = String(Date.now() + 2_500);
          const processes = Array.from({ length: 8 }, (_, i) => spawnScript(`key-${i}`, 'test/reliability/support/embedded-key.ts', [kind, dataDir, at], {}));
          const exits = await Promise.all(processes.map((p) => p.exited));
          const lines = processes.map((p) => p.output().trim());
          expect({ round, lines }).toEqual({ round, lines: lines.map(() => expect.stringMatching(pattern)) });
          expect(new Set(lines).size).toBe(1);
          expect(exits.map((exit) => exit.code)).toEqual(processes.map(() => 0));
          expect(await readdir(join(dataDir, 'auth'))).toEqual([file]);
        } finally {
          await rm(dataDir, { recursive: true, force: true });
        }
      }
    }, 120_000);
  }
});
