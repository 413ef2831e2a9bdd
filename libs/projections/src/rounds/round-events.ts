/**
 * The fields of the `Round-<id>` events the read models read, as libs/budgeting/src/round/round.events.ts
 * defines them (not yet exported from @lib/budgeting; switch to its types once it is).
 */
export interface RoundFrameFields {
  version: number;
  form: string;
  ceilingCents: number;
  areaCeilings: { areaCode: string; amountCents: number }[];
  criteria: { id: string; text: string; kind: string }[];
  hasBallot: boolean;
}
export interface RoundDecisionFields {
  body: string;
  number: string;
  date: string;
}
export interface WinnerFields {
  proposalId: string;
  amountCents: number;
  areaCode: string | null;
}
export interface PlanOutcomeFields {
  proposalId: string;
  selected: boolean;
  explanation: string;
  votes?: number;
  details?: Record<string, unknown>;
}

export type RoundReadEvent =
  | {
      type: 'RoundPlanned';
      data: {
        roundId: string;
        budgetId: string;
        title: string;
        year: number;
        decidedBy: string | null;
        pipeline: string[];
        schedule: { phase: string; opensOn: string; closesOn?: string }[];
        frame: RoundFrameFields;
        plannedAt: string;
      };
    }
  | { type: 'RoundFollowedFrameAmendment'; data: { roundId: string; fromVersion: number; frame: RoundFrameFields; at: string } }
  | { type: 'RoundPhaseAdvanced'; data: { roundId: string; from: string; to: string; reason: string; decision: RoundDecisionFields | null; at: string } }
  | { type: 'SubmissionOpened'; data: { roundId: string; frameVersion: number; at: string } }
  | { type: 'RoundRulesFrozen'; data: { roundId: string; frameVersion: number; at: string } }
  | { type: 'FundsCommitted'; data: { roundId: string; proposalId: string; amountCents: number; committedCents: number; at: string } }
  | { type: 'FundsReleased'; data: { roundId: string; proposalId: string; amountCents: number; committedCents: number; reason: string; at: string } }
  | { type: 'ResultPublished'; data: { roundId: string; frameVersion: number; winners: WinnerFields[]; explanation: PlanOutcomeFields[]; totalCents: number; at: string } }
  | { type: 'ResultAdopted'; data: { roundId: string; decision: RoundDecisionFields | null; reason: string; at: string } }
  | {
      type: 'ResultCorrected';
      data: { roundId: string; correction: number; winners: WinnerFields[]; explanation: PlanOutcomeFields[]; totalCents: number; reason: string; decision: RoundDecisionFields; at: string };
    };

export const ROUND_READ_EVENT_TYPES: RoundReadEvent['type'][] = [
  'RoundPlanned',
  'RoundFollowedFrameAmendment',
  'RoundPhaseAdvanced',
  'SubmissionOpened',
  'RoundRulesFrozen',
  'FundsCommitted',
  'FundsReleased',
  'ResultPublished',
  'ResultAdopted',
  'ResultCorrected',
];
