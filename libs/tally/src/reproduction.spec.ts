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
    expect(withSelected).toEqual(
      expect.arrayContaining([
        'Poland_Gdynia_2020_Obluze__small.pb',
        'Poland_Gdynia_2024_Kamienna_Gora__large.pb',
        'Poland_Katowice_2023_Srodmiescie.pb',
        'Poland_Krakow_2019_Zwierzyniec.pb',
        'Poland_Poznan_2026_13_-_Jezyce_Sw.Lazarz__small.pb',
        'Poland_Poznan_2026_5_-_Grunwald_Polnoc_Grunwald_Poludnie_Stary_Grunwald__small.pb',
      ]),
    );
  });

  it.each(withSelected)('%s: the rule its META declares reproduces the selected column', (file) => {
    const parsed = readPabulib(readFileSync(join(dir, file), 'utf8'));
    const result = tally({ ...parsed.election, tieBreak, explainGroups: false });
    // The declared rule itself, or for greedy-custom the rule the city is known to use.
    expect(result.rule).toBe(parsed.declaredRule === 'greedy-custom' ? 'greedy-reserve' : parsed.declaredRule);
    expect([...result.winners].sort()).toEqual([...parsed.selectedInFile!].sort());
  });
});
