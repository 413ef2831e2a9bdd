import { createHash } from 'node:crypto';
import { cmp } from './rational.js';
import { TallyInputError, type Profile } from './profile.js';
import type { TieBreak, TieBreakKey } from './types.js';

/** The declared default: lowest cost, then most votes, then the published lot. */
export const DEFAULT_TIE_BREAK: TieBreak = { order: ['lowest-cost', 'most-votes', 'lot'] };

/** Orders tied projects by the declared keys; reports which key decided. */
export interface TieBreaker {
  /** Picks one of the contenders (project indices); `decidedBy` is undefined when there was one contender. */
  pick(contenders: readonly number[]): { winner: number; decidedBy?: TieBreakKey };
  /** Sorts projects best first among equals (a full order). */
  compare(a: number, b: number): number;
  /** Key that separates a from b first. */
  decidingKey(a: number, b: number): TieBreakKey;
}

/** Lot rank of a project: SHA-256 of seed and id, so anyone can recompute it from the published seed. */
export function lotRank(seed: string, id: string): string {
  return createHash('sha256').update(`${seed}\n${id}`).digest('hex');
}

function compareIds(a: string, b: string): number {
  const na = /^\d+$/.test(a);
  const nb = /^\d+$/.test(b);
  if (na && nb && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Builds the comparator for a profile and a declared tie-break. */
export function makeTieBreaker(profile: Profile, tieBreak: TieBreak = DEFAULT_TIE_BREAK): TieBreaker {
  const { projects, votes } = profile;
  let lots: string[] | undefined;
  const noSeed = (): never => {
    throw new TallyInputError('a tie needs the lot, but no lot seed was declared (tieBreak.seed)');
  };
  // Without a seed the lot ranks nothing; pick and decidingKey refuse when it would have to decide.
  const lot = (i: number): string => {
    if (tieBreak.seed === undefined) return '';
    lots ??= projects.map((p) => lotRank(tieBreak.seed!, p.id));
    return lots[i]!;
  };
  const byKey = (key: TieBreakKey, a: number, b: number): number => {
    switch (key) {
      case 'lowest-cost':
        return cmp(projects[a]!.cost, projects[b]!.cost);
      case 'most-votes':
        return votes[b]! - votes[a]!;
      case 'lot': {
        const la = lot(a);
        const lb = lot(b);
        return la < lb ? -1 : la > lb ? 1 : 0;
      }
      case 'input-order':
        return a - b;
      case 'project-id':
        return compareIds(projects[a]!.id, projects[b]!.id);
    }
  };
  const keys: TieBreakKey[] = [...tieBreak.order, 'input-order'];
  const decidingKey = (a: number, b: number): TieBreakKey => {
    for (const k of keys) {
      if (k === 'lot' && tieBreak.seed === undefined) noSeed();
      if (byKey(k, a, b) !== 0) return k;
    }
    return 'input-order';
  };
  const compare = (a: number, b: number): number => {
    for (const k of keys) {
      const c = byKey(k, a, b);
      if (c !== 0) return c;
    }
    return 0;
  };
  const pick = (contenders: readonly number[]): { winner: number; decidedBy?: TieBreakKey } => {
    if (contenders.length === 1) return { winner: contenders[0]! };
    let remaining = [...contenders];
    for (const k of keys) {
      if (k === 'lot' && tieBreak.seed === undefined) noSeed();
      let best = remaining[0]!;
      for (const c of remaining) if (byKey(k, c, best) < 0) best = c;
      remaining = remaining.filter((c) => byKey(k, c, best) === 0);
      if (remaining.length === 1) return { winner: remaining[0]!, decidedBy: k };
    }
    return { winner: remaining[0]!, decidedBy: 'input-order' };
  };
  return { pick, compare, decidingKey };
}
