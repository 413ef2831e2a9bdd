import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect } from '@jest/globals';
import { reportFolder, type ProgressSink } from './report.js';

const fixtures = join(process.cwd(), 'test', 'fixtures', 'pabulib');
const small = ['Netherlands_Amsterdam_643.pb', 'Poland_Gdansk_2020_Rudniki.pb', 'Poland_Warszawa_2017_Aleksandrow.pb', 'Poland_Gdynia_2024_Kamienna_Gora__large.pb'];

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tally-report-'));
  for (const f of small) copyFileSync(join(fixtures, f), join(dir, f));
  return dir;
}

/** Records what a progress bar was told. */
function recorder(): ProgressSink & { calls: string[] } {
  const calls: string[] = [];
  return { calls, start: (total, done) => calls.push(`start ${done}/${total}`), update: (done, file) => calls.push(`update ${done} ${file}`), stop: () => calls.push('stop') };
}

const options = { strict: false, tieBreak: { order: ['lowest-cost', 'most-votes', 'input-order'] as const }, explainGroups: false };

describe('folder report progress', () => {
  it('shows no bar on a short run', () => {
    const progress = recorder();
    let t = 0;
    const report = reportFolder(folder(), { ...options, progress, longRunMs: 1000, now: () => (t += 10) });
    expect(report.files).toHaveLength(4);
    expect(progress.calls).toEqual([]);
  });

  it('starts the bar once the run has lasted longRunMs, then advances it per file to the end', () => {
    const progress = recorder();
    // Each reading of the clock moves it 300 ms: the check before the second file is past 1 s.
    let t = 0;
    reportFolder(folder(), { ...options, progress, longRunMs: 1000, now: () => (t += 300) });
    const sorted = [...small].sort();
    expect(progress.calls).toEqual(['start 1/4', `update 1 ${sorted[1]}`, `update 2 ${sorted[2]}`, `update 3 ${sorted[3]}`, 'update 4 ', 'stop']);
  });
});
