import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { StreamStateCache } from '@lib/es';
import { type EventStore, SqlEventStore } from '@lib/event-store';
import { AppConfig, CLOCK, type Clock, databaseOf, EVENT_STORE, ID_GENERATOR, type IdGenerator } from '@lib/platform';
import { ChangeBallotBoxPhaseController } from './ballot-box/change-phase/change-phase.controller.js';
import { ChangeBallotBoxPhaseHandler } from './ballot-box/change-phase/change-phase.handler.js';
import { CheckBallotBoxFollowsHandler, CountRoundBallotsHandler } from './ballot-box/follow-round/follow-round.handler.js';
import { BallotBoxReactions } from './ballot-box/follow-round/follow-round.reactions.js';
import { GetBallotBoxController } from './ballot-box/get-ballot-box/get-ballot-box.controller.js';
import { GetBallotBoxHandler } from './ballot-box/get-ballot-box/get-ballot-box.query.js';
import { PrepareBallotBoxController } from './ballot-box/prepare-ballot-box/prepare-ballot-box.controller.js';
import { PrepareBallotBoxHandler } from './ballot-box/prepare-ballot-box/prepare-ballot-box.handler.js';
import { BallotPaperController } from './ballot/ballot-paper/ballot-paper.controller.js';
import { GetBallotPaperHandler } from './ballot/ballot-paper/ballot-paper.query.js';
import { CastAssistedBallotController } from './ballot/cast-assisted-ballot/cast-assisted-ballot.controller.js';
import { CastAssistedBallotHandler } from './ballot/cast-assisted-ballot/cast-assisted-ballot.handler.js';
import { CastBallotController } from './ballot/cast-ballot/cast-ballot.controller.js';
import { CastBallotHandler } from './ballot/cast-ballot/cast-ballot.handler.js';
import { MyBallotController } from './ballot/my-ballot/my-ballot.controller.js';
import { GetMyBallotHandler } from './ballot/my-ballot/my-ballot.query.js';
import { ReceiptController, ReceiptLimiter } from './ballot/receipt/receipt.controller.js';
import { ReceiptIndex } from './ballot/receipt/receipt.index.js';
import { EqualShares, GetMyResultHandler, GetReceiptHandler } from './ballot/receipt/receipt.query.js';
import { ReplaceBallotController } from './ballot/replace-ballot/replace-ballot.controller.js';
import { ReplaceBallotHandler } from './ballot/replace-ballot/replace-ballot.handler.js';
import { GetCountController } from './count/get-count/get-count.controller.js';
import { GetCountHandler } from './count/get-count/get-count.query.js';
import { ConfirmPaperBatchController } from './paper-batch/confirm-paper-batch/confirm-paper-batch.controller.js';
import { ConfirmPaperBatchHandler } from './paper-batch/confirm-paper-batch/confirm-paper-batch.handler.js';
import { EnterPaperBallotController } from './paper-batch/enter-paper-ballot/enter-paper-ballot.controller.js';
import { EnterPaperBallotHandler } from './paper-batch/enter-paper-ballot/enter-paper-ballot.handler.js';
import { OpenPaperBatchController } from './paper-batch/open-paper-batch/open-paper-batch.controller.js';
import { OpenPaperBatchHandler } from './paper-batch/open-paper-batch/open-paper-batch.handler.js';
import { PaperBatchReactions } from './paper-batch/paper-count/paper-count.reactions.js';
import { ParticipantReactions } from './participant/code-successor/code-successor.reactions.js';
import { BlockVotingCodeController } from './participant/block-voting-code/block-voting-code.controller.js';
import { BlockVotingCodeHandler } from './participant/block-voting-code/block-voting-code.handler.js';
import { GenerateVotingCodesController } from './participant/generate-voting-codes/generate-voting-codes.controller.js';
import { GenerateVotingCodesHandler } from './participant/generate-voting-codes/generate-voting-codes.handler.js';
import { ImportVoterRollController } from './participant/import-voter-roll/import-voter-roll.controller.js';
import { ImportVoterRollHandler } from './participant/import-voter-roll/import-voter-roll.handler.js';
import { ReissueVotingCodeController } from './participant/reissue-voting-code/reissue-voting-code.controller.js';
import { ReissueVotingCodeHandler } from './participant/reissue-voting-code/reissue-voting-code.handler.js';
import { FileRoundKeyVault } from './round-key/round-key.file-vault.js';
import { moveSqlRoundKeys, ROUND_KEY_VAULT, type RoundKeyVault } from './round-key/round-key.vault.js';
import { ResidentVoterSessionController } from './voter-session/resident-voter-session/resident-voter-session.controller.js';
import { OpenResidentVoterSessionHandler } from './voter-session/resident-voter-session/resident-voter-session.handler.js';
import { VoterSessionController } from './voter-session/voter-session.controller.js';
import { VoterSessionLimiter } from './voter-session/voter-session.limiter.js';
import { OpenVoterSessionHandler } from './voter-session/voter-session.handler.js';
import { VOTING_DEPS, type VotingDeps } from './voting.deps.js';

