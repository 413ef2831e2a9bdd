import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { type FrameArea, frameVersion, readBudget, type ThemeQuota } from '@lib/budgeting';
import { CommandStreamMissing } from '@lib/es';
import { ballotBoxState, VOTING_DEPS, type VotingDeps } from '../../voting.deps.js';

/** A plan as the voter sees it on the ballot. */
export interface BallotPaperPlan {
  id: string;
  title: string;
  costCents: number;
  area: { code: string; name: string | null } | null;
  theme: string | null;
}

/** What a front end needs to build the ballot: the plans and the rules a ballot must meet (the same the cast checks). */
export interface BallotPaper {
  roundId: string;
  phase: string;
  frameVersion: number;
  type: string;
  rules: {
    minPlans: number | null;
    maxPlans: number | null;
    costCapCents: number | null;
    minSpendCents: number | null;
    points: number | null;
    rankingLength: number | null;
    themeQuotas: { theme: string; minPlans: number | null; maxPlans: number | null }[];
  };
  budgetCents: number;
  currency: string;
  plans: BallotPaperPlan[];
}

/** The ballot paper of a round: the plans and rules copied into its ballot box, the area names from the frame version it votes under. */
export async function ballotPaper(deps: VotingDeps, roundId: string, tenant: string): Promise<BallotPaper> {
  const box = await ballotBoxState(deps, roundId, tenant);
  const { frame } = box;
  const areas = new Map((await frameAreas(deps, frame.budgetId, frame.frameVersion, tenant)).map((a) => [a.code, a.name]));
  const rules = frame.ballot;
  return {
    roundId,
    phase: box.phase,
    frameVersion: frame.frameVersion,
    type: rules.type,
    rules: {
      minPlans: rules.minPlans ?? null,
      maxPlans: rules.maxPlans ?? null,
      costCapCents: rules.costCapCents ?? null,
      minSpendCents: rules.minSpendCents ?? null,
      points: rules.points ?? null,
      rankingLength: rules.rankingLength ?? null,
      themeQuotas: (rules.themeQuotas ?? []).map((q: ThemeQuota) => ({ theme: q.theme, minPlans: q.minPlans ?? null, maxPlans: q.maxPlans ?? null })),
    },
    budgetCents: frame.budgetCents,
    currency: frame.currency,
    plans: frame.plans.map((p) => ({
      id: p.planId,
      title: p.name ?? p.planId,
      costCents: p.costCents,
      area: p.area ? { code: p.area, name: areas.get(p.area) ?? null } : null,
      theme: p.theme ?? null,
    })),
  };
}

/** The areas of the frame version; none for a box without a Budget stream (Pabulib imports, seeded load-test boxes). */
async function frameAreas(deps: VotingDeps, budgetId: string, version: number, tenant: string): Promise<FrameArea[]> {
  try {
    const budget = await readBudget(deps.store, budgetId, tenant);
    return frameVersion(budget.state, version)?.frame.areas ?? [];
  } catch (error) {
    if (error instanceof CommandStreamMissing) return [];
    throw error;
  }
}

export class GetBallotPaper extends Query<BallotPaper> {
  constructor(
    readonly roundId: string,
    readonly tenant: string,
  ) {
    super();
  }
}

@QueryHandler(GetBallotPaper)
export class GetBallotPaperHandler implements IQueryHandler<GetBallotPaper, BallotPaper> {
  constructor(@Inject(VOTING_DEPS) private readonly deps: VotingDeps) {}

  execute({ roundId, tenant }: GetBallotPaper): Promise<BallotPaper> {
    return ballotPaper(this.deps, roundId, tenant);
  }
}
