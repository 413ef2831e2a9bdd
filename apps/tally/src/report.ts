import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PabulibError, readPabulib, tally, TallyInputError, type Election, type PabulibElection, type PabulibWarning, type RuleName, type TallyResult } from '@lib/tally';

/** Everything of an election a count takes besides the file itself: rule override, completion, tie-break. */
export type CountOptions = Pick<Election, 'add1' | 'tieBreak' | 'explainGroups'> & {
  rule?: RuleName;
  reserve?: Election['reserve'];
};

/** How one file was counted: the rule, whether the official outcome came out, what was inconsistent. */
export interface FileReport {
  file: string;
  /** The rule counted with (absent when the file was refused before counting). */
  rule?: RuleName;
  declaredRule?: string;
  voters?: number;
  /** `none`: the file has no `selected` column; `refused`: the file could not be counted (see `error`). */
  official: 'reproduced' | 'not-reproduced' | 'none' | 'refused';
  /** When not reproduced: funded officially but not by the count, and the other way round. */
  missing?: string[];
  extra?: string[];
  warnings: PabulibWarning[];
  error?: string;
  seconds: number;
}

/** Totals of a folder report. */
export interface FolderSummary {
  files: number;
  reproduced: number;
  notReproduced: number;
  noSelectedColumn: number;
  refused: number;
  warnings: number;
}

/** Progress of a long run; `start` comes once the run has lasted `longRunMs`. */
export interface ProgressSink {
  start(total: number, done: number): void;
  update(done: number, file: string): void;
  stop(): void;
}

/** The outcome of counting one parsed file, and whether it is the file's official one. */
export interface FileCount {
  result: TallyResult;
  /** Absent when the file has no `selected` column. */
  matchesFile?: boolean;
  missing: string[];
  extra: string[];
}

/** Plans funded from a reserve, over all pots. */
const reservePlans = (r: TallyResult): string[] => r.pots.flatMap((p) => (p.reserve?.plan !== undefined ? [p.reserve.plan] : []));

/** Counts a parsed file with its own rule (or the one given) and compares it with its `selected` column. */
export function countFile(parsed: PabulibElection, options: CountOptions): FileCount {
  const rule = options.rule ?? parsed.election.rule;
  const reserve = options.reserve ?? parsed.election.reserve;
  const election: Election = { ...parsed.election, rule, add1: options.add1, tieBreak: options.tieBreak, explainGroups: options.explainGroups };
  if (reserve) election.reserve = reserve;
  const result = tally(election);
  const official = parsed.selectedInFile;
  if (!official) return { result, missing: [], extra: [] };
  const won = new Set(result.winners);
  const want = new Set(official);
  const missing = official.filter((id) => !won.has(id));
  const extra = result.winners.filter((id) => !want.has(id));
  // A plan the file marks as funded from the reserve must be the one the count tops up, and vice versa.
  const reserveOk = sameSet(parsed.reserveInFile ?? [], reservePlans(result));
  return { result, matchesFile: missing.length === 0 && extra.length === 0 && reserveOk, missing, extra };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const s = new Set(a);
  return a.length === b.length && b.every((x) => s.has(x));
}

/** The message a refused file gets: its line and reason, or why its rule cannot be counted. */
export function refusal(e: unknown): string | undefined {
  if (e instanceof PabulibError) return `line ${e.line}: ${e.reason}`;
  if (e instanceof TallyInputError) return e.message;
  return undefined;
}

/**
 * Counts every `.pb` file of a folder (sorted by name) with its declared rule, tolerantly unless
 * strict, and reports per file the rule, whether the official `selected` outcome is reproduced,
 * and the warnings. A file that cannot be read or whose rule is unknown is reported as refused.
 */
