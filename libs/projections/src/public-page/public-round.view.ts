import type { BallotBoxRow } from '../ballot-box/ballot-box.entity.js';
import type { PlanRow } from '../plans/plan.entity.js';
import type { ReadModelDatabase } from '../read-model-database.js';
import type { ResultPlanRow } from '../results/result-plan.entity.js';
import type { RoundOverviewRow, RoundSealRow } from '../rounds/round-overview.entity.js';
import { type StructuredExplanation, structuredExplanation } from '@lib/tally';

export interface PublicPlan {
  id: string;
  title: string;
  /** The area's code. */
  area: string | null;
  /** The area's name in the frame (the code when the frame does not name it). */
  areaName: string | null;
  theme: string | null;
  /** What the plan costs on the ballot and in the count: the investment plus the maintenance it counts. */
  costCents: number;
  status: string | null;
  feasibility: string | null;
  /** Criterion text (or id) and the reviewers' reason; never the reviewer. */
  verdicts: { criterion: string; outcome: string; reason: string }[];
}

export interface PublicResult {
  id: string;
  title: string;
  selected: boolean;
  votes: number | null;
  amountCents: number | null;
  /** As published (the counting lib writes English). */
  explanation: string;
  /** The explanation as data, rendered in the page's language; null for one written by hand. */
  reason: StructuredExplanation | null;
}

export interface TurnoutGroup {
  group: string;
  /** Null when not recorded, or suppressed (a group of fewer than SMALL_GROUP ballots). */
  ballots: number | null;
  population: number;
  /** Share of voters / share of population; null when voters per group are not recorded (or suppressed). */
  index: number | null;
  /** Per area: the area's name in the frame (its code when unnamed). */
  name?: string;
  /** True when the group had 1 to SMALL_GROUP - 1 ballots and its figures are withheld. */
  suppressed?: boolean;
}

/** A seal of the round, as the public may check it: published the moment the round records it. */
export interface PublicSeal {
  /** Revision of its `RoundSealed` on `Round-<id>`. */
  revision: number;
  sealedAt: string;
  /** The phase the round moved to (the phase change the seal marks); null for a seal outside a phase change. */
  phase: string | null;
  /** sha256 over every stream of the round up to `upTo`. */
  digest: string;
  upTo: string;
  streams: number;
  events: number;
  /** The head of the store-wide chain the seal fixed; null on seals from before the chain. */
  storeChain: { link: number; upTo: string; digest: string } | null;
}

/** Published turnout groups below this many ballots are withheld: a ballot's area and age band could point to the person. */
export const SMALL_GROUP = 10;

/** Plans the public sees: not withdrawn or merged, and a resident's plan only once moderation let it into intake. */
export const NOT_PUBLIC_PLAN_STATUSES = ['awaiting_moderation', 'moderation_refused', 'withdrawn', 'merged'] as const;

export function isPublicPlan(status: string): boolean {
  return !(NOT_PUBLIC_PLAN_STATUSES as readonly string[]).includes(status);
}

/** Everything the public page shows, from the read models only. Interim figures are left out unless the frame allows them. */
export interface PublicRoundView {
  roundId: string;
  title: string;
  phase: string;
  votingRuns: boolean;
  countsVisible: boolean;
  budgetCents: number | null;
  plans: PublicPlan[];
  resultStatus: string;
  results: PublicResult[];
  /** Standing votes per plan while voting runs: only when the frame makes interim results public. */
  interim: { id: string; title: string; ballots: number }[] | null;
  fairness: Record<string, unknown> | null;
  turnout: {
    ballots: number;
    eligible: number;
    populationSource: string;
    byArea: TurnoutGroup[];
    byChannel: { channel: string; ballots: number }[];
    byAgeBand: TurnoutGroup[];
  } | null;
  /** Every seal of the round, oldest first. */
  seals: PublicSeal[];
}

