import type { RecordedEvent } from '@lib/event-store';
import { PROPOSAL_EVENT_TYPES, type ProposalEvent } from '@lib/budgeting/events';
import { domainEvent, type Projection, type ProjectionContext, tenantOf, truncateTables } from '../projection.js';
import { RowBatch } from '../rows.js';
import type { PlanRow, PlanVerdict } from './plan.entity.js';

const TABLES = ['plan'] as const;

/** Plans: status, area, theme, cost, feasibility per criterion, support, decision and implementation money. */
export const planProjection: Projection = {
  name: 'plans',
  // 2: the decision deadline and whether the beschikking came after it.
  version: 3,
  canHandle: PROPOSAL_EVENT_TYPES,
  tables: TABLES,
  truncate: truncateTables(TABLES),
  async handle(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
    const plans = new RowBatch<PlanRow>(context, 'plan', ['proposal_id']);
    await plans.load('proposal_id', events.map((e) => (e.data as { proposalId?: string }).proposalId));
    for (const recorded of events) {
      const event = domainEvent<ProposalEvent>(recorded);
      if (event.type === 'ProposalSubmitted') {
        plans.set(submitted(event.data, tenantOf(recorded)));
        continue;
      }
      const plan = plans.get(event.data.proposalId);
      if (plan) plans.set(evolvePlan(plan, event));
    }
    await plans.flush();
  },
};

function submitted(data: Extract<ProposalEvent, { type: 'ProposalSubmitted' }>['data'], tenant: string): PlanRow {
  return {
    proposal_id: data.proposalId,
    tenant,
    round_id: data.roundId,
    budget_id: data.budgetId,
    form: data.form,
    area_id: data.areaId,
    theme_id: data.themeId,
    title: data.version.title,
    summary: data.version.summary,
    version: data.version.number,
    cost_cents: data.version.costEstimate.investmentCents,
    maintenance_per_year_cents: data.version.costEstimate.maintenancePerYearCents,
    maintenance_years: data.version.costEstimate.maintenanceYears,
    status: 'submitted',
    feasibility: 'pending',
    published_criteria: data.publishedCriteria,
    verdicts: [],
    support_count: 0,
    support_threshold_reached: false,
    merged_into: null,
    decided_cents: 0,
    decision_reference: null,
    decision_reason: null,
    decided_at: null,
    decision_deadline: data.intake.kind === 'round' ? null : data.intake.decisionDeadline,
    decided_after_deadline: false,
    objection_status: null,
    objection_decision_due: null,
    objection_decided_after_term: false,
    implementation_started_on: null,
    paid_cents: 0,
    spent_cents: 0,
    returned_cents: 0,
    released_cents: 0,
    realised_at: null,
    submitted_at: data.submittedAt,
    updated_at: data.submittedAt,
  };
}

