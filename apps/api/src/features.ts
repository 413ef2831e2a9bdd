import type { DynamicModule } from '@nestjs/common';
import type { RecordSigner } from '@lib/audit';
import { BudgetModule, ProposalModule, RoundModule } from '@lib/budgeting';
import { ReadModelsModule } from '@lib/projections';
import { ErasureModule, ResidentSignInModule } from '@lib/platform';
import { VotingModule } from '@lib/voting';
import { ProcesVerbaalModule } from './proces-verbaal/proces-verbaal.module.js';

/** The feature modules the api serves; `recordSigner` signs the proces-verbaal (null: no key configured). */
export function featureModules(recordSigner: RecordSigner | null): NonNullable<DynamicModule['imports']> {
  return [BudgetModule, RoundModule, ProposalModule, ReadModelsModule, ErasureModule, ResidentSignInModule, VotingModule, ProcesVerbaalModule.forRoot(recordSigner)];
}
