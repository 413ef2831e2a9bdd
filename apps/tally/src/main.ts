import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PabulibError, readPabulib, RULES, tally, TallyInputError, type RuleName, type TallyResult, type TieBreakKey } from '@lib/tally';

const USAGE = `usage: npm run --silent tally -- FILE.pb [--rule RULE] [--stop-when-exhaustive] [--json]
  --rule RULE               ${RULES.join(', ')} (default: the file's META rule)
  --stop-when-exhaustive    add1 stops at the first exhaustive outcome (default: run until overshoot, as the Pabulib checker)
  --start floor|exact       add1 starts at floor(B/n) (default) or exactly B/n
  --seed TEXT               published lot seed; ties after lowest cost and most votes are then drawn by lot
  --tie-break KEYS          comma list of lowest-cost, most-votes, lot, input-order, project-id
  --groups                  include each voter group's Equal Shares payments (JSON)
  --json                    print one JSON object`;

/** Exit codes: 1 malformed input, 2 usage error. */
function fail(code: number, message: string): never {
  process.stderr.write(`tally: ${message}\n`);
  process.exit(code);
}

function main(argv: string[]): void {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        rule: { type: 'string' },
        'stop-when-exhaustive': { type: 'boolean', default: false },
        start: { type: 'string', default: 'floor' },
        seed: { type: 'string' },
        'tie-break': { type: 'string' },
        groups: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    fail(2, `${(e as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = args;
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  if (positionals.length !== 1) fail(2, `expected one .pb file\n${USAGE}`);
  const path = positionals[0]!;
  if (values.rule !== undefined && !RULES.includes(values.rule as RuleName)) {
    fail(2, `unknown rule "${values.rule}" (known: ${RULES.join(', ')})`);
  }
  if (values.start !== 'floor' && values.start !== 'exact') fail(2, `--start must be floor or exact`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    fail(1, `cannot read ${path}: ${(e as Error).message}`);
  }
  let parsed;
  try {
    parsed = readPabulib(text);
  } catch (e) {
    if (e instanceof PabulibError) fail(1, `${path}: line ${e.line}: ${e.reason}`);
    throw e;
  }
  const rule = (values.rule ?? parsed.declaredRule) as RuleName;
  if (!RULES.includes(rule)) fail(2, `the file declares rule "${parsed.declaredRule}", which is not supported; pass --rule`);
  const order: TieBreakKey[] = values['tie-break']
    ? (values['tie-break'].split(',').map((k) => k.trim()) as TieBreakKey[])
    : ['lowest-cost', 'most-votes', values.seed !== undefined ? 'lot' : 'input-order'];
  const known: TieBreakKey[] = ['lowest-cost', 'most-votes', 'lot', 'input-order', 'project-id'];
  for (const k of order) if (!known.includes(k)) fail(2, `unknown tie-break key "${k}"`);
  let result: TallyResult;
  try {
    result = tally({
      ...parsed.election,
      rule,
      add1: { stopWhenExhaustive: values['stop-when-exhaustive'], start: values.start },
      tieBreak: { order, ...(values.seed !== undefined ? { seed: values.seed } : {}) },
      explainGroups: values.groups,
    });
  } catch (e) {
    if (e instanceof TallyInputError) fail(1, `${path}: ${e.message}`);
    throw e;
  }
  const selectedInFile = parsed.selectedInFile;
  const matchesFile = selectedInFile ? sameSet(selectedInFile, result.winners) : undefined;
  if (values.json) {
    process.stdout.write(JSON.stringify({ file: path, ...result, ...(selectedInFile ? { selectedInFile, matchesFile } : {}) }) + '\n');
    return;
  }
  process.stdout.write(table(path, parsed.election.currency, result, matchesFile) + '\n');
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const s = new Set(a);
  return a.length === b.length && b.every((x) => s.has(x));
}

function table(path: string, currency: string | undefined, r: TallyResult, matchesFile: boolean | undefined): string {
  const money = (x: string): string => `${x}${currency ? ' ' + currency : ''}`;
  const rows = [...r.projects].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.votes - a.votes);
  const head = ['#', 'project', 'votes', 'score', 'cost', 'funded', 'why'];
  const body = rows.map((p) => [p.rank?.toString() ?? '', p.id, String(p.votes), String(p.score), p.cost, p.selected ? 'yes' : 'no', p.reason.text]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => (i === 6 ? 0 : row[i]!.length))));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 6 ? c : i === 1 || i === 5 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = [
    `${path}`,
    `rule ${r.rule}; budget ${money(r.budget)}; funded ${r.winners.length} plans for ${money(r.cost)}; left over ${money(r.leftover)}`,
    '',
    line(head),
    ...body.map(line),
    '',
    `voters ${r.fairness.voters}; with at least one funded plan ${r.fairness.votersWithFundedPlan} (${r.fairness.shareWithFundedPlan}); funded plans per voter ${r.fairness.averageFundedPlansPerVoter}`,
  ];
  for (const pot of r.pots) {
    if (pot.finalPerVoter) out.push(`${pot.pot}: Equal Shares per-voter budget ${pot.finalPerVoter} after ${pot.runs} run(s)`);
    if (pot.comparison) out.push(`${pot.pot}: comparison step ${pot.comparison.preferMes} prefer Equal Shares, ${pot.comparison.preferGreedy} prefer greedy: ${pot.comparison.chosen} kept`);
  }
  for (const t of r.tieBreaks) out.push(`tie (${t.pot}, ${t.step}): ${t.contenders.join(', ')} -> ${t.chosen}, decided by ${t.decidedBy}`);
  if (matchesFile !== undefined) out.push(`the file's selected column ${matchesFile ? 'is reproduced' : 'is NOT reproduced'}`);
  return out.join('\n');
}

main(process.argv.slice(2));
