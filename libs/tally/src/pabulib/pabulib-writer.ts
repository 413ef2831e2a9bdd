import { ratToString, toRational } from '../rational.js';
import type { Election, TallyResult } from '../types.js';
import type { PabulibFile } from './pabulib-reader.js';

function cell(v: string): string {
  return /[;"\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}

function row(values: readonly string[]): string {
  return values.map(cell).join(';');
}

/** Writes a parsed Pabulib file back as text (LF line ends, quoting only where needed). */
export function writePabulib(file: PabulibFile): string {
  const lines: string[] = ['META', row(['key', 'value'])];
  for (const [k, v] of Object.entries(file.meta)) lines.push(row([k, v]));
  lines.push('PROJECTS', row(file.projectColumns));
  for (const p of file.projects) lines.push(row(file.projectColumns.map((c) => p.cells[c] ?? '')));
  lines.push('VOTES', row(file.voteColumns));
  for (const v of file.votes) lines.push(row(file.voteColumns.map((c) => v.cells[c] ?? '')));
  return lines.join('\n') + '\n';
}

/** Builds a Pabulib file from plain election data, with a `selected` column when a result is given. */
export function pabulibFromElection(election: Election, result?: TallyResult, meta: Record<string, string> = {}): PabulibFile {
  const first = election.ballots[0];
  const voteType = first?.type ?? 'approval';
  const winners = new Set(result?.winners ?? []);
  const fromReserve = new Set((result?.pots ?? []).flatMap((pot) => (pot.reserve?.plan !== undefined ? [pot.reserve.plan] : [])));
  const votes = new Map<string, number>();
  const score = new Map<string, number>();
  const voteRows = election.ballots.map((b, i) => {
    let ids: string[];
    let pts: number[] | undefined;
    if (b.type === 'approval' || b.type === 'choose-1') ids = [...b.choices];
    else if (b.type === 'ordinal') {
      ids = [...b.ranking];
      pts = b.points ? [...b.points] : undefined;
    } else {
      ids = Object.keys(b.points);
      pts = ids.map((id) => b.points[id]!);
    }
    ids.forEach((id, k) => {
      votes.set(id, (votes.get(id) ?? 0) + 1);
      score.set(id, (score.get(id) ?? 0) + (pts ? pts[k]! : 1));
    });
    const cells: Record<string, string> = { voter_id: String(i + 1), vote: ids.join(',') };
    if (pts) cells['points'] = pts.join(',');
    return { line: 0, cells };
  });
  const usesPoints = voteType === 'cumulative' || voteType === 'scoring' || election.ballots.some((b) => b.type === 'ordinal' && b.points);
  const c = election.constraints ?? {};
  const m: Record<string, string> = {
    description: 'written by @lib/tally',
    num_projects: String(election.projects.length),
    num_votes: String(election.ballots.length),
    budget: ratToString(toRational(election.budget)),
    vote_type: voteType,
    rule: election.rule,
    ...(c.minLength !== undefined ? { min_length: String(c.minLength) } : {}),
    ...(c.maxLength !== undefined ? { max_length: String(c.maxLength) } : {}),
    ...(c.maxSumCost !== undefined ? { max_sum_cost: ratToString(toRational(c.maxSumCost)) } : {}),
    ...(c.minSumPoints !== undefined ? { min_sum_points: String(c.minSumPoints) } : {}),
    ...(c.maxSumPoints !== undefined ? { max_sum_points: String(c.maxSumPoints) } : {}),
    ...(election.threshold !== undefined ? { min_project_score_threshold: String(election.threshold) } : {}),
    ...(election.rule === 'greedy-reserve' && election.reserve ? { reserve_percent: String(election.reserve.percent) } : {}),
    ...(election.rule === 'greedy-reserve' && election.reserve?.amount !== undefined ? { reserve_amount: ratToString(toRational(election.reserve.amount)) } : {}),
    ...(election.currency ? { currency: election.currency } : {}),
    ...meta,
  };
  const projectColumns = ['project_id', 'cost', 'votes', ...(usesPoints ? ['score'] : []), 'name', ...(result ? ['selected'] : [])];
  const projects = election.projects.map((p) => {
    const cost = toRational(p.cost);
    // Pabulib costs are decimals: a fraction with another denominator cannot be written exactly.
    const text = cost.d === 1n ? cost.n.toString() : decimal(cost.n, cost.d);
    const cells: Record<string, string> = { project_id: p.id, cost: text, votes: String(votes.get(p.id) ?? 0), name: p.name ?? '' };
    if (usesPoints) cells['score'] = String(score.get(p.id) ?? 0);
    // Pabulib marks a plan funded from a reserve beside the budget with 2.
    if (result) cells['selected'] = fromReserve.has(p.id) ? '2' : winners.has(p.id) ? '1' : '0';
    return { line: 0, cells };
  });
  return {
    meta: m,
    metaLines: {},
    projectColumns,
    projects,
    voteColumns: ['voter_id', 'vote', ...(usesPoints ? ['points'] : [])],
    votes: voteRows,
  };
}

function decimal(n: bigint, d: bigint): string {
  let k = 0;
  let scale = 1n;
  while ((n * scale) % d !== 0n) {
    if (++k > 30) throw new RangeError(`cost ${n}/${d} has no exact decimal form`);
    scale *= 10n;
  }
  const v = (n * scale) / d;
  const neg = v < 0n;
  const s = (neg ? -v : v).toString().padStart(k + 1, '0');
  return `${neg ? '-' : ''}${s.slice(0, s.length - k)}.${s.slice(s.length - k)}`;
}