/** The public view of a round, or null when no round or ballot box has that id. */
export async function publicRoundView(db: ReadModelDatabase, roundId: string): Promise<PublicRoundView | null> {
  return db.read(async (m) => {
    const s = db.schema;
    const one = async <T>(sql: string, params: unknown[]): Promise<T | undefined> => ((await m.query<{ row: T }[]>(sql, params))[0]?.row);
    const round = await one<RoundOverviewRow>(`SELECT to_jsonb(r) AS row FROM ${s}.round_overview r WHERE round_id = $1`, [roundId]);
    const box = await one<BallotBoxRow>(`SELECT to_jsonb(b) AS row FROM ${s}.ballot_box b WHERE round_id = $1`, [roundId]);
    if (!round && !box) return null;
    const tenant = (round?.tenant ?? box?.tenant)!;
    const budgetId = round?.budget_id ?? box?.budget_id;
    const budget = await one<{ title: string; criteria: { id: string; text: string }[]; areas: { code: string; name: string }[] }>(`SELECT to_jsonb(b) AS row FROM ${s}.budget_overview b WHERE budget_id = $1 AND tenant = $2`, [budgetId, tenant]);
    const flag = box ? await one<{ interim_results_public: boolean }>(`SELECT to_jsonb(f) AS row FROM ${s}.round_frame_flag f WHERE budget_id = $1 AND frame_version = $2`, [box.budget_id, box.frame_version]) : undefined;
    const votingRuns = box ? box.phase === 'open' : round?.phase === 'voting';
    const resultRows = (await m.query<{ row: ResultPlanRow }[]>(`SELECT to_jsonb(r) AS row FROM ${s}.result_plan r WHERE round_id = $1 AND tenant = $2`, [roundId, tenant])).map((r) => r.row);
    const published = resultRows.length > 0;
    const interimPublic = round?.interim_results_public ?? flag?.interim_results_public ?? false;
    const countsVisible = published || interimPublic;

    const criteria = new Map((budget?.criteria ?? []).map((c) => [c.id, c.text]));
    const areaNames = new Map((budget?.areas ?? []).map((a) => [a.code, a.name]));
    const areaName = (code: string | null | undefined): string | null => (code ? (areaNames.get(code) ?? code) : null);
    const planRows = (await m.query<{ row: PlanRow }[]>(`SELECT to_jsonb(p) AS row FROM ${s}.plan p WHERE round_id = $1 AND tenant = $2 ORDER BY title, proposal_id`, [roundId, tenant])).map((r) => r.row);
    const plans: PublicPlan[] =
      planRows.length > 0
        ? planRows
            .filter((p) => isPublicPlan(p.status))
            .map((p) => ({
              id: p.proposal_id,
              title: p.title,
              area: p.area_id,
              areaName: areaName(p.area_id),
              theme: p.theme_id,
              costCents: Number(p.cost_cents) + Number(p.maintenance_per_year_cents) * Number(p.maintenance_years),
              status: p.status,
              feasibility: p.feasibility,
              verdicts: p.verdicts.filter((v) => v.version === p.version).map((v) => ({ criterion: criteria.get(v.criterionId) ?? v.criterionId, outcome: v.outcome, reason: v.reason })),
            }))
        : (box?.plans ?? []).map((p) => ({ id: p.planId, title: p.name ?? p.planId, area: p.area ?? null, areaName: areaName(p.area), theme: null, costCents: p.costCents, status: null, feasibility: null, verdicts: [] }));
    const titles = new Map(plans.map((p) => [p.id, p.title]));

    const results: PublicResult[] = countsVisible
      ? resultRows
          .map((r) => ({ id: r.proposal_id, title: titles.get(r.proposal_id) ?? r.proposal_id, selected: r.selected, votes: r.votes, amountCents: r.amount_cents, explanation: r.explanation, reason: structuredExplanation(r.explanation, r.details) }))
          .sort((a, b) => Number(b.selected) - Number(a.selected) || (b.votes ?? 0) - (a.votes ?? 0) || a.title.localeCompare(b.title))
      : [];
    const interim =
      votingRuns && interimPublic
        ? (await m.query<{ plan_id: string; ballots: number }[]>(`SELECT plan_id, ballots FROM ${s}.live_count WHERE round_id = $1 AND tenant = $2 ORDER BY ballots DESC, plan_id`, [roundId, tenant])).map(
            (r) => ({ id: r.plan_id, title: titles.get(r.plan_id) ?? r.plan_id, ballots: Number(r.ballots) }),
          )
        : null;
    const fairness = published ? ((resultRows.find((r) => r.details && 'fairness' in r.details)?.details?.fairness as Record<string, unknown> | undefined) ?? null) : null;

    let turnout: PublicRoundView['turnout'] = null;
    if (box && (!votingRuns || interimPublic)) {
      const ballotsByArea = await m.query<{ area: string; channel: string; ballots: number }[]>(`SELECT area, channel, ballots FROM ${s}.turnout_ballots WHERE round_id = $1 AND tenant = $2`, [roundId, tenant]);
      const roll = await m.query<{ area: string; age_band: string; eligible: number }[]>(`SELECT area, age_band, eligible FROM ${s}.turnout_roll WHERE round_id = $1 AND tenant = $2`, [roundId, tenant]);
      const population = await m.query<{ area_code: string; age_band: string; population: number; source: string }[]>(
        `SELECT area_code, age_band, population, source FROM ${s}.population_reference WHERE tenant = $1`,
        [tenant],
      );
      const ballotsByAge = await m.query<{ age_band: string; ballots: number }[]>(`SELECT age_band, ballots FROM ${s}.turnout_ballots_age WHERE round_id = $1 AND tenant = $2`, [roundId, tenant]);
      turnout = turnoutFigures(ballotsByArea, roll, population, box.eligible, ballotsByAge, { suppressBelow: SMALL_GROUP });
      turnout.byArea = turnout.byArea.map((g) => ({ ...g, name: areaName(g.group) ?? g.group }));
    }

    const sealRows = (await m.query<{ row: RoundSealRow }[]>(`SELECT to_jsonb(r) AS row FROM ${s}.round_seal r WHERE round_id = $1 AND tenant = $2 ORDER BY revision`, [roundId, tenant])).map((r) => r.row);
    const seals: PublicSeal[] = sealRows.map((r) => ({
      revision: Number(r.revision),
      sealedAt: new Date(r.sealed_at).toISOString(),
      phase: r.phase,
      digest: r.digest,
      upTo: r.up_to,
      streams: Number(r.streams),
      events: Number(r.events),
      storeChain: r.chain_digest !== null && r.chain_link !== null && r.chain_up_to !== null ? { link: Number(r.chain_link), upTo: r.chain_up_to, digest: r.chain_digest } : null,
    }));

    return {
      roundId,
      title: round?.title ?? budget?.title ?? roundId,
      phase: box && (!round || round.phase === 'planned') ? `ballot-${box.phase}` : (round?.phase ?? 'planned'),
      votingRuns,
      countsVisible,
      budgetCents: round?.allocated_cents ?? box?.budget_cents ?? null,
      plans,
      resultStatus: round?.result_status ?? (published ? 'published' : 'none'),
      results,
      interim,
      fairness,
      turnout,
      seals,
    };
  });
}

