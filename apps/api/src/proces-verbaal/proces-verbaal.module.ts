import { Module } from '@nestjs/common';
import { AppConfig } from '@lib/platform';
import { loadAuditDomain } from '../../../audit/src/audit-domain.js';
import { signerOf } from '../../../audit/src/record-signer.js';
import { AUDIT_DOMAIN, ProcesVerbaalController, RECORD_SIGNER } from './proces-verbaal.controller.js';

/**
 * `GET /rounds/{roundId}/proces-verbaal`. The record is `@lib/audit`'s, which may import only the
 * domain's events; the domain logic it folds and counts with (`AuditDomain`) and the municipality's
 * key are the audit app's own (`apps/audit/src/audit-domain.ts`, `record-signer.ts`), so the api and
 * `audit report` draw up and sign the same record in the same way. The key is opened at start:
 * an unreadable key file or wrong passphrase stops the api, as it stops `audit report`.
 */
@Module({
  controllers: [ProcesVerbaalController],
  providers: [
    { provide: RECORD_SIGNER, useFactory: (config: AppConfig) => signerOf(config), inject: [AppConfig] },
    { provide: AUDIT_DOMAIN, useValue: memo(loadAuditDomain) },
  ],
})
export class ProcesVerbaalModule {}

/** The domain, loaded on the first request and kept. */
function memo<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}
