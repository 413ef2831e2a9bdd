/** Seconds for greedy, Equal Shares and Equal Shares add1 on every Pabulib fixture, largest file first. */
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

const head = ['file', 'voters', 'read s', 'greedy s', 'MES s', 'MES add1 s', 'add1 runs'];
const rows: string[][] = [];
for (const { f } of files) {
  const t = performance.now();
  const { election } = readPabulib(readFileSync(join(dir, f), 'utf8'));
  const read = (performance.now() - t) / 1000;
  const g = seconds(election, 'greedy');
  const m = seconds(election, 'equalshares');
  const a = seconds(election, 'equalshares/add1');
  rows.push([f.replace(/\.pb$/, ''), String(election.ballots.length), read.toFixed(3), g.s.toFixed(3), m.s.toFixed(3), a.s.toFixed(3), String(a.runs ?? '')]);
}
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const fmt = (r: string[]): string => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(fmt(head));
for (const r of rows) console.log(fmt(r));
