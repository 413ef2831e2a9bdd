import { parseRational, type Rational } from '../rational.js';
import { ballotPoints, TallyInputError, type PreparedProject } from '../profile.js';
import { RULES } from '../tally.js';
import type { Ballot, BallotConstraints, Election, ProjectInput, RuleName } from '../types.js';

/** A malformed Pabulib file: `line` is 1-based. */
export class PabulibError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'PabulibError';
  }
}

/** One data row with the line it started on. */
export interface PabulibRow {
  line: number;
  cells: Record<string, string>;
}

/** A parsed Pabulib file, kept close to the text so it can be written back. */
export interface PabulibFile {
  meta: Record<string, string>;
  metaLines: Record<string, number>;
  projectColumns: string[];
  projects: PabulibRow[];
  voteColumns: string[];
  votes: PabulibRow[];
  /** Line of each section's header row, when read from text. */
  headerLines?: { PROJECTS?: number; VOTES?: number };
}

/** CSV records separated by ';', quoted with '"' (doubled inside); CRLF or LF; final newline optional. */
function* records(text: string): Generator<{ line: number; cells: string[] }> {
  let line = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    let wasQuoted = false;
    for (; i < n; i++) {
      const ch = text[i]!;
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i++;
          } else quoted = false;
        } else {
          if (ch === '\n') line++;
          cell += ch;
        }
      } else if (ch === '"' && cell === '' && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (ch === ';') {
        cells.push(cell);
        cell = '';
        wasQuoted = false;
      } else if (ch === '\r' && text[i + 1] === '\n') {
        continue;
      } else if (ch === '\n') {
        i++;
        break;
      } else {
        cell += ch;
      }
    }
    if (quoted) throw new PabulibError(start, 'unterminated quoted field');
    cells.push(cell);
    line++;
    if (cells.length === 1 && cells[0]!.trim() === '') continue;
    yield { line: start, cells };
  }
}

/** Parses the three sections of a Pabulib file; checks structure only. */
export function parsePabulib(text: string): PabulibFile {
  const file: PabulibFile = { meta: {}, metaLines: {}, projectColumns: [], projects: [], voteColumns: [], votes: [] };
  let section: 'META' | 'PROJECTS' | 'VOTES' | undefined;
  let header: string[] | undefined;
  const seen = new Set<string>();
  for (const rec of records(text)) {
    const title = rec.cells.length === 1 ? rec.cells[0]!.trim() : '';
    if (title === 'META' || title === 'PROJECTS' || title === 'VOTES') {
      if (seen.has(title)) throw new PabulibError(rec.line, `section ${title} appears twice`);
      seen.add(title);
      section = title;
      header = undefined;
      continue;
    }
    if (!section) throw new PabulibError(rec.line, 'data before the first section title (META, PROJECTS or VOTES)');
    if (!header) {
      header = rec.cells.map((c) => c.trim());
      if (section !== 'META') (file.headerLines ??= {})[section] = rec.line;
      if (section === 'PROJECTS') file.projectColumns = header;
      if (section === 'VOTES') file.voteColumns = header;
      const required = section === 'META' ? ['key', 'value'] : section === 'PROJECTS' ? ['project_id', 'cost'] : ['voter_id', 'vote'];
      for (const col of required) if (!header.includes(col)) throw new PabulibError(rec.line, `${section} header lacks column "${col}"`);
      continue;
    }
    if (section === 'META') {
      if (rec.cells.length < 2) throw new PabulibError(rec.line, 'META row needs key;value');
      const key = rec.cells[0]!.trim();
      file.meta[key] = rec.cells.slice(1).join(';').trim();
      file.metaLines[key] = rec.line;
      continue;
    }
    if (rec.cells.length !== header.length) {
      throw new PabulibError(rec.line, `${rec.cells.length} fields, the ${section} header has ${header.length}`);
    }
    const cells: Record<string, string> = {};
    header.forEach((h, k) => (cells[h] = rec.cells[k]!.trim()));
    (section === 'PROJECTS' ? file.projects : file.votes).push({ line: rec.line, cells });
  }
  for (const s of ['META', 'PROJECTS', 'VOTES']) if (!seen.has(s)) throw new PabulibError(1, `section ${s} is missing`);
  return file;
}

/** What a tolerant read found inconsistent in a file; `line` is 1-based. */
export interface PabulibWarning {
  line: number;
  code: PabulibWarningCode;
  message: string;
}

