import type { PlanCriterion } from '../../budget/budget.events.js';
import type { ExistingRound } from '../../round/round.state.js';
import { endOfAmsterdamDay } from '../proposal.deadlines.js';
import type { SubmissionFrame } from '../submit-proposal/submit-proposal.command.js';

function criterion(criteria: readonly PlanCriterion[], kind: PlanCriterion['kind']): PlanCriterion | undefined {
  return criteria.find((c) => c.kind === kind);
}

/** What a submission needs from the round (phase, published criteria, intake rules and dates) and the areas of its frame version. */
export function submissionFrameOf(round: ExistingRound, areas: string[]): SubmissionFrame {
  // Only criteria published when submission opened count; before that, no plan can come in.
  const published = round.criteriaPublishedBeforeSubmission ?? [];
  const acceptsSubmissions = round.criteriaPublishedBeforeSubmission !== null && (round.phase === 'submission' || round.phase === 'intake');
  const intake = round.frame.intake;
  return {
    roundId: round.roundId,
    budgetId: round.budgetId,
    form: round.form,
    acceptsSubmissions,
    areas,
    themes: criterion(published, 'themes')?.themes ?? null,
    minAmountCents: criterion(published, 'minimum-amount')?.amountCents ?? null,
    maxAmountCents: criterion(published, 'maximum-amount')?.amountCents ?? null,
    publishedCriteria: published.map((c) => c.id),
    decisionPeriodDays: intake === null ? null : intake.decisionTermWeeks * 7,
    maxExtensionDays: intake === null ? null : intake.extensionWeeks * 7,
    fixedIntakeThresholdCents: intake === null ? null : intake.fixedIntakeAboveCents,
    fixedIntakeDates: round.intakeDates,
    intakeClosesAt: intakeClosesAt(round),
  };
}

/** Support is gathered while plans come in and in the support phase; the threshold is the frame's support criterion. */
export function supportRulesOf(round: ExistingRound): { supportOpen: boolean; supportThreshold: number | null } {
  const published = round.criteriaPublishedBeforeSubmission ?? round.frame.criteria;
  return {
    supportOpen: round.phase === 'submission' || round.phase === 'support',
    supportThreshold: criterion(published, 'support-threshold')?.supporters ?? null,
  };
}

/** The end of the closing day the schedule gives the submission (or intake) phase, in Amsterdam; null when it gives none. */
export function intakeClosesAt(round: ExistingRound): string | null {
  const closesOn = round.schedule.find((entry) => entry.phase === 'submission' || entry.phase === 'intake')?.closesOn;
  return closesOn === undefined ? null : endOfAmsterdamDay(closesOn);
}
