import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { type EventStore, SqlEventStore } from '@lib/event-store';
import { AppConfig, databaseOf, EVENT_STORE } from '@lib/platform';
import { BallotBoxController } from './ballot-box/ballot-box.controller.js';
import { CountRoundBallotsHandler, FollowRoundInBallotBoxHandler } from './ballot-box/follow-round/follow-round.handler.js';
import { BallotsController } from './ballot/ballots.controller.js';
import { PaperBatchesController } from './paper-batch/paper-batches.controller.js';
import { VoterRollController } from './participant/voter-roll.controller.js';
import { InMemoryRoundKeyVault, ROUND_KEY_VAULT, type RoundKeyVault, SqlRoundKeyVault } from './round-key/round-key.vault.js';
import { VoterSessionController } from './voter-session/voter-session.controller.js';
import { VoterSessionLimiter } from './voter-session/voter-session.limiter.js';
import { VotingRequestHandler } from './voting-http.js';

/** The round keys live in the process's SQL database (PGlite or PostgreSQL); only a store without one (tests) keeps them in memory. */
export async function roundKeyVaultFor(config: AppConfig, store: EventStore): Promise<RoundKeyVault> {
  const sql = databaseOf(store)?.sql ?? (store instanceof SqlEventStore ? store.driver : undefined);
  if (sql) return SqlRoundKeyVault.open(sql);
  if (config.mode !== 'embedded' || config.NODE_ENV === 'production') {
    throw new Error('The round key vault needs the SQL database (DATABASE_URL): keys in memory would be lost on restart');
  }
  return new InMemoryRoundKeyVault();
}

/** Voting: ballot box, voter roll and codes, voter sign-in, ballots, paper batches, count. */
@Module({
  imports: [CqrsModule],
  controllers: [BallotBoxController, VoterRollController, VoterSessionController, BallotsController, PaperBatchesController],
  providers: [
    VotingRequestHandler,
    FollowRoundInBallotBoxHandler,
    CountRoundBallotsHandler,
    VoterSessionLimiter,
    { provide: ROUND_KEY_VAULT, inject: [AppConfig, EVENT_STORE], useFactory: roundKeyVaultFor },
  ],
})
export class VotingModule {}
