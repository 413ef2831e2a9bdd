import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AmendMyProposalController } from './proposal/amend-my-proposal/amend-my-proposal.controller.js';
import { AmendMyProposalHandler } from './proposal/amend-my-proposal/amend-my-proposal.handler.js';
import { ListMyProposalsController } from './proposal/list-my-proposals/list-my-proposals.controller.js';
import { GetMyProposalHandler, ListMyProposalsHandler } from './proposal/list-my-proposals/list-my-proposals.query.js';
import { ModerateProposalController } from './proposal/moderate-proposal/moderate-proposal.controller.js';
import { ModerateProposalHandler } from './proposal/moderate-proposal/moderate-proposal.handler.js';
import { SubmitMyProposalController } from './proposal/submit-my-proposal/submit-my-proposal.controller.js';
import { SubmitMyProposalHandler } from './proposal/submit-my-proposal/submit-my-proposal.handler.js';
import { SupportMyProposalController } from './proposal/support-proposal/support-my-proposal.controller.js';
import { WithdrawSupportController } from './proposal/withdraw-support/withdraw-support.controller.js';
import { WithdrawSupportHandler } from './proposal/withdraw-support/withdraw-support.handler.js';
import { AmendProposalController } from './proposal/amend-proposal/amend-proposal.controller.js';
import { AmendProposalHandler } from './proposal/amend-proposal/amend-proposal.handler.js';
import { CloseImplementationController } from './proposal/close-implementation/close-implementation.controller.js';
import { CloseImplementationHandler } from './proposal/close-implementation/close-implementation.handler.js';
import { CONTACT_DETAILS_PROVIDERS } from './proposal/contact-details/contact-details.provider.js';
import { DecideAdmissionController } from './proposal/decide-admission/decide-admission.controller.js';
import { DecideAdmissionHandler } from './proposal/decide-admission/decide-admission.handler.js';
import { DecideGrantController } from './proposal/decide-grant/decide-grant.controller.js';
import { DecideGrantHandler } from './proposal/decide-grant/decide-grant.handler.js';
import { DeclareConflictOfInterestController } from './proposal/declare-conflict-of-interest/declare-conflict-of-interest.controller.js';
import { DeclareConflictOfInterestHandler } from './proposal/declare-conflict-of-interest/declare-conflict-of-interest.handler.js';
import { ExtendDecisionDeadlineController } from './proposal/extend-decision-deadline/extend-decision-deadline.controller.js';
import { ExtendDecisionDeadlineHandler } from './proposal/extend-decision-deadline/extend-decision-deadline.handler.js';
import { GetProposalController } from './proposal/get-proposal/get-proposal.controller.js';
import { GetProposalHandler } from './proposal/get-proposal/get-proposal.query.js';
import { GiveFeasibilityVerdictController } from './proposal/give-feasibility-verdict/give-feasibility-verdict.controller.js';
import { GiveFeasibilityVerdictHandler } from './proposal/give-feasibility-verdict/give-feasibility-verdict.handler.js';
import { ListProposalsController } from './proposal/list-proposals/list-proposals.controller.js';
import { ListProposalsHandler } from './proposal/list-proposals/list-proposals.query.js';
import { MergeProposalsController } from './proposal/merge-proposals/merge-proposals.controller.js';
import { MergeProposalsHandler } from './proposal/merge-proposals/merge-proposals.handler.js';
import { PlanReactions } from './proposal/proposal.reactions.js';
import { BeroepController } from './proposal/objection/beroep/beroep.controller.js';
import { DecideObjectionController } from './proposal/objection/decide-objection/decide-objection.controller.js';
import { DecideObjectionHandler } from './proposal/objection/decide-objection/decide-objection.handler.js';
import { ExtendObjectionTermController } from './proposal/objection/extend-objection-term/extend-objection-term.controller.js';
import { HearingController } from './proposal/objection/hearing/hearing.controller.js';
import { JudgeLatenessController } from './proposal/objection/judge-lateness/judge-lateness.controller.js';
import { LodgeMyObjectionController } from './proposal/objection/lodge-objection/lodge-my-objection.controller.js';
import { LodgeObjectionController } from './proposal/objection/lodge-objection/lodge-objection.controller.js';
import { LodgeObjectionHandler } from './proposal/objection/lodge-objection/lodge-objection.handler.js';
import { ObjectionStepHandler } from './proposal/objection/objection.handler.js';
import { ObjectionLettersController } from './proposal/objection/objection-letters/objection-letters.controller.js';
import { ROUND_GATEWAY } from './proposal/proposal.round-gateway.js';
import { RecordMoneyReturnedController } from './proposal/record-money-returned/record-money-returned.controller.js';
import { RecordMoneyReturnedHandler } from './proposal/record-money-returned/record-money-returned.handler.js';
import { RecordPaymentController } from './proposal/record-payment/record-payment.controller.js';
import { RecordPaymentHandler } from './proposal/record-payment/record-payment.handler.js';
import { RecordSelectionController } from './proposal/record-selection/record-selection.controller.js';
import { RecordSelectionHandler } from './proposal/record-selection/record-selection.handler.js';
import { StartImplementationController } from './proposal/start-implementation/start-implementation.controller.js';
import { StartImplementationHandler } from './proposal/start-implementation/start-implementation.handler.js';
import { StreamRoundGateway } from './proposal/round-adapter/stream-round.gateway.js';
import { SubmitProposalController } from './proposal/submit-proposal/submit-proposal.controller.js';
import { SubmitProposalHandler } from './proposal/submit-proposal/submit-proposal.handler.js';
import { SupportProposalController } from './proposal/support-proposal/support-proposal.controller.js';
import { SupportProposalHandler } from './proposal/support-proposal/support-proposal.handler.js';
import { WithdrawProposalController } from './proposal/withdraw-proposal/withdraw-proposal.controller.js';
import { WithdrawProposalHandler } from './proposal/withdraw-proposal/withdraw-proposal.handler.js';

