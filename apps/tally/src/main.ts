import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { readPabulib, RULES, type PabulibElection, type RuleName, type TallyResult, type TieBreakKey } from '@lib/tally';
import { countFile, folderTable, refusal, reportFolder, type CountOptions, type ProgressSink } from './report.js';

const USAGE = `usage: npm run --silent tally -- FILE.pb [options]
       npm run --silent tally -- --all DIR [options]
  --all DIR                 report over every .pb file in DIR: per file the rule, whether the official
                            selected outcome is reproduced, and the warnings (progress bar on long runs)
  --strict                  refuse a file with any inconsistency (default: count it from its votes and
                            report each inconsistency as a warning with its line)
  --rule RULE               ${RULES.join(', ')} (default: the file's META rule)
  --reserve-percent P       greedy-reserve: share of a plan's cost that must be left (default: the city's, e.g. Poznań 80)
  --reserve-amount X        greedy-reserve: money in the reserve (default: unlimited)
  --stop-when-exhaustive    add1 stops at the first exhaustive outcome (default: run until overshoot, as the Pabulib checker)
  --start floor|exact       add1 starts at floor(B/n) (default) or exactly B/n
  --seed TEXT               published lot seed; ties after lowest cost and most votes are then drawn by lot
  --tie-break KEYS          comma list of lowest-cost, most-votes, lot, input-order, project-id
  --groups                  include each voter group's Equal Shares payments (JSON)
  --json                    print one JSON object`;

/** Exit codes: 1 malformed or refused input, 2 usage error, 3 a folder report in which a file is not reproduced or refused. */
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
        all: { type: 'string' },
        strict: { type: 'boolean', default: false },
        rule: { type: 'string' },
        'reserve-percent': { type: 'string' },
        'reserve-amount': { type: 'string' },
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
  if (values.all !== undefined ? positionals.length !== 0 : positionals.length !== 1) fail(2, `expected one .pb file, or --all DIR\n${USAGE}`);
  if (values.rule !== undefined && !RULES.includes(values.rule as RuleName)) {
    fail(2, `unknown rule "${values.rule}" (known: ${RULES.join(', ')})`);
  }
  if (values.start !== 'floor' && values.start !== 'exact') fail(2, `--start must be floor or exact`);
  const order: TieBreakKey[] = values['tie-break']
    ? (values['tie-break'].split(',').map((k) => k.trim()) as TieBreakKey[])
    : ['lowest-cost', 'most-votes', values.seed !== undefined ? 'lot' : 'input-order'];
  const known: TieBreakKey[] = ['lowest-cost', 'most-votes', 'lot', 'input-order', 'project-id'];
  for (const k of order) if (!known.includes(k)) fail(2, `unknown tie-break key "${k}"`);
  const options: CountOptions = {
    add1: { stopWhenExhaustive: values['stop-when-exhaustive'], start: values.start },
    tieBreak: { order, ...(values.seed !== undefined ? { seed: values.seed } : {}) },
    explainGroups: values.groups,
    ...(values.rule !== undefined ? { rule: values.rule as RuleName } : {}),
  };
  const percent = values['reserve-percent'];
  const amount = values['reserve-amount'];
  if (percent !== undefined || amount !== undefined) {
    const p = Number(percent ?? '80');
    if (!Number.isFinite(p) || p <= 0 || p > 100) fail(2, '--reserve-percent must be above 0 and at most 100');
    if (amount !== undefined && !/^\d+$/.test(amount)) fail(2, '--reserve-amount must be a whole amount');
    options.reserve = { percent: p, ...(amount !== undefined ? { amount: BigInt(amount) } : {}) };
  }
  if (values.rule === 'greedy-reserve' && options.reserve === undefined) options.reserve = { percent: 80 };

  if (values.all !== undefined) {
    folder(values.all, options, values.strict, values.json);
    return;
  }
  single(positionals[0]!, options, values.strict, values.json);
}