/**
 * The round keys live in ROUND_KEY_DIR, apart from the event database. Keys an older installation
 * kept in the database (`voting.round_keys`) are moved there first, and the table emptied.
 */
export async function roundKeyVaultFor(config: AppConfig, store: EventStore): Promise<RoundKeyVault> {
  const vault = await FileRoundKeyVault.open(config.roundKeyDir);
  const sql = databaseOf(store)?.sql ?? (store instanceof SqlEventStore ? store.driver : undefined);
  if (sql) await moveSqlRoundKeys(sql, vault);
  return vault;
}

/** The deps every voting handler runs with: one per process, so the ballot box and round stay folded in one cache. */
export function votingDepsFor(store: EventStore, vault: RoundKeyVault, clock: Clock, ids: IdGenerator): VotingDeps {
  return { store, vault, now: () => clock.now(), newId: () => ids.newId(), streams: new StreamStateCache() };
}

/** Voting: ballot box, voter roll and codes, voter sign-in, ballot paper, ballots (online and assisted), receipts, paper batches, count; one controller and one handler per use case. */
@Module({
  imports: [CqrsModule],
  controllers: [
    PrepareBallotBoxController,
    ChangeBallotBoxPhaseController,
    GetBallotBoxController,
    GetCountController,
    ImportVoterRollController,
    GenerateVotingCodesController,
    BlockVotingCodeController,
    ReissueVotingCodeController,
    VoterSessionController,
    ResidentVoterSessionController,
    CastBallotController,
    ReplaceBallotController,
    MyBallotController,
    BallotPaperController,
    CastAssistedBallotController,
    ReceiptController,
    OpenPaperBatchController,
    EnterPaperBallotController,
    ConfirmPaperBatchController,
  ],
  providers: [
    PrepareBallotBoxHandler,
    ChangeBallotBoxPhaseHandler,
    GetBallotBoxHandler,
    GetCountHandler,
    ImportVoterRollHandler,
    GenerateVotingCodesHandler,
    BlockVotingCodeHandler,
    ReissueVotingCodeHandler,
    OpenVoterSessionHandler,
    OpenResidentVoterSessionHandler,
    CastBallotHandler,
    ReplaceBallotHandler,
    GetMyBallotHandler,
    GetBallotPaperHandler,
    CastAssistedBallotHandler,
    GetReceiptHandler,
    GetMyResultHandler,
    ReceiptLimiter,
    { provide: ReceiptIndex, useFactory: () => new ReceiptIndex() },
    { provide: EqualShares, useFactory: () => new EqualShares() },
    OpenPaperBatchHandler,
    EnterPaperBallotHandler,
    ConfirmPaperBatchHandler,
    CheckBallotBoxFollowsHandler,
    BallotBoxReactions,
    PaperBatchReactions,
    ParticipantReactions,
    CountRoundBallotsHandler,
    VoterSessionLimiter,
    { provide: ROUND_KEY_VAULT, inject: [AppConfig, EVENT_STORE], useFactory: roundKeyVaultFor },
    { provide: VOTING_DEPS, inject: [EVENT_STORE, ROUND_KEY_VAULT, CLOCK, ID_GENERATOR], useFactory: votingDepsFor },
  ],
})
export class VotingModule {}