/**
 * Classes of inconsistency a real file may carry: a stated count (a project's `votes` or `score`,
 * META `num_votes` or `num_projects`) that differs from the votes; a project listed twice in one
 * vote; a column the format does not define; a vote breaking the file's own ballot constraints.
 */
export type PabulibWarningCode = 'stated-count' | 'listed-twice' | 'unknown-column' | 'breaks-constraints';

/** How to read a file. */
export interface ReadOptions {
  /**
   * Count inconsistent files from their votes and report what was inconsistent as warnings
   * (default false: refuse them with PabulibError, as a strict checker does).
   */
  tolerant?: boolean;
}

/** A city rule that a file names `greedy-custom`, known by the file's `unit`. */
interface CustomRule {
  rule: RuleName;
  reserve?: { percent: number };
  text: string;
}

/**
 * Units whose `greedy-custom` rule is known. Poznań (its files' `comment`): greedy by votes until the
 * next plan does not fit; that plan is then funded from a reserve if what is left covers at least
 * 80% of its cost (marked `selected` 2).
 */
const CUSTOM_RULES: Readonly<Record<string, CustomRule>> = {
  'Poznań': { rule: 'greedy-reserve', reserve: { percent: 80 }, text: 'greedy without skipping, the next plan topped up from the reserve when 80% of its cost is left' },
};

/** Columns the Pabulib format defines, and those real files carry beside them. */
const PROJECT_COLUMNS = new Set(['project_id', 'cost', 'votes', 'score', 'name', 'category', 'target', 'selected', 'latitude', 'longitude', 'description', 'beneficiaries', 'district', 'area', 'subunit']);
const VOTE_COLUMNS = new Set(['voter_id', 'vote', 'points', 'age', 'sex', 'voting_method', 'neighborhood', 'education', 'district', 'area', 'subunit']);

/** Election read from a Pabulib file, with the file's own facts. */
export interface PabulibElection {
  election: Election;
  file: PabulibFile;
  /** Projects marked `selected` 1 (or 2: funded from a reserve) in the file, when it has the column. */
  selectedInFile?: string[];
  /** Projects marked `selected` 2: funded from a reserve beside the budget. */
  reserveInFile?: string[];
  voteType: string;
  /** The rule named in META, as written (may be one the library does not know). */
  declaredRule: string;
  /** When the file's rule cannot be counted: why (the rule is named). `election.rule` is then greedy. */
  unsupportedRule?: string;
  /** For `greedy-custom`: the unit's known rule that `election.rule` counts with. */
  customRule?: string;
  /** Inconsistencies a tolerant read counted past (always empty when strict). */
  warnings: PabulibWarning[];
}

const list = (s: string | undefined): string[] => (s === undefined || s === '' ? [] : s.split(',').map((x) => x.trim()));

function metaNumber(file: PabulibFile, key: string): number | undefined {
  const v = file.meta[key];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new PabulibError(file.metaLines[key]!, `META ${key} is not a number: "${v}"`);
  return n;
}

function metaMoney(file: PabulibFile, key: string): Rational | undefined {
  const v = file.meta[key];
  if (v === undefined || v === '') return undefined;
  try {
    return parseRational(v);
  } catch {
    throw new PabulibError(file.metaLines[key]!, `META ${key} is not an amount: "${v}"`);
  }
}

const NONE: readonly string[] = [];

/** Whether a vote lists a project twice; votes are short, so pairwise below 16 entries. */
function hasRepeat(ids: readonly string[]): boolean {
  if (ids.length > 16) return new Set(ids).size !== ids.length;
  for (let i = 1; i < ids.length; i++) for (let j = 0; j < i; j++) if (ids[i] === ids[j]) return true;
  return false;
}

/** Drops repeated projects from one vote: approval once, ordinal at its best rank, points added up. */
function withoutRepeats(voteType: string, ids: string[], pts: number[]): { ids: string[]; pts: number[]; repeated: readonly string[] } {
  if (!hasRepeat(ids)) return { ids, pts, repeated: NONE };
  const seen = new Map<string, number>();
  const outIds: string[] = [];
  const outPts: number[] = [];
  const repeated: string[] = [];
  ids.forEach((id, k) => {
    const at = seen.get(id);
    if (at === undefined) {
      seen.set(id, outIds.length);
      outIds.push(id);
      if (pts.length > 0) outPts.push(pts[k]!);
      return;
    }
    if (!repeated.includes(id)) repeated.push(id);
    if ((voteType === 'cumulative' || voteType === 'scoring') && pts.length > 0) outPts[at]! += pts[k]!;
  });
  return { ids: outIds, pts: outPts, repeated };
}