/**
 * Turnout and representativeness: per area and per age band, the share of voters divided by the share
 * of the population (CBS reference when imported, the roll otherwise). Ballots record the age band of
 * the roll; an index per age band needs the same bands in the population. With `suppressBelow`, groups
 * with fewer ballots (but some) are withheld, as on the public page.
 */
export function turnoutFigures(
  ballots: { area: string; channel: string; ballots: number }[],
  roll: { area: string; age_band: string; eligible: number }[],
  population: { area_code: string; age_band: string; population: number; source: string }[],
  eligibleOnRoll: number,
  ballotsByAge: { age_band: string; ballots: number }[] = [],
  options: { suppressBelow?: number } = {},
): NonNullable<PublicRoundView['turnout']> {
  const sum = <T>(rows: T[], key: (r: T) => string, value: (r: T) => number) => {
    const map = new Map<string, number>();
    for (const r of rows) map.set(key(r), (map.get(key(r)) ?? 0) + value(r));
    return map;
  };
  const byArea = sum(ballots, (b) => b.area, (b) => Number(b.ballots));
  const byChannel = sum(ballots, (b) => b.channel, (b) => Number(b.ballots));
  const total = [...byArea.values()].reduce((a, b) => a + b, 0);
  const areaPopulation = population.filter((p) => p.age_band === 'total');
  const cbs = areaPopulation.length > 0;
  const popByArea = cbs ? sum(areaPopulation, (p) => p.area_code, (p) => Number(p.population)) : sum(roll, (r) => r.area, (r) => Number(r.eligible));
  const popTotal = [...popByArea.values()].reduce((a, b) => a + b, 0);
  const areas = [...new Set([...popByArea.keys(), ...byArea.keys()])].sort();
  const index = (voters: number, pop: number): number | null => (total > 0 && popTotal > 0 && pop > 0 ? voters / total / (pop / popTotal) : null);
  const agePopulation = cbs ? sum(population.filter((p) => p.age_band !== 'total'), (p) => p.age_band, (p) => Number(p.population)) : sum(roll, (r) => r.age_band, (r) => Number(r.eligible));
  const byAge = sum(ballotsByAge, (b) => b.age_band, (b) => Number(b.ballots));
  const agePopTotal = [...agePopulation.values()].reduce((a, b) => a + b, 0);
  const ageTotal = [...byAge.values()].reduce((a, b) => a + b, 0);
  const ageIndex = (voters: number, pop: number): number | null => (ageTotal > 0 && agePopTotal > 0 && pop > 0 ? voters / ageTotal / (pop / agePopTotal) : null);
  const ageBands = [...new Set([...agePopulation.keys(), ...byAge.keys()])].sort();
  const withheld = (group: TurnoutGroup): TurnoutGroup =>
    options.suppressBelow !== undefined && group.ballots !== null && group.ballots > 0 && group.ballots < options.suppressBelow ? { ...group, ballots: null, index: null, suppressed: true } : group;
  return {
    ballots: total,
    eligible: eligibleOnRoll || [...sum(roll, () => 'all', (r) => Number(r.eligible)).values()][0] || 0,
    populationSource: cbs ? (population[0]?.source ?? 'CBS') : 'roll',
    byArea: areas.map((area) => withheld({ group: area, ballots: byArea.get(area) ?? 0, population: popByArea.get(area) ?? 0, index: index(byArea.get(area) ?? 0, popByArea.get(area) ?? 0) })),
    byChannel: [...byChannel.entries()].sort().map(([channel, n]) => ({ channel, ballots: n })),
    byAgeBand: ageBands.map((band) => {
      const pop = agePopulation.get(band) ?? 0;
      if (byAge.size === 0) return { group: band, ballots: null, population: pop, index: null };
      return withheld({ group: band, ballots: byAge.get(band) ?? 0, population: pop, index: ageIndex(byAge.get(band) ?? 0, pop) });
    }),
  };
}
