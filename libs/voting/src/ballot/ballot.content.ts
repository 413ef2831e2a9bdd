import type { BallotContent } from './ballot.events.js';
import type { VotingFrame } from '../voting-frame.js';
import {
  BallotCostCapExceededError,
  BallotDuplicatePlanError,
  BallotInvalidPointsError,
  BallotMinSpendNotMetError,
  BallotPointsExceededError,
  BallotRankingTooLongError,
  BallotThemeQuotaExceededError,
  BallotThemeQuotaNotMetError,
  BallotTooFewPlansError,
  BallotTooManyPlansError,
  BallotUnknownPlanError,
  BallotWrongTypeError,
} from './ballot.errors.js';

export type { BallotContent } from './ballot.events.js';

/** The plans a ballot names, in the voter's order. */
export function plansOf(content: BallotContent): string[] {
  switch (content.type) {
    case 'approval':
    case 'choose-1':
      return content.choices;
    case 'cumulative':
    case 'scoring':
      return Object.keys(content.points);
    case 'ordinal':
      return content.ranking;
  }
}

/** Checks a ballot against the frame's ballot rules and the plans admitted to the ballot; throws the first breach. */
export function checkBallot(content: BallotContent, frame: Pick<VotingFrame, 'ballot' | 'plans'>): void {
  const rules = frame.ballot;
  if (content.type !== rules.type) {
    throw new BallotWrongTypeError(`This round votes with a ${rules.type} ballot, not ${content.type}`, { expected: rules.type, given: content.type });
  }
  const plans = plansOf(content);
  const seen = new Set<string>();
  for (const planId of plans) {
    if (seen.has(planId)) throw new BallotDuplicatePlanError(`Plan ${planId} appears twice on the ballot`, { planId });
    seen.add(planId);
  }
  const cost = new Map(frame.plans.map((p) => [p.planId, p.costCents]));
  for (const planId of plans) if (!cost.has(planId)) throw new BallotUnknownPlanError(`Plan ${planId} is not on the ballot`, { planId });

  const count = plans.length;
  if (content.type === 'choose-1') {
    if (count > 1) throw new BallotTooManyPlansError('A choose-1 ballot names exactly one plan', { max: 1, given: count });
    if (count < 1) throw new BallotTooFewPlansError('A choose-1 ballot names exactly one plan', { min: 1, given: count });
    return;
  }
  if (content.type === 'cumulative' || content.type === 'scoring') {
    for (const [planId, points] of Object.entries(content.points)) {
      if (!Number.isSafeInteger(points) || points < 1) throw new BallotInvalidPointsError(`Plan ${planId} gets ${points} points; give whole points ≥ 1 or leave it out`, { planId });
    }
    const allowed = rules.points ?? 0;
    if (content.type === 'cumulative') {
      const total = Object.values(content.points).reduce((a, b) => a + b, 0);
      if (total > allowed) throw new BallotPointsExceededError(`The ballot distributes ${total} points; at most ${allowed}`, { max: allowed, given: total });
    } else {
      for (const [planId, points] of Object.entries(content.points)) {
        if (points > allowed) throw new BallotPointsExceededError(`Plan ${planId} gets ${points} points; at most ${allowed} per plan`, { planId, max: allowed, given: points });
      }
    }
  }
  if (content.type === 'ordinal' && rules.rankingLength !== undefined && count > rules.rankingLength) {
    throw new BallotRankingTooLongError(`The ranking has ${count} plans; at most ${rules.rankingLength}`, { max: rules.rankingLength, given: count });
  }
  if (rules.maxPlans !== undefined && count > rules.maxPlans) {
    throw new BallotTooManyPlansError(`The ballot names ${count} plans; at most ${rules.maxPlans}`, { max: rules.maxPlans, given: count });
  }
  // A ballot that names no plan is blank: it is not cast, whatever the frame's minimum.
  const min = Math.max(rules.minPlans ?? 1, 1);
  if (count < min) throw new BallotTooFewPlansError(`The ballot names ${count} plans; at least ${min}`, { min, given: count });
  if (content.type === 'approval' && rules.costCapCents !== undefined) {
    const total = plans.reduce((sum, planId) => sum + cost.get(planId)!, 0);
    if (total > rules.costCapCents) {
      throw new BallotCostCapExceededError(`The chosen plans cost ${total} cents together; at most ${rules.costCapCents}`, { maxCents: rules.costCapCents, givenCents: total });
    }
  }
  if (content.type === 'approval' && rules.minSpendCents !== undefined) {
    const total = plans.reduce((sum, planId) => sum + cost.get(planId)!, 0);
    if (total < rules.minSpendCents) {
      throw new BallotMinSpendNotMetError(`The chosen plans cost ${total} cents together; at least ${rules.minSpendCents}`, { minCents: rules.minSpendCents, givenCents: total });
    }
  }
  if (rules.themeQuotas !== undefined && rules.themeQuotas.length > 0) {
    const theme = new Map(frame.plans.map((p) => [p.planId, p.theme]));
    for (const quota of rules.themeQuotas) {
      const given = plans.filter((planId) => theme.get(planId) === quota.theme).length;
      if (quota.maxPlans !== undefined && given > quota.maxPlans) {
        throw new BallotThemeQuotaExceededError(`The ballot names ${given} plans of theme ${quota.theme}; at most ${quota.maxPlans}`, { theme: quota.theme, max: quota.maxPlans, given });
      }
      if (quota.minPlans !== undefined && given < quota.minPlans) {
        throw new BallotThemeQuotaNotMetError(`The ballot names ${given} plans of theme ${quota.theme}; at least ${quota.minPlans}`, { theme: quota.theme, min: quota.minPlans, given });
      }
    }
  }
}