/** Reports an inconsistency: refused when strict, a warning with what the count did about it when tolerant. */
type Warn = (line: number, code: PabulibWarningCode, message: string, counted: string) => void;

/**
 * Reads a Pabulib file and checks it: counts, ids, and every ballot against the file's own
 * constraints. Strict (default): any inconsistency is a PabulibError. Tolerant: inconsistencies
 * become warnings with their line and the file is counted from its votes (a repeated project
 * once; a vote breaking the constraints left out, as an invalid ballot).
 */
export function readPabulib(text: string, options: ReadOptions = {}): PabulibElection {
  const file = parsePabulib(text);
  const warnings: PabulibWarning[] = [];
  const warn: Warn = (line, code, message, counted) => {
    if (!options.tolerant) throw new PabulibError(line, message);
    warnings.push({ line, code, message: `${message} (${counted})` });
  };
  const voteType = file.meta['vote_type'] ?? 'approval';
  if (!['approval', 'choose-1', 'cumulative', 'ordinal', 'scoring'].includes(voteType)) {
    throw new PabulibError(file.metaLines['vote_type'] ?? 1, `unknown vote_type "${voteType}"`);
  }
  const budget = metaMoney(file, 'budget');
  if (budget === undefined) throw new PabulibError(1, 'META lacks budget');
  checkColumns(file, warn);
  const { projects, prepared } = readProjects(file, warn);
  const constraints = readConstraints(file);
  const { ballots, votes, score } = readVotes(file, voteType, prepared, constraints, warn, (warning) => {
    if (!options.tolerant) throw new PabulibError(warning.line, warning.refusal);
    warnings.push({ line: warning.line, code: 'breaks-constraints', message: warning.message });
  });
  checkStatedCounts(file, votes, score, warn);

  const { metaRule, rule, custom, unsupportedRule } = ruleOf(file);
  const election: Election = { budget: budget.d === 1n ? budget.n : budget, projects, ballots, rule, constraints };
  if (custom?.reserve) election.reserve = { ...custom.reserve };
  else if (rule === 'greedy-reserve') {
    // Not a Pabulib rule name: the library's own files (written by pabulibFromElection) say the terms in META.
    const percent = metaNumber(file, 'reserve_percent');
    const amount = metaMoney(file, 'reserve_amount');
    if (percent !== undefined) election.reserve = { percent, ...(amount !== undefined ? { amount: amount.d === 1n ? amount.n : amount } : {}) };
  }
  const threshold = metaNumber(file, 'min_project_score_threshold');
  if (threshold !== undefined) election.threshold = threshold;
  if (file.meta['currency']) election.currency = file.meta['currency'];
  const hasSelected = file.projectColumns.includes('selected');
  const marked = (v: string): string[] => file.projects.filter((r) => r.cells['selected'] === v).map((r) => r.cells['project_id']!);
  const reserveInFile = hasSelected ? marked('2') : [];
  return {
    election,
    file,
    voteType,
    declaredRule: metaRule,
    ...(unsupportedRule ? { unsupportedRule } : {}),
    ...(custom ? { customRule: `${custom.rule} (${custom.text})` } : {}),
    ...(hasSelected ? { selectedInFile: file.projects.filter((r) => r.cells['selected'] === '1' || r.cells['selected'] === '2').map((r) => r.cells['project_id']!) } : {}),
    ...(reserveInFile.length > 0 ? { reserveInFile } : {}),
    warnings,
  };
}

/** Columns the format does not define are ignored, with a warning. */
function checkColumns(file: PabulibFile, warn: Warn): void {
  const headerLine = (section: 'PROJECTS' | 'VOTES'): number => file.headerLines?.[section] ?? 1;
  for (const c of file.projectColumns) if (!PROJECT_COLUMNS.has(c)) warn(headerLine('PROJECTS'), 'unknown-column', `PROJECTS has a column the format does not define: "${c}"`, 'ignored');
  for (const c of file.voteColumns) if (!VOTE_COLUMNS.has(c)) warn(headerLine('VOTES'), 'unknown-column', `VOTES has a column the format does not define: "${c}"`, 'ignored');
}

