import { parseRational, type Rational } from '../rational.js';
import { ballotPoints, TallyInputError, type PreparedProject } from '../profile.js';
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

const RULE_NAMES: readonly string[] = ['greedy', 'greedy-no-skip', 'greedy-threshold', 'equalshares', 'equalshares/add1', 'equalshares/add1u', 'equalshares/add1-comparison', 'phragmen'];

/** Election read from a Pabulib file, with the file's own facts. */
export interface PabulibElection {
  election: Election;
  file: PabulibFile;
  /** Projects marked `selected` = 1 in the file, when it has the column. */
  selectedInFile?: string[];
  voteType: string;
  /** The rule named in META, as written (may be one the library does not know). */
  declaredRule: string;
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

/** Reads and fully checks a Pabulib file: counts, ids, and every ballot against the file's own constraints. */
export function readPabulib(text: string): PabulibElection {
  const file = parsePabulib(text);
  const voteType = file.meta['vote_type'] ?? 'approval';
  if (!['approval', 'choose-1', 'cumulative', 'ordinal', 'scoring'].includes(voteType)) {
    throw new PabulibError(file.metaLines['vote_type'] ?? 1, `unknown vote_type "${voteType}"`);
  }
  const budget = metaMoney(file, 'budget');
  if (budget === undefined) throw new PabulibError(1, 'META lacks budget');
  const { projects, prepared } = readProjects(file);
  const constraints = readConstraints(file);
  const { ballots, votes, score } = readVotes(file, voteType, prepared, constraints);
  checkStatedCounts(file, votes, score);

  const metaRule = file.meta['rule'] ?? 'greedy';
  const rule: RuleName = (RULE_NAMES.includes(metaRule) ? metaRule : 'greedy') as RuleName;
  const election: Election = { budget: budget.d === 1n ? budget.n : budget, projects, ballots, rule, constraints };
  const threshold = metaNumber(file, 'min_project_score_threshold');
  if (threshold !== undefined) election.threshold = threshold;
  if (file.meta['currency']) election.currency = file.meta['currency'];
  const hasSelected = file.projectColumns.includes('selected');
  return {
    election,
    file,
    voteType,
    declaredRule: metaRule,
    ...(hasSelected ? { selectedInFile: file.projects.filter((r) => r.cells['selected'] === '1').map((r) => r.cells['project_id']!) } : {}),
  };
}

/** The PROJECTS section: ids unique and non-empty, costs above 0, and as many as META's `num_projects`. */
function readProjects(file: PabulibFile): { projects: ProjectInput[]; prepared: Map<string, PreparedProject> } {
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
    throw new PabulibError(file.metaLines['num_projects']!, `num_projects is ${numProjects} but PROJECTS lists ${projects.length}`);
  }
  return { projects, prepared };
}

/** The ballot constraints META declares (lengths, points, summed cost). */
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

/** The VOTES section: one ballot per voter, each checked against the constraints; votes and score per project counted. */
function readVotes(
  file: PabulibFile,
  voteType: string,
  prepared: Map<string, PreparedProject>,
  constraints: BallotConstraints,
): { ballots: Ballot[]; votes: Map<string, number>; score: Map<string, number> } {
  const ballots: Ballot[] = [];
  const voters = new Set<string>();
  const votes = new Map<string, number>();
  const score = new Map<string, number>();
  for (const row of file.votes) {
    const voter = row.cells['voter_id']!;
    if (voters.has(voter)) throw new PabulibError(row.line, `duplicate voter "${voter}"`);
    voters.add(voter);
    const ballot = ballotOf(row, voter, voteType, prepared);
    let given: Map<string, number>;
    try {
      given = ballotPoints(ballot, ballots.length, prepared, constraints);
    } catch (e) {
      if (e instanceof TallyInputError) throw new PabulibError(row.line, `vote of "${voter}" breaks the file: ${e.message.replace(/^ballot \d+: /, '')}`);
      throw e;
    }
    for (const [id, v] of given) {
      if (v > 0) votes.set(id, (votes.get(id) ?? 0) + 1);
      score.set(id, (score.get(id) ?? 0) + v);
    }
    ballots.push(ballot);
  }
  const numVotes = metaNumber(file, 'num_votes');
  if (numVotes !== undefined && numVotes !== ballots.length) {
    throw new PabulibError(file.metaLines['num_votes']!, `num_votes is ${numVotes} but VOTES has ${ballots.length} rows`);
  }
  return { ballots, votes, score };
}

/** One VOTES row as a ballot of the file's vote type: known projects, whole points, one per project. */
function ballotOf(row: PabulibRow, voter: string, voteType: string, prepared: Map<string, PreparedProject>): Ballot {
  const ids = list(row.cells['vote']);
  for (const id of ids) if (!prepared.has(id)) throw new PabulibError(row.line, `vote of "${voter}" names unknown project "${id}"`);
  const ptsText = list(row.cells['points']);
  const pts = ptsText.map((t) => {
    const v = Number(t);
    if (!Number.isSafeInteger(v)) throw new PabulibError(row.line, `points "${t}" are not a whole number`);
    return v;
  });
  if (pts.length > 0 && pts.length !== ids.length) throw new PabulibError(row.line, `${ids.length} projects but ${pts.length} points`);
  if (voteType === 'approval' || voteType === 'choose-1') return { type: voteType, choices: ids };
  if (voteType === 'ordinal') return pts.length > 0 ? { type: 'ordinal', ranking: ids, points: pts } : { type: 'ordinal', ranking: ids };
  if (pts.length === 0 && ids.length > 0) throw new PabulibError(row.line, `${voteType} vote without points`);
  const points: Record<string, number> = {};
  ids.forEach((id, k) => {
    if (Object.hasOwn(points, id)) throw new PabulibError(row.line, `project "${id}" appears twice`);
    points[id] = pts[k]!;
  });
  return { type: voteType as 'cumulative' | 'scoring', points };
}

/** The `votes` and `score` a project row states must be what the ballots give. */
function checkStatedCounts(file: PabulibFile, votes: Map<string, number>, score: Map<string, number>): void {
  for (const row of file.projects) {
    const id = row.cells['project_id']!;
    for (const [col, counted] of [
      ['votes', votes.get(id) ?? 0],
      ['score', score.get(id) ?? 0],
    ] as const) {
      const stated = row.cells[col];
      if (stated === undefined || stated === '') continue;
      if (Number(stated) !== counted) throw new PabulibError(row.line, `project "${id}" states ${col} ${stated}, the votes give ${counted}`);
    }
  }
}
