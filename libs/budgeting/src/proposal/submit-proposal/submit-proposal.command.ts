import type { FrameForm } from '../../budget/budget.events.js';
import type { CostEstimate, Intake, ProposalSubmitted } from '../proposal.events.js';
import {
  ProposalAlreadySubmittedError,
  ProposalAmountOutOfRangeError,
  ProposalNoIntakeDateError,
  ProposalSubmissionClosedError,
  ProposalUnknownAreaError,
  ProposalUnknownThemeError,
} from '../proposal.errors.js';
import { amsterdamDate, statutoryDeadline } from '../proposal.deadlines.js';
import { requireCents } from '../proposal.guards.js';
import type { ProposalState } from '../proposal.state.js';
import { requestedCents } from '../proposal.state.js';

/** Awb 4:13 leaves the period to the regulation; eight weeks is the statutory fallback. */
export const DEFAULT_DECISION_PERIOD_DAYS = 56;

/** What the round and its frame say about submissions, read by the handler from their streams. */
export interface SubmissionFrame {
  roundId: string;
  budgetId: string;
  form: FrameForm;
  acceptsSubmissions: boolean;
  areas: string[];
  /** null: the frame restricts no themes. */
  themes: string[] | null;
  minAmountCents: number | null;
  maxAmountCents: number | null;
  /** Criteria published before submission opened. */
  publishedCriteria: string[];
  /** Initiatievenfonds only. */
  decisionPeriodDays: number | null;
  /** Initiatievenfonds only: how long the one extension may be. */
  maxExtensionDays: number | null;
  /** Initiatievenfonds: applications asking more than this wait for the next fixed intake date. */
  fixedIntakeThresholdCents: number | null;
  /** ISO dates (YYYY-MM-DD). */
  fixedIntakeDates: string[];
  /** The end (ISO instant) of the closing day the schedule gives the submission or intake phase; null: the phase change alone closes intake. Residents submit and amend until then. */
  intakeClosesAt: string | null;
}

/** What every submission of a plan carries, by staff or by the resident themselves. */
export interface PlanSubmission {
  proposalId: string;
  /** A reference for the submitter, never a name or BSN. */
  submitterRef: string;
  areaId: string;
  themeId: string;
  title: string;
  summary: string;
  costEstimate: CostEstimate;
  at: string;
  frame: SubmissionFrame;
}

/** Staff submit a plan on a resident's behalf (a desk, a letter); `submitterStaffRef` is who entered it, null when nobody did. */
export class SubmitProposal {
  readonly type = 'SubmitProposal' as const;
  constructor(readonly data: PlanSubmission & { submitterStaffRef: string | null }) {}
}

export function submitProposal(command: SubmitProposal, state: ProposalState): ProposalSubmitted[] {
  const { proposalId, frame, costEstimate, at } = command.data;
  if (state.exists) throw new ProposalAlreadySubmittedError(`Plan ${proposalId} was already submitted`, { proposalId });
  if (!frame.acceptsSubmissions) throw new ProposalSubmissionClosedError(`Round ${frame.roundId} does not accept plans now`, { roundId: frame.roundId });
  if (!frame.areas.includes(command.data.areaId)) throw new ProposalUnknownAreaError(`Area ${command.data.areaId} is not in this budget's frame`, { areaId: command.data.areaId });
  if (frame.themes !== null && !frame.themes.includes(command.data.themeId)) throw new ProposalUnknownThemeError(`Theme ${command.data.themeId} is not in this budget's frame`, { themeId: command.data.themeId });
  requireCents(costEstimate.investmentCents, 'costEstimate.investmentCents');
  requireCents(costEstimate.maintenancePerYearCents, 'costEstimate.maintenancePerYearCents');
  if (!Number.isSafeInteger(costEstimate.maintenanceYears) || costEstimate.maintenanceYears < 0) requireCents(-1, 'costEstimate.maintenanceYears');

  const version = { number: 1, title: command.data.title, summary: command.data.summary, costEstimate, at };
  const requested = requestedCents(version);
  if ((frame.minAmountCents !== null && requested < frame.minAmountCents) || (frame.maxAmountCents !== null && requested > frame.maxAmountCents)) {
    throw new ProposalAmountOutOfRangeError('The plan asks for an amount outside the frame', { requestedCents: requested, minAmountCents: frame.minAmountCents, maxAmountCents: frame.maxAmountCents });
  }

  return [
    {
      type: 'ProposalSubmitted',
      data: {
        proposalId,
        roundId: frame.roundId,
        budgetId: frame.budgetId,
        form: frame.form,
        areaId: command.data.areaId,
        themeId: command.data.themeId,
        submitterRef: command.data.submitterRef,
        submitterStaffRef: command.data.submitterStaffRef,
        version,
        publishedCriteria: [...frame.publishedCriteria],
        intake: intakeOf(frame, requested, at),
        submittedAt: at,
      },
    },
  ];
}

function intakeOf(frame: SubmissionFrame, requested: number, at: string): Intake {
  if (frame.form !== 'initiatievenfonds') return { kind: 'round' };
  const decisionPeriodDays = frame.decisionPeriodDays ?? DEFAULT_DECISION_PERIOD_DAYS;
  const maxExtensionDays = frame.maxExtensionDays ?? decisionPeriodDays;
  if (frame.fixedIntakeThresholdCents !== null && requested > frame.fixedIntakeThresholdCents) {
    const today = amsterdamDate(at);
    const intakeDate = [...frame.fixedIntakeDates].sort().find((date) => date >= today);
    if (intakeDate === undefined) throw new ProposalNoIntakeDateError('No fixed intake date is scheduled for applications above the threshold', { thresholdCents: frame.fixedIntakeThresholdCents });
    // The period runs from the intake date the application waits for, not from receipt.
    return { kind: 'fixed-date', intakeDate, decisionPeriodDays, maxExtensionDays, decisionDeadline: statutoryDeadline(intakeDate, decisionPeriodDays) };
  }
  // Counted in days after the day of receipt in Amsterdam; a term ending on a weekend or holiday runs on (Atw).
  return { kind: 'continuous', decisionPeriodDays, maxExtensionDays, decisionDeadline: statutoryDeadline(amsterdamDate(at), decisionPeriodDays) };
}
