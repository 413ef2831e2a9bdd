/** Seconds for greedy, Equal Shares and Equal Shares add1 on every Pabulib fixture, largest file first, and for the declared rule where the file has an official outcome. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readPabulib, tally, type Election, type RuleName } from '../libs/tally/src/index.js';

const dir = join(import.meta.dirname, '..', 'test', 'fixtures', 'pabulib');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.pb'))
  .map((f) => ({ f, size: statSync(join(dir, f)).size }))
  .sort((a, b) => b.size - a.size);

function seconds(election: Election, rule: RuleName): { s: number; winners: number; runs?: number } {
  const t = performance.now();
  const r = tally({ ...election, rule, explainGroups: false, tieBreak: { order: ['lowest-cost', 'most-votes', 'input-order'] } });
  return { s: (performance.now() - t) / 1000, winners: r.winners.length, runs: r.pots[0]?.runs };
}

/** The declared rule (for greedy-custom, the unit's) on a file with an official outcome: seconds and whether it reproduces it. */
function declared(election: Election, selected: readonly string[]): { s: number; ok: boolean } {
  const t = performance.now();
  const r = tally({ ...election, explainGroups: false, tieBreak: { order: ['lowest-cost', 'most-votes', 'input-order'] } });
  const s = (performance.now() - t) / 1000;
  const want = new Set(selected);
  return { s, ok: r.winners.length === want.size && r.winners.every((w) => want.has(w)) };
}

// The Equal Shares columns count the rule alone, as EXPECTED.json does, without a META threshold.
const head = ['file', 'voters', 'read s', 'greedy s', 'MES s', 'MES add1 s', 'add1 runs', 'declared rule', 'declared s', 'official'];
const rows: string[][] = [];
for (const { f } of files) {
  const t = performance.now();
  const { election: read1, selectedInFile } = readPabulib(readFileSync(join(dir, f), 'utf8'));
  const read = (performance.now() - t) / 1000;
  const { threshold: _threshold, ...election } = read1;
  const g = seconds(election, 'greedy');
  const m = seconds(election, 'equalshares');
  const a = seconds(election, 'equalshares/add1');
  const d = selectedInFile ? declared(read1, selectedInFile) : undefined;
  rows.push([
    f.replace(/\.pb$/, ''),
    String(election.ballots.length),
    read.toFixed(3),
    g.s.toFixed(3),
    m.s.toFixed(3),
    a.s.toFixed(3),
    String(a.runs ?? ''),
    read1.rule,
    d ? d.s.toFixed(3) : '',
    d ? (d.ok ? 'reproduced' : 'NOT reproduced') : '',
  ]);
}
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const fmt = (r: string[]): string => r.map((c, i) => (i === 0 || i === 7 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(fmt(head));
for (const r of rows) console.log(fmt(r));