/** The `Proposal-<id>` stream (plans) over HTTP: one controller and one command handler per use case, reads over the QueryBus. */
@Module({
  imports: [CqrsModule],
  controllers: [
    SubmitProposalController,
    ListProposalsController,
    GetProposalController,
    AmendProposalController,
    WithdrawProposalController,
    SupportProposalController,
    MergeProposalsController,
    DeclareConflictOfInterestController,
    GiveFeasibilityVerdictController,
    DecideAdmissionController,
    RecordSelectionController,
    ExtendDecisionDeadlineController,
    DecideGrantController,
    StartImplementationController,
    RecordPaymentController,
    CloseImplementationController,
    RecordMoneyReturnedController,
    ModerateProposalController,
    SubmitMyProposalController,
    ListMyProposalsController,
    AmendMyProposalController,
    SupportMyProposalController,
    WithdrawSupportController,
    LodgeObjectionController,
    LodgeMyObjectionController,
    JudgeLatenessController,
    HearingController,
    ExtendObjectionTermController,
    DecideObjectionController,
    BeroepController,
    ObjectionLettersController,
  ],
  providers: [
    PlanReactions,
    SubmitProposalHandler,
    AmendProposalHandler,
    WithdrawProposalHandler,
    SupportProposalHandler,
    MergeProposalsHandler,
    DeclareConflictOfInterestHandler,
    GiveFeasibilityVerdictHandler,
    DecideAdmissionHandler,
    RecordSelectionHandler,
    ExtendDecisionDeadlineHandler,
    DecideGrantHandler,
    StartImplementationHandler,
    RecordPaymentHandler,
    CloseImplementationHandler,
    RecordMoneyReturnedHandler,
    GetProposalHandler,
    ListProposalsHandler,
    ModerateProposalHandler,
    SubmitMyProposalHandler,
    AmendMyProposalHandler,
    WithdrawSupportHandler,
    ListMyProposalsHandler,
    GetMyProposalHandler,
    LodgeObjectionHandler,
    ObjectionStepHandler,
    DecideObjectionHandler,
    ...CONTACT_DETAILS_PROVIDERS,
    { provide: ROUND_GATEWAY, useClass: StreamRoundGateway },
  ],
})
export class ProposalModule {}
