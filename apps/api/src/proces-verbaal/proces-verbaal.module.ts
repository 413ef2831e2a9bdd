import { type DynamicModule, Module } from '@nestjs/common';
import type { RecordSigner } from '@lib/audit';
import { loadAuditDomain } from '../../../audit/src/audit-domain.js';
import { AUDIT_DOMAIN, ProcesVerbaalController, RECORD_SIGNER } from './proces-verbaal.controller.js';

/**
 * `GET /rounds/{roundId}/proces-verbaal`. The record is `@lib/audit`'s, which may import only the
 * domain's events; the domain logic it folds and counts with (`AuditDomain`) and the municipality's
 * key are the audit app's own (`apps/audit/src/audit-domain.ts`, `record-signer.ts`), so the api and
 * `audit report` draw up and sign the same record in the same way. The key is opened by
 * `createApiApp` before the application is built: an unreadable key file or wrong passphrase stops
 * the api as an invalid configuration (exit 78), as it stops `audit report`.
 */
@Module({})
export class ProcesVerbaalModule {
  static forRoot(signer: RecordSigner | null): DynamicModule {
    return {
      module: ProcesVerbaalModule,
      controllers: [ProcesVerbaalController],
      providers: [
        { provide: RECORD_SIGNER, useValue: signer },
        { provide: AUDIT_DOMAIN, useValue: memo(loadAuditDomain) },
      ],
    };
  }
}

/** The domain, loaded on the first request and kept. */
function memo<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}