/** The PROJECTS section: ids unique and non-empty, costs above 0; a `num_projects` that differs is warned about. */
function readProjects(file: PabulibFile, warn: Warn): { projects: ProjectInput[]; prepared: Map<string, PreparedProject> } {
  const projects: ProjectInput[] = [];
  const prepared = new Map<string, PreparedProject>();
  for (const row of file.projects) {
    const id = row.cells['project_id']!;
    if (id === '') throw new PabulibError(row.line, 'empty project_id');
    if (prepared.has(id)) throw new PabulibError(row.line, `duplicate project "${id}"`);
    let cost: Rational;
    try {
      cost = parseRational(row.cells['cost']!);
    } catch {
      throw new PabulibError(row.line, `cost of "${id}" is not an amount: "${row.cells['cost']}"`);
    }
    if (cost.n <= 0n) throw new PabulibError(row.line, `cost of "${id}" must be above 0`);
    const p: ProjectInput = { id, cost: cost.d === 1n ? cost.n : cost };
    const name = row.cells['name'];
    if (name) p.name = name;
    const area = row.cells['district'] || row.cells['area'];
    if (area) p.area = area;
    const theme = list(row.cells['category'])[0];
    if (theme) p.theme = theme;
    projects.push(p);
    prepared.set(id, { index: prepared.size, id, cost, costF: 0, infeasible: false });
  }
  const numProjects = metaNumber(file, 'num_projects');
  if (numProjects !== undefined && numProjects !== projects.length) {
    warn(file.metaLines['num_projects']!, 'stated-count', `num_projects is ${numProjects} but PROJECTS lists ${projects.length}`, 'counted from PROJECTS');
  }
  return { projects, prepared };
}

/** The ballot constraints META declares (lengths, points, total cost). */
function readConstraints(file: PabulibFile): BallotConstraints {
  const constraints: BallotConstraints = {};
  const setNum = (k: keyof BallotConstraints, key: string): void => {
    const v = metaNumber(file, key);
    if (v !== undefined) (constraints as Record<string, unknown>)[k] = v;
  };
  setNum('minLength', 'min_length');
  setNum('maxLength', 'max_length');
  setNum('minPoints', 'min_points');
  setNum('maxPoints', 'max_points');
  setNum('minSumPoints', 'min_sum_points');
  setNum('maxSumPoints', 'max_sum_points');
  const minSumCost = metaMoney(file, 'min_sum_cost');
  const maxSumCost = metaMoney(file, 'max_sum_cost');
  if (minSumCost) constraints.minSumCost = minSumCost;
  if (maxSumCost) constraints.maxSumCost = maxSumCost;
  return constraints;
}

/** A vote that breaks the file's ballot rules: its line, the refusal (strict) and the warning (tolerant). */
interface InvalidVote {
  line: number;
  refusal: string;
  message: string;
}

/** The VOTES section: one ballot per voter, checked against the constraints, with the votes and score each project gets. */
function readVotes(
  file: PabulibFile,
  voteType: string,
  prepared: Map<string, PreparedProject>,
  constraints: BallotConstraints,
  warn: Warn,
  invalid: (vote: InvalidVote) => void,
): { ballots: Ballot[]; votes: Map<string, number>; score: Map<string, number> } {
  const ballots: Ballot[] = [];
  const voters = new Set<string>();
  const votes = new Map<string, number>();
  const score = new Map<string, number>();
  for (const row of file.votes) {
    const voter = row.cells['voter_id']!;
    if (voters.has(voter)) throw new PabulibError(row.line, `duplicate voter "${voter}"`);
    voters.add(voter);
    const { ids, pts } = listedOf(row, voter, voteType, prepared, warn);
    const ballot = ballotOf(voteType, ids, pts);
    let given: Map<string, number>;
    try {
      given = ballotPoints(ballot, ballots.length, prepared, constraints);
    } catch (e) {
      if (!(e instanceof TallyInputError)) throw e;
      const reason = e.message.replace(/^ballot \d+: /, '');
      invalid({ line: row.line, refusal: `vote of "${voter}" breaks the file: ${reason}`, message: `vote of "${voter}" breaks the file's ballot rules: ${reason} (left out as an invalid ballot)` });
      continue;
    }
    for (const [id, v] of given) {
      if (v > 0) votes.set(id, (votes.get(id) ?? 0) + 1);
      score.set(id, (score.get(id) ?? 0) + v);
    }
    ballots.push(ballot);
  }
  return { ballots, votes, score };
}