/** The plan after one event (pure). */
export function evolvePlan(plan: PlanRow, event: ProposalEvent): PlanRow {
  switch (event.type) {
    case 'ProposalSubmitted':
      return plan;
    case 'ProposalAmended': {
      const v = event.data.version;
      return withFeasibility({
        ...plan,
        title: v.title,
        summary: v.summary,
        version: v.number,
        cost_cents: v.costEstimate.investmentCents,
        maintenance_per_year_cents: v.costEstimate.maintenancePerYearCents,
        maintenance_years: v.costEstimate.maintenanceYears,
        updated_at: v.at,
      });
    }
    case 'ProposalWithdrawn':
      return { ...plan, status: 'withdrawn', decision_reason: event.data.reason, updated_at: event.data.withdrawnAt };
    case 'ProposalSupported':
      return { ...plan, support_count: event.data.supportCount, updated_at: event.data.at };
    case 'ProposalSupportThresholdReached':
      return { ...plan, support_count: event.data.supportCount, support_threshold_reached: true, updated_at: event.data.at };
    case 'ProposalSupportWithdrawn':
      // A threshold once reached stays reached: it was recorded as a fact when it happened.
      return { ...plan, support_count: event.data.supportCount, updated_at: event.data.at };
    case 'ProposalAwaitingModeration':
      return { ...plan, status: 'awaiting_moderation', updated_at: event.data.at };
    case 'ProposalAdmittedToIntake':
      return { ...plan, status: 'submitted', decision_reason: event.data.reason, updated_at: event.data.at };
    case 'ProposalRefusedAtIntake':
      return { ...plan, status: 'moderation_refused', decision_reason: event.data.reason, updated_at: event.data.at };
    case 'ProposalDecisionDeadlineExtended':
      return { ...plan, decision_deadline: event.data.newDeadline, updated_at: event.data.at };
    case 'ProposalAbsorbed':
    case 'ProposalReviewerConflictDeclared':
      return { ...plan, updated_at: event.data.at };
    case 'ProposalMergedInto':
      return { ...plan, status: 'merged', merged_into: event.data.continuingProposalId, decision_reason: event.data.reason, updated_at: event.data.at };
    case 'ProposalFeasibilityVerdictGiven': {
      const d = event.data;
      const verdict: PlanVerdict = { criterionId: d.criterionId, outcome: d.outcome, reason: d.reason, reviewerRef: d.reviewerRef, version: d.version, at: d.at };
      return withFeasibility({ ...plan, verdicts: [...plan.verdicts.filter((v) => v.criterionId !== d.criterionId), verdict], updated_at: d.at });
    }
    case 'ProposalAdmittedToBallot':
      return { ...plan, status: 'admitted', decision_reason: event.data.reason, updated_at: event.data.at };
    case 'ProposalRefusedForBallot':
      return { ...plan, status: 'refused', decision_reason: event.data.reason, updated_at: event.data.at };
    case 'ProposalSelected':
      return { ...plan, status: 'selected', decided_cents: plan.cost_cents, decision_reason: event.data.reason, decided_at: event.data.at, updated_at: event.data.at };
    case 'ProposalNotSelected':
      return { ...plan, status: 'not_selected', decided_cents: 0, decision_reason: event.data.reason, decided_at: event.data.at, updated_at: event.data.at };
    case 'ProposalGranted':
      return {
        ...plan,
        // A revised grant (on an objection) raises the amount of a plan that may be carried out already.
        status: event.data.onObjection !== undefined && plan.status !== 'grant_refused' ? plan.status : 'granted',
        decided_cents: event.data.amountCents,
        decision_reference: event.data.decisionReference,
        decision_reason: event.data.reason,
        decided_at: event.data.at,
        decided_after_deadline: event.data.decidedAfterDeadline !== undefined,
        updated_at: event.data.at,
      };
    case 'ProposalGrantRefused':
      return {
        ...plan,
        status: 'grant_refused',
        decision_reference: event.data.decisionReference,
        decision_reason: event.data.reason,
        decided_at: event.data.at,
        decided_after_deadline: event.data.decidedAfterDeadline !== undefined,
        updated_at: event.data.at,
      };
    case 'ProposalImplementationStarted':
      return { ...plan, status: 'in_implementation', implementation_started_on: event.data.startedOn, updated_at: event.data.at };
    case 'ProposalPaymentRecorded':
      return { ...plan, paid_cents: event.data.paidTotalCents, updated_at: event.data.at };
    case 'ProposalRealised':
      return { ...plan, status: 'realised', spent_cents: event.data.spentCents, released_cents: plan.released_cents + event.data.releasedCents, realised_at: event.data.at, updated_at: event.data.at };
    case 'ProposalPartlyRealised':
      return {
        ...plan,
        status: 'partly_realised',
        spent_cents: event.data.spentCents,
        released_cents: plan.released_cents + event.data.releasedCents,
        realised_at: event.data.at,
        updated_at: event.data.at,
      };
    case 'ProposalImplementationCancelled':
      return { ...plan, status: 'cancelled', released_cents: plan.released_cents + event.data.releasedCents, decision_reason: event.data.reason, updated_at: event.data.at };
    case 'ProposalMoneyReturned':
      return { ...plan, returned_cents: event.data.returnedTotalCents, released_cents: plan.released_cents + event.data.releasedCents, updated_at: event.data.at };
    case 'ProposalObjectionLodged':
      return { ...plan, objection_status: 'lodged', objection_decision_due: event.data.decisionDueBy, objection_decided_after_term: false, updated_at: event.data.at };
    case 'ProposalObjectionDecisionTermExtended':
      return { ...plan, objection_decision_due: event.data.newDue, updated_at: event.data.at };
    case 'ProposalObjectionDecided':
      return { ...plan, objection_status: 'decided', objection_decided_after_term: event.data.decidedAfterTerm !== undefined, updated_at: event.data.at };
    case 'ProposalBeroepLodged':
      return { ...plan, objection_status: 'in_beroep', updated_at: event.data.at };
    case 'ProposalBeroepRuled':
      return event.data.outcome === 'gegrond'
        ? { ...plan, objection_status: 'lodged', objection_decision_due: event.data.redecisionDueBy, updated_at: event.data.at }
        : { ...plan, objection_status: 'final', updated_at: event.data.at };
    case 'ProposalObjectionLatenessJudged':
    case 'ProposalObjectionHearingScheduled':
    case 'ProposalObjectionHeard':
    case 'ProposalObjectionHearingSkipped':
      return { ...plan, updated_at: event.data.at };
  }
}

/** Feasible when every published criterion is met for the current version; one not met decides it. */
function withFeasibility(plan: PlanRow): PlanRow {
  const current = plan.verdicts.filter((v) => v.version === plan.version);
  let feasibility = 'pending';
  if (current.some((v) => v.outcome === 'not_met')) feasibility = 'not_feasible';
  else if (current.some((v) => v.outcome === 'needs_revision')) feasibility = 'needs_revision';
  else if (plan.published_criteria.every((c) => current.some((v) => v.criterionId === c && v.outcome === 'met'))) feasibility = 'feasible';
  return { ...plan, feasibility };
}
