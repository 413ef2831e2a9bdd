import { cmp, type Rational, toNumber, toRational, add, ZERO } from './rational.js';
import type { Ballot, BallotConstraints, ProjectInput } from './types.js';

/** Pabulib's marker for a plan that was on the ballot but cannot be carried out. */
export const SENTINEL_COST = 999999999n;

/** Raised for input the library refuses to count; `ballot` is the 0-based ballot index when known. */
export class TallyInputError extends Error {
  constructor(
    message: string,
    readonly ballot?: number,
  ) {
    super(ballot === undefined ? message : `ballot ${ballot + 1}: ${message}`);
    this.name = 'TallyInputError';
  }
}

/** A plan prepared for counting: exact cost plus a double for screening. */
export interface PreparedProject {
  index: number;
  id: string;
  cost: Rational;
  costF: number;
  infeasible: boolean;
  area?: string;
  theme?: string;
  name?: string;
}

/** Voters with the same support set, counted once with their total weight. */
export interface VoterGroup {
  supports: Int32Array;
  weight: number;
}

/** Ballots reduced to what the rules need. */
export interface Profile {
  projects: PreparedProject[];
  voters: number;
  votes: number[];
  score: number[];
  usesPoints: boolean;
  groups: VoterGroup[];
  /** Supporting groups per project. */
  supporters: Int32Array[];
}

/** Support and points one ballot gives, validated against the constraints. */
export function ballotPoints(
  ballot: Ballot,
  index: number,
  known: ReadonlyMap<string, PreparedProject>,
  constraints: BallotConstraints = {},
): Map<string, number> {
  const points = new Map<string, number>();
  const put = (id: string, pts: number): void => {
    if (!known.has(id)) throw new TallyInputError(`unknown project "${id}"`, index);
    if (points.has(id)) throw new TallyInputError(`project "${id}" appears twice`, index);
    if (!Number.isSafeInteger(pts)) throw new TallyInputError(`points for "${id}" must be a whole number`, index);
    points.set(id, pts);
  };
  switch (ballot.type) {
    case 'approval':
    case 'choose-1':
      for (const id of ballot.choices) put(id, 1);
      if (ballot.type === 'choose-1' && ballot.choices.length !== 1) {
        throw new TallyInputError(`a choose-1 ballot names ${ballot.choices.length} projects`, index);
      }
      break;
    case 'cumulative':
    case 'scoring':
      for (const [id, pts] of Object.entries(ballot.points)) put(id, pts);
      break;
    case 'ordinal': {
      const m = constraints.maxLength ?? ballot.ranking.length;
      if (ballot.points && ballot.points.length !== ballot.ranking.length) {
        throw new TallyInputError('ranking and points differ in length', index);
      }
      ballot.ranking.forEach((id, r) => put(id, ballot.points ? ballot.points[r]! : m - r));
      break;
    }
    default:
      throw new TallyInputError(`unknown ballot type "${(ballot as { type: string }).type}"`, index);
  }
  checkConstraints(ballot, index, points, known, constraints);
  return points;
}

function checkConstraints(
  ballot: Ballot,
  index: number,
  points: Map<string, number>,
  known: ReadonlyMap<string, PreparedProject>,
  c: BallotConstraints,
): void {
  const len = points.size;
  if (c.minLength !== undefined && len < c.minLength) throw new TallyInputError(`${len} projects chosen, at least ${c.minLength} required`, index);
  if (c.maxLength !== undefined && len > c.maxLength) throw new TallyInputError(`${len} projects chosen, at most ${c.maxLength} allowed`, index);
  if (c.minSumCost !== undefined || c.maxSumCost !== undefined) {
    let sum = ZERO;
    for (const id of points.keys()) sum = add(sum, known.get(id)!.cost);
    if (c.minSumCost !== undefined && cmp(sum, toRational(c.minSumCost)) < 0) throw new TallyInputError('chosen projects cost less than the minimum', index);
    if (c.maxSumCost !== undefined && cmp(sum, toRational(c.maxSumCost)) > 0) throw new TallyInputError('chosen projects cost more than the ballot cost cap', index);
  }
  if (ballot.type === 'approval' || ballot.type === 'choose-1') return;
  let total = 0;
  for (const [id, pts] of points) {
    if (c.minPoints !== undefined && pts < c.minPoints) throw new TallyInputError(`"${id}" got ${pts} points, minimum ${c.minPoints}`, index);
    if (c.maxPoints !== undefined && pts > c.maxPoints) throw new TallyInputError(`"${id}" got ${pts} points, maximum ${c.maxPoints}`, index);
    if (pts < 0) throw new TallyInputError(`"${id}" got negative points`, index);
    total += pts;
  }
  if (c.minSumPoints !== undefined && total < c.minSumPoints) throw new TallyInputError(`${total} points given, at least ${c.minSumPoints} required`, index);
  if (c.maxSumPoints !== undefined && total > c.maxSumPoints) throw new TallyInputError(`${total} points given, at most ${c.maxSumPoints} allowed`, index);
}

