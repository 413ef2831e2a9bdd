import type { Provider } from '@nestjs/common';
import { type EventStore, SqlEventStore } from '@lib/event-store';
import { AppConfig, databaseOf, EVENT_STORE, PERSONAL_DATA_KEYS } from '@lib/platform';
import { SqlVaultStorage } from './contact-details.sql-storage.js';
import { CONTACT_DETAILS_VAULT, type ContactDetailsVault, EncryptedContactDetailsVault } from './contact-details.vault.js';

/** Contact details live in the process's SQL database (PGlite or PostgreSQL); only a store without one (tests) keeps them in memory. */
export async function contactDetailsVaultFor(config: AppConfig, store: EventStore): Promise<ContactDetailsVault> {
  const sql = databaseOf(store)?.sql ?? (store instanceof SqlEventStore ? store.driver : undefined);
  if (sql) return new EncryptedContactDetailsVault(await SqlVaultStorage.open(sql));
  if (config.mode !== 'embedded' || config.NODE_ENV === 'production') {
    throw new Error('The contact-details vault needs the SQL database (DATABASE_URL): personal data in memory would be lost on restart');
  }
  return new EncryptedContactDetailsVault();
}

/** The vault, and its keys for the erasure command (`POST /submitters/{ref}/erasure`). */
export const CONTACT_DETAILS_PROVIDERS: Provider[] = [
  { provide: CONTACT_DETAILS_VAULT, inject: [AppConfig, EVENT_STORE], useFactory: contactDetailsVaultFor },
  { provide: PERSONAL_DATA_KEYS, useExisting: CONTACT_DETAILS_VAULT },
];
