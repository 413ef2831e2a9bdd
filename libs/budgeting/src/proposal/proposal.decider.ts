import type { Decider } from '@lib/es';
import { type AmendProposal, amendProposal } from './amend-proposal/amend-proposal.command.js';
import { type DeclareConflictOfInterest, declareConflictOfInterest } from './declare-conflict-of-interest/declare-conflict-of-interest.command.js';
import { type DecideAdmission, decideAdmission } from './decide-admission/decide-admission.command.js';
import { type DecideGrant, decideGrant, type RecordGrant, recordGrant } from './decide-grant/decide-grant.command.js';
import { type ExtendDecisionDeadline, extendDecisionDeadline } from './extend-decision-deadline/extend-decision-deadline.command.js';
import { type GiveFeasibilityVerdict, giveFeasibilityVerdict } from './give-feasibility-verdict/give-feasibility-verdict.command.js';
import { type CloseImplementation, closeImplementation } from './close-implementation/close-implementation.command.js';
import { type AbsorbProposal, absorbProposal, type MergeIntoProposal, mergeIntoProposal, type RecordAbsorption, recordAbsorption } from './merge-proposals/merge-proposals.command.js';
import { type AmendOwnProposal, amendOwnProposal } from './amend-my-proposal/amend-my-proposal.command.js';
import { type ModerateProposal, moderateProposal } from './moderate-proposal/moderate-proposal.command.js';
import type { ProposalEvent } from './proposal.events.js';
import { type RecordBeroep, recordBeroep, type RecordCourtRuling, recordCourtRuling } from './objection/beroep/beroep.command.js';
import { type DecideObjection, decideObjection } from './objection/decide-objection/decide-objection.command.js';
import { type ExtendObjectionDecisionTerm, extendObjectionDecisionTerm } from './objection/extend-objection-term/extend-objection-term.command.js';
import {
  type RecordObjectionHearing,
  recordObjectionHearing,
  type ScheduleObjectionHearing,
  scheduleObjectionHearing,
  type SkipObjectionHearing,
  skipObjectionHearing,
} from './objection/hearing/hearing.command.js';
import { type JudgeObjectionLateness, judgeObjectionLateness } from './objection/judge-lateness/judge-lateness.command.js';
import { type LodgeObjection, lodgeObjection } from './objection/lodge-objection/lodge-objection.command.js';
import { evolveProposal, initialProposalState, type ProposalState } from './proposal.state.js';
import { type RecordMoneyReturned, recordMoneyReturned } from './record-money-returned/record-money-returned.command.js';
import { type RecordPayment, recordPayment } from './record-payment/record-payment.command.js';
import { type RecordSelection, recordSelection } from './record-selection/record-selection.command.js';
import { type StartImplementation, startImplementation } from './start-implementation/start-implementation.command.js';
import { type SubmitProposal, submitProposal } from './submit-proposal/submit-proposal.command.js';
import { type SubmitOwnProposal, submitOwnProposal } from './submit-my-proposal/submit-my-proposal.command.js';
import { type SupportProposal, supportProposal } from './support-proposal/support-proposal.command.js';
import { type WithdrawSupport, withdrawSupport } from './withdraw-support/withdraw-support.command.js';
import { type WithdrawProposal, withdrawProposal } from './withdraw-proposal/withdraw-proposal.command.js';

export type ProposalCommand =
  | SubmitProposal
  | AmendProposal
  | WithdrawProposal
  | SupportProposal
  | AbsorbProposal
  | MergeIntoProposal
  | RecordAbsorption
  | DeclareConflictOfInterest
  | GiveFeasibilityVerdict
  | DecideAdmission
  | RecordSelection
  | ExtendDecisionDeadline
  | DecideGrant
  | RecordGrant
  | StartImplementation
  | RecordPayment
  | CloseImplementation
  | RecordMoneyReturned
  | SubmitOwnProposal
  | AmendOwnProposal
  | ModerateProposal
  | WithdrawSupport
  | LodgeObjection
  | JudgeObjectionLateness
  | ScheduleObjectionHearing
  | RecordObjectionHearing
  | SkipObjectionHearing
  | ExtendObjectionDecisionTerm
  | DecideObjection
  | RecordBeroep
  | RecordCourtRuling;

function decide(command: ProposalCommand, state: ProposalState): ProposalEvent[] {
  switch (command.type) {
    case 'SubmitProposal':
      return submitProposal(command, state);
    case 'AmendProposal':
      return amendProposal(command, state);
    case 'WithdrawProposal':
      return withdrawProposal(command, state);
    case 'SupportProposal':
      return supportProposal(command, state);
    case 'AbsorbProposal':
      return absorbProposal(command, state);
    case 'MergeIntoProposal':
      return mergeIntoProposal(command, state);
    case 'RecordAbsorption':
      return recordAbsorption(command, state);
    case 'DeclareConflictOfInterest':
      return declareConflictOfInterest(command, state);
    case 'GiveFeasibilityVerdict':
      return giveFeasibilityVerdict(command, state);
    case 'DecideAdmission':
      return decideAdmission(command, state);
    case 'RecordSelection':
      return recordSelection(command, state);
    case 'ExtendDecisionDeadline':
      return extendDecisionDeadline(command, state);
    case 'DecideGrant':
      return decideGrant(command, state);
    case 'RecordGrant':
      return recordGrant(command, state);
    case 'StartImplementation':
      return startImplementation(command, state);
    case 'RecordPayment':
      return recordPayment(command, state);
    case 'CloseImplementation':
      return closeImplementation(command, state);
    case 'RecordMoneyReturned':
      return recordMoneyReturned(command, state);
    case 'SubmitOwnProposal':
      return submitOwnProposal(command, state);
    case 'AmendOwnProposal':
      return amendOwnProposal(command, state);
    case 'ModerateProposal':
      return moderateProposal(command, state);
    case 'WithdrawSupport':
      return withdrawSupport(command, state);
    case 'LodgeObjection':
      return lodgeObjection(command, state);
    case 'JudgeObjectionLateness':
      return judgeObjectionLateness(command, state);
    case 'ScheduleObjectionHearing':
      return scheduleObjectionHearing(command, state);
    case 'RecordObjectionHearing':
      return recordObjectionHearing(command, state);
    case 'SkipObjectionHearing':
      return skipObjectionHearing(command, state);
    case 'ExtendObjectionDecisionTerm':
      return extendObjectionDecisionTerm(command, state);
    case 'DecideObjection':
      return decideObjection(command, state);
    case 'RecordBeroep':
      return recordBeroep(command, state);
    case 'RecordCourtRuling':
      return recordCourtRuling(command, state);
  }
}

export const proposalDecider: Decider<ProposalCommand, ProposalState, ProposalEvent> = {
  decide,
  evolve: evolveProposal,
  initialState: initialProposalState,
};
