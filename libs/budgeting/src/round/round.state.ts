import type { PlanCriterion } from '../budget/budget.events.js';
import type {
  CarryOver,
  DecidedBy,
  PlanOutcome,
  RoundDecision,
  RoundEvent,
  RoundFrame,
  ResultCount,
  RoundPhase,
  ScheduledPhase,
  Winner,
} from './round.events.js';

export interface Commitment {
  amountCents: number;
  areaCode: string | null;
}

export interface RoundResult {
  winners: Winner[];
  explanation: PlanOutcome[];
  totalCents: number;
  /** `count`: counted by the server from the ballots; `decision`: the residents' body's; `data`: published as given (before counting was wired in). */
  basis: 'count' | 'decision' | 'data';
  count: ResultCount | null;
  /** The residents' body's decision behind a result it decided. */
  decision: RoundDecision | null;
  reason: string | null;
  publishedAt: string;
  /** 0: as published; n: after the n-th correction. */
  corrections: number;
  adoption: { decision: RoundDecision | null; reason: string; at: string } | null;
}

export interface PhaseChange {
  from: RoundPhase;
  to: RoundPhase;
  reason: string;
  decision: RoundDecision | null;
  at: string;
}

export interface ExistingRound {
  exists: true;
  roundId: string;
  budgetId: string;
  form: RoundFrame['form'];
  title: string;
  year: number;
  decidedBy: DecidedBy | null;
  pipeline: RoundPhase[];
  schedule: ScheduledPhase[];
  carryOver: CarryOver[];
  intakeDates: string[];
  phase: RoundPhase;
  history: PhaseChange[];
  /** The frame version the round runs under: follows amendments until its rules are frozen. */
  frameVersion: number;
  frame: RoundFrame;
  /** Set when voting (or deliberation) opened; the version can no longer change. */
  rulesFrozenAt: string | null;
  submissionOpenedAt: string | null;
  /** The criteria published before submission opened (null until it opened); later amendments never add to them. */
  criteriaPublishedBeforeSubmission: PlanCriterion[] | null;
  ceilingCents: number;
  committedCents: number;
  /** Per area code; empty when the round spends one pot. */
  areaCommittedCents: Record<string, number>;
  commitments: Record<string, Commitment>;
  /** The causes of the releases applied so far (`FundsReleased.cause`): a release for one of them is not applied twice. */
  releaseCauses: string[];
  /** Releases recorded without a cause (manual ones, and those made before releases carried theirs), by `uncausedReleaseKey`. */
  uncausedReleases: string[];
  result: RoundResult | null;
  /** Set when the round was cancelled (its phase is `closed` then). */
  cancelled: { reason: string; decision: RoundDecision; at: string } | null;
}

export type RoundState = { exists: false } | ExistingRound;

export const initialRoundState = (): RoundState => ({ exists: false });

/** What identifies a release without a cause: the plan, the amount, the reason and the time. */
export function uncausedReleaseKey(release: { proposalId: string; amountCents: number; reason: string; at: string }): string {
  return JSON.stringify([release.proposalId, release.amountCents, release.reason, release.at]);
}

export function remainingCents(state: ExistingRound): number {
  return state.ceilingCents - state.committedCents;
}

export function evolveRound(state: RoundState, event: RoundEvent): RoundState {
  if (event.type === 'RoundPlanned') {
    const d = event.data;
    return {
      exists: true,
      roundId: d.roundId,
      budgetId: d.budgetId,
      form: d.frame.form,
      title: d.title,
      year: d.year,
      decidedBy: d.decidedBy,
      pipeline: d.pipeline,
      schedule: d.schedule,
      carryOver: d.carryOver,
      intakeDates: d.intakeDates,
      phase: 'planned',
      history: [],
      frameVersion: d.frame.version,
      frame: d.frame,
      rulesFrozenAt: null,
      submissionOpenedAt: null,
      criteriaPublishedBeforeSubmission: null,
      ceilingCents: d.frame.ceilingCents,
      committedCents: 0,
      areaCommittedCents: {},
      commitments: {},
      releaseCauses: [],
      uncausedReleases: [],
      result: null,
      cancelled: null,
    };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'RoundFollowedFrameAmendment':
      return { ...state, frameVersion: event.data.frame.version, frame: event.data.frame, ceilingCents: event.data.frame.ceilingCents };
    case 'RoundPhaseAdvanced': {
      const { from, to, reason, decision, at } = event.data;
      return { ...state, phase: to, history: [...state.history, { from, to, reason, decision, at }] };
    }
    case 'RoundCancelled':
      return { ...state, cancelled: { reason: event.data.reason, decision: event.data.decision, at: event.data.at } };
    case 'SubmissionOpened':
      return { ...state, submissionOpenedAt: event.data.at, criteriaPublishedBeforeSubmission: event.data.criteria };
    case 'RoundRulesFrozen':
      return { ...state, rulesFrozenAt: event.data.at };
    case 'FundsCommitted': {
      const { proposalId, amountCents, areaCode, committedCents } = event.data;
      const previous = state.commitments[proposalId]?.amountCents ?? 0;
      return {
        ...state,
        committedCents,
        areaCommittedCents: areaCode === null ? state.areaCommittedCents : { ...state.areaCommittedCents, [areaCode]: (state.areaCommittedCents[areaCode] ?? 0) + amountCents },
        commitments: { ...state.commitments, [proposalId]: { amountCents: previous + amountCents, areaCode } },
      };
    }
    case 'FundsReleased': {
      const { proposalId, amountCents, areaCode, committedCents, cause } = event.data;
      const previous = state.commitments[proposalId]?.amountCents ?? 0;
      return {
        ...state,
        ...(cause === undefined ? { uncausedReleases: [...state.uncausedReleases, uncausedReleaseKey(event.data)] } : { releaseCauses: [...state.releaseCauses, cause] }),
        committedCents,
        areaCommittedCents: areaCode === null ? state.areaCommittedCents : { ...state.areaCommittedCents, [areaCode]: (state.areaCommittedCents[areaCode] ?? 0) - amountCents },
        commitments: { ...state.commitments, [proposalId]: { amountCents: previous - amountCents, areaCode } },
      };
    }
    case 'ResultPublished': {
      const { winners, explanation, totalCents, at } = event.data;
      const result: RoundResult = {
        winners,
        explanation,
        totalCents,
        basis: event.data.basis ?? 'data',
        count: event.data.count ?? null,
        decision: event.data.decision ?? null,
        reason: event.data.reason ?? null,
        publishedAt: at,
        corrections: 0,
        adoption: null,
      };
      return { ...state, result };
    }
    case 'ResultAdopted': {
      if (state.result === null) return state;
      const { decision, reason, at } = event.data;
      return { ...state, result: { ...state.result, adoption: { decision, reason, at } } };
    }
    case 'ResultCorrected': {
      if (state.result === null) return state;
      const { winners, explanation, totalCents, correction } = event.data;
      return { ...state, result: { ...state.result, winners, explanation, totalCents, corrections: correction } };
    }
    case 'RoundSealed':
      return state;
    default:
      return state;
  }
}