/** A validated ballot: points per project index (support = points > 0). */
export interface NormalBallot {
  points: Map<number, number>;
  weight: number;
  area?: string;
}

/** Validates projects and ballots against each other and the constraints. */
export function normalize(
  projectsIn: readonly ProjectInput[],
  ballots: readonly Ballot[],
  constraints?: BallotConstraints,
): { projects: PreparedProject[]; ballots: NormalBallot[]; usesPoints: boolean } {
  const projects: PreparedProject[] = projectsIn.map((p, index) => {
    if (typeof p.id !== 'string' || p.id === '') throw new TallyInputError(`project ${index + 1} has no id`);
    const cost = toRational(p.cost);
    if (cost.n <= 0n) throw new TallyInputError(`project "${p.id}" must cost more than 0`);
    return {
      index,
      id: p.id,
      cost,
      costF: toNumber(cost),
      infeasible: cost.d === 1n && cost.n === SENTINEL_COST,
      area: p.area,
      theme: p.theme,
      name: p.name,
    };
  });
  const byId = new Map<string, PreparedProject>();
  for (const p of projects) {
    if (byId.has(p.id)) throw new TallyInputError(`project "${p.id}" is listed twice`);
    byId.set(p.id, p);
  }
  let usesPoints = false;
  const out = ballots.map((ballot, i): NormalBallot => {
    const weight = ballot.weight ?? 1;
    if (!Number.isSafeInteger(weight) || weight <= 0) throw new TallyInputError('weight must be a positive whole number', i);
    if (ballot.type !== 'approval' && ballot.type !== 'choose-1') usesPoints = true;
    const pts = ballotPoints(ballot, i, byId, constraints);
    const points = new Map<number, number>();
    for (const [id, v] of pts) points.set(byId.get(id)!.index, v);
    return { points, weight, area: ballot.area };
  });
  return { projects, ballots: out, usesPoints };
}

/** Profile of a subset of projects (renumbered 0..k-1 in the given order) over the given ballots. */
export function profileOf(all: readonly PreparedProject[], ballots: readonly NormalBallot[], usesPoints: boolean): Profile {
  const local = new Map<number, number>();
  const projects = all.map((p, i) => {
    local.set(p.index, i);
    return { ...p, index: i };
  });
  const votes = new Array<number>(projects.length).fill(0);
  const score = new Array<number>(projects.length).fill(0);
  let voters = 0;
  const groupIndex = new Map<string, number>();
  const groups: VoterGroup[] = [];
  for (const b of ballots) {
    const support: number[] = [];
    for (const [gi, v] of b.points) {
      const idx = local.get(gi);
      if (idx === undefined) continue;
      score[idx]! += v * b.weight;
      if (v > 0) {
        votes[idx]! += b.weight;
        support.push(idx);
      }
    }
    voters += b.weight;
    support.sort((a, c) => a - c);
    const key = support.join(',');
    const g = groupIndex.get(key);
    if (g === undefined) {
      groupIndex.set(key, groups.length);
      groups.push({ supports: Int32Array.from(support), weight: b.weight });
    } else {
      groups[g]!.weight += b.weight;
    }
  }
  return { projects, voters, votes, score, usesPoints, groups, supporters: supportersOf(projects.length, groups) };
}

/** Validates projects and ballots and groups identical support sets. */
export function buildProfile(projectsIn: readonly ProjectInput[], ballots: readonly Ballot[], constraints?: BallotConstraints): Profile {
  const n = normalize(projectsIn, ballots, constraints);
  return profileOf(n.projects, n.ballots, n.usesPoints);
}

function supportersOf(count: number, groups: VoterGroup[]): Int32Array[] {
  const sizes = new Int32Array(count);
  for (const g of groups) for (const p of g.supports) sizes[p]!++;
  const out = Array.from(sizes, (s) => new Int32Array(s));
  const fill = new Int32Array(count);
  groups.forEach((g, gi) => {
    for (const p of g.supports) out[p]![fill[p]!++] = gi;
  });
  return out;
}