/** The projects and points one vote lists: known projects, whole points, one per project; a repeat is warned about and merged. */
function listedOf(row: PabulibRow, voter: string, voteType: string, prepared: Map<string, PreparedProject>, warn: Warn): { ids: string[]; pts: number[] } {
  const listed = list(row.cells['vote']);
  for (const id of listed) if (!prepared.has(id)) throw new PabulibError(row.line, `vote of "${voter}" names unknown project "${id}"`);
  const ptsText = list(row.cells['points']);
  const listedPts = ptsText.map((t) => {
    const v = Number(t);
    if (!Number.isSafeInteger(v)) throw new PabulibError(row.line, `points "${t}" are not a whole number`);
    return v;
  });
  if (listedPts.length > 0 && listedPts.length !== listed.length) throw new PabulibError(row.line, `${listed.length} projects but ${listedPts.length} points`);
  if ((voteType === 'cumulative' || voteType === 'scoring') && listedPts.length === 0 && listed.length > 0) throw new PabulibError(row.line, `${voteType} vote without points`);
  const { ids, pts, repeated } = withoutRepeats(voteType, listed, listedPts);
  if (repeated.length > 0) {
    const how = voteType === 'ordinal' ? 'counted at its best rank' : voteType === 'cumulative' || voteType === 'scoring' ? 'its points added up' : 'counted once';
    warn(row.line, 'listed-twice', `vote of "${voter}" lists ${repeated.map((r) => `"${r}"`).join(', ')} more than once`, how);
  }
  return { ids, pts };
}

/** The ballot of one vote, by the file's vote type. */
function ballotOf(voteType: string, ids: string[], pts: number[]): Ballot {
  if (voteType === 'approval' || voteType === 'choose-1') return { type: voteType, choices: ids };
  if (voteType === 'ordinal') return pts.length > 0 ? { type: 'ordinal', ranking: ids, points: pts } : { type: 'ordinal', ranking: ids };
  const points: Record<string, number> = {};
  ids.forEach((id, k) => (points[id] = pts[k]!));
  return { type: voteType as 'cumulative' | 'scoring', points };
}

/** `num_votes` and each project's stated votes and score against what the votes give. */
function checkStatedCounts(file: PabulibFile, votes: Map<string, number>, score: Map<string, number>, warn: Warn): void {
  const numVotes = metaNumber(file, 'num_votes');
  if (numVotes !== undefined && numVotes !== file.votes.length) {
    warn(file.metaLines['num_votes']!, 'stated-count', `num_votes is ${numVotes} but VOTES has ${file.votes.length} rows`, 'counted from VOTES');
  }
  for (const row of file.projects) {
    const id = row.cells['project_id']!;
    for (const [col, counted] of [
      ['votes', votes.get(id) ?? 0],
      ['score', score.get(id) ?? 0],
    ] as const) {
      const stated = row.cells[col];
      if (stated === undefined || stated === '') continue;
      if (Number(stated) !== counted) warn(row.line, 'stated-count', `project "${id}" states ${col} ${stated}, the votes give ${counted}`, 'counted from the votes');
    }
  }
}

/** The rule META declares, a city's `greedy-custom` resolved to its own rule, or why it cannot be counted. */
function ruleOf(file: PabulibFile): { metaRule: string; rule: RuleName; custom: CustomRule | undefined; unsupportedRule: string | undefined } {
  const metaRule = file.meta['rule'] ?? 'greedy';
  const unit = (file.meta['unit'] ?? '').normalize('NFC');
  const custom = metaRule === 'greedy-custom' && Object.hasOwn(CUSTOM_RULES, unit) ? CUSTOM_RULES[unit]! : undefined;
  const known = (RULES as readonly string[]).includes(metaRule);
  const rule: RuleName = custom ? custom.rule : known ? (metaRule as RuleName) : 'greedy';
  const unsupportedRule =
    custom || known
      ? undefined
      : metaRule === 'greedy-custom'
        ? `the file declares rule "greedy-custom" for unit "${unit}", whose own rule is not known (known: ${Object.keys(CUSTOM_RULES).join(', ')})`
        : `the file declares rule "${metaRule}", which is not supported`;
  return { metaRule, rule, custom, unsupportedRule };
}