function single(path: string, options: CountOptions, strict: boolean, json: boolean): void {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    fail(1, `cannot read ${path}: ${(e as Error).message}`);
  }
  let parsed: PabulibElection;
  try {
    parsed = readPabulib(text, { tolerant: !strict });
  } catch (e) {
    const why = refusal(e);
    if (why !== undefined) fail(1, `${path}: ${why}`);
    throw e;
  }
  for (const w of parsed.warnings) process.stderr.write(`tally: ${path}: line ${w.line}: warning: ${w.message}\n`);
  if (options.rule === undefined && parsed.unsupportedRule) fail(2, `${path}: ${parsed.unsupportedRule}; pass --rule`);
  let count;
  try {
    count = countFile(parsed, options);
  } catch (e) {
    const why = refusal(e);
    if (why !== undefined) fail(1, `${path}: ${why}`);
    throw e;
  }
  const { result, matchesFile } = count;
  const selectedInFile = parsed.selectedInFile;
  if (json) {
    const fileFacts = {
      ...(selectedInFile ? { selectedInFile, matchesFile } : {}),
      ...(parsed.reserveInFile ? { reserveInFile: parsed.reserveInFile } : {}),
      ...(parsed.customRule ? { customRule: parsed.customRule } : {}),
      warnings: parsed.warnings,
    };
    process.stdout.write(JSON.stringify({ file: path, ...result, ...fileFacts }) + '\n');
    return;
  }
  process.stdout.write(table(path, parsed, result, matchesFile) + '\n');
}

function folder(dir: string, options: CountOptions, strict: boolean, json: boolean): void {
  // A bar on stderr, only on a terminal (cli-progress draws nothing otherwise), once the run lasts a second.
  const bar = new SingleBar({ format: 'tally [{bar}] {value}/{total} files {file}', stream: process.stderr, hideCursor: true, clearOnComplete: true });
  const progress: ProgressSink = {
    start: (total, done) => bar.start(total, done, { file: '' }),
    update: (done, file) => bar.update(done, { file: basename(file) }),
    stop: () => bar.stop(),
  };
  let report;
  try {
    report = reportFolder(dir, { ...options, strict, progress });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== undefined) fail(1, `cannot read ${dir}: ${(e as Error).message}`);
    throw e;
  }
  process.stdout.write((json ? JSON.stringify({ dir, ...report }) : folderTable(report)) + '\n');
  if (report.summary.notReproduced > 0 || report.summary.refused > 0) process.exitCode = 3;
}

function table(path: string, parsed: PabulibElection, r: TallyResult, matchesFile: boolean | undefined): string {
  const currency = parsed.election.currency;
  const money = (x: string): string => `${x}${currency ? ' ' + currency : ''}`;
  const rows = [...r.projects].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.votes - a.votes);
  const head = ['#', 'project', 'votes', 'score', 'cost', 'funded', 'why'];
  const body = rows.map((p) => [p.rank?.toString() ?? '', p.id, String(p.votes), String(p.score), p.cost, p.selected ? 'yes' : 'no', p.reason.text]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => (i === 6 ? 0 : row[i]!.length))));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 6 ? c : i === 1 || i === 5 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const reserve = r.reserveUsed !== undefined ? `; from the reserve ${money(r.reserveUsed)}` : '';
  const out = [
    `${path}`,
    ...(parsed.customRule ? [`the file declares greedy-custom; its unit's rule is ${parsed.customRule}`] : []),
    `rule ${r.rule}; budget ${money(r.budget)}; funded ${r.winners.length} plans for ${money(r.cost)}${reserve}; left over ${money(r.leftover)}`,
    '',
    line(head),
    ...body.map(line),
    '',
    `voters ${r.fairness.voters}; with at least one funded plan ${r.fairness.votersWithFundedPlan} (${r.fairness.shareWithFundedPlan}); funded plans per voter ${r.fairness.averageFundedPlansPerVoter}`,
  ];
  for (const pot of r.pots) {
    out.push(`${pot.pot}: unspent ${money(pot.unspent.amount)}: ${pot.unspent.text}`);
    if (pot.reserve) out.push(`${pot.pot}: reserve top-up at ${pot.reserve.percent}%: ${money(pot.reserve.used)} paid from the reserve${pot.reserve.plan ? ` for "${pot.reserve.plan}"` : ''}`);
    if (pot.finalPerVoter) out.push(`${pot.pot}: Equal Shares per-voter budget ${pot.finalPerVoter} after ${pot.runs} run(s)`);
    if (pot.comparison) out.push(`${pot.pot}: comparison step ${pot.comparison.preferMes} prefer Equal Shares, ${pot.comparison.preferGreedy} prefer greedy: ${pot.comparison.chosen} kept`);
  }
  for (const t of r.tieBreaks) out.push(`tie (${t.pot}, ${t.step}): ${t.contenders.join(', ')} -> ${t.chosen}, decided by ${t.decidedBy}`);
  if (matchesFile !== undefined) out.push(`the file's selected column ${matchesFile ? 'is reproduced' : 'is NOT reproduced'}`);
  return out.join('\n');
}

main(process.argv.slice(2));
