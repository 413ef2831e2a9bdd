import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect } from '@jest/globals';
import { readPabulib, tally } from './index.js';

const dir = join(process.cwd(), 'test', 'fixtures', 'pabulib');
const withSelected = readdirSync(dir)
  .filter((f) => f.endsWith('.pb'))
  .sort()
  .filter((f) => readPabulib(readFileSync(join(dir, f), 'utf8')).selectedInFile !== undefined);

// The CLI's default tie-break: lowest cost, most votes, then file order (the Pabulib checker's).
const tieBreak = { order: ['lowest-cost', 'most-votes', 'input-order'] as const };

describe('every fixture with an official outcome', () => {
  it('includes the six elections added for real-file counting', () => {
    expect(withSelected.length).toBeGreaterThanOrEqual(12);
  });

  it.each(withSelected)('%s: the rule its META declares reproduces the selected column', (file) => {
    const parsed = readPabulib(readFileSync(join(dir, file), 'utf8'));
    const result = tally({ ...parsed.election, tieBreak, explainGroups: false });
    // The declared rule itself, or for greedy-custom the rule the city is known to use.
    expect(result.rule).toBe(parsed.declaredRule === 'greedy-custom' ? 'greedy-reserve' : parsed.declaredRule);
    expect([...result.winners].sort()).toEqual([...parsed.selectedInFile!].sort());
  });
});