export function reportFolder(
  dir: string,
  options: CountOptions & { strict: boolean; progress?: ProgressSink; longRunMs?: number; now?: () => number },
): { files: FileReport[]; summary: FolderSummary } {
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.pb'))
    .sort();
  const now = options.now ?? (() => performance.now());
  const began = now();
  let shown = false;
  const files: FileReport[] = [];
  names.forEach((name, i) => {
    if (options.progress) {
      if (!shown && now() - began >= (options.longRunMs ?? 1000)) {
        options.progress.start(names.length, i);
        shown = true;
      }
      if (shown) options.progress.update(i, name);
    }
    files.push(reportFile(join(dir, name), name, options));
  });
  if (shown) {
    options.progress!.update(names.length, '');
    options.progress!.stop();
  }
  const count = (o: FileReport['official']): number => files.filter((f) => f.official === o).length;
  return {
    files,
    summary: {
      files: files.length,
      reproduced: count('reproduced'),
      notReproduced: count('not-reproduced'),
      noSelectedColumn: count('none'),
      refused: count('refused'),
      warnings: files.reduce((n, f) => n + f.warnings.length, 0),
    },
  };
}

function reportFile(path: string, name: string, options: CountOptions & { strict: boolean; now?: () => number }): FileReport {
  const now = options.now ?? (() => performance.now());
  const t = now();
  const seconds = (): number => Math.round(now() - t) / 1000;
  let parsed: PabulibElection;
  try {
    parsed = readPabulib(readFileSync(path, 'utf8'), { tolerant: !options.strict });
  } catch (e) {
    const why = refusal(e) ?? ((e as NodeJS.ErrnoException).code !== undefined ? `cannot read: ${(e as Error).message}` : undefined);
    if (why === undefined) throw e;
    return { file: name, official: 'refused', warnings: [], error: why, seconds: seconds() };
  }
  const base = { file: name, declaredRule: parsed.declaredRule, voters: parsed.election.ballots.length, warnings: parsed.warnings };
  if (options.rule === undefined && parsed.unsupportedRule) return { ...base, official: 'refused', error: parsed.unsupportedRule, seconds: seconds() };
  try {
    const { result, matchesFile, missing, extra } = countFile(parsed, options);
    const official = matchesFile === undefined ? 'none' : matchesFile ? 'reproduced' : 'not-reproduced';
    return { ...base, rule: result.rule, official, ...(matchesFile === false ? { missing, extra } : {}), seconds: seconds() };
  } catch (e) {
    const why = refusal(e);
    if (why === undefined) throw e;
    return { ...base, official: 'refused', error: why, seconds: seconds() };
  }
}

/** The folder report as a table, each file's warnings and refusal under its row, and the totals. */
export function folderTable(report: { files: FileReport[]; summary: FolderSummary }): string {
  const head = ['file', 'rule', 'voters', 'official outcome', 'warnings', 's'];
  const body = report.files.map((f) => [
    f.file,
    f.rule ?? f.declaredRule ?? '',
    f.voters === undefined ? '' : String(f.voters),
    { reproduced: 'reproduced', 'not-reproduced': 'NOT reproduced', none: 'no selected column', refused: 'refused' }[f.official],
    String(f.warnings.length),
    f.seconds.toFixed(3),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 2 || i >= 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const out = [line(head)];
  report.files.forEach((f, k) => {
    out.push(line(body[k]!));
    if (f.error) out.push(`    refused: ${f.error}`);
    if (f.missing?.length) out.push(`    funded officially, not by the count: ${f.missing.join(', ')}`);
    if (f.extra?.length) out.push(`    funded by the count, not officially: ${f.extra.join(', ')}`);
    for (const w of f.warnings) out.push(`    line ${w.line}: ${w.message}`);
  });
  const s = report.summary;
  out.push(
    '',
    `${s.files} files: ${s.reproduced} reproduce their official outcome, ${s.notReproduced} do not, ${s.noSelectedColumn} have no selected column, ${s.refused} refused; ${s.warnings} warnings`,
  );
  return out.join('\n');
}
