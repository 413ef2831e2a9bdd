import type { Provider } from '@nestjs/common';
import { type EventStore, SqlEventStore } from '@lib/event-store';
import { AppConfig, databaseOf, EVENT_STORE, PERSONAL_DATA_KEYS } from '@lib/platform';
import { SqlVaultStorage } from './contact-details.sql-storage.js';
import { EncryptedObjectionGroundsVault, OBJECTION_GROUNDS_VAULT } from '../objection/grounds/objection-grounds.vault.js';
import { CONTACT_DETAILS_VAULT, type ContactDetailsVault, EncryptedContactDetailsVault, InMemoryVaultStorage, type VaultStorage } from './contact-details.vault.js';

/** Personal data lives in the process's SQL database (PGlite or PostgreSQL); only a store without one (tests) keeps it in memory. */
export async function vaultStorageFor(config: AppConfig, store: EventStore): Promise<VaultStorage> {
  const sql = databaseOf(store)?.sql ?? (store instanceof SqlEventStore ? store.driver : undefined);
  if (sql) return SqlVaultStorage.open(sql);
  if (config.mode !== 'embedded' || config.NODE_ENV === 'production') {
    throw new Error('The contact-details vault needs the SQL database (DATABASE_URL): personal data in memory would be lost on restart');
  }
  return new InMemoryVaultStorage();
}

/** Contact details, sealed per person in the vault storage. */
export async function contactDetailsVaultFor(config: AppConfig, store: EventStore): Promise<ContactDetailsVault> {
  return new EncryptedContactDetailsVault(await vaultStorageFor(config, store));
}

const VAULT_STORAGE = Symbol('VAULT_STORAGE');

/** The vaults over one storage (contact details and objection grounds share each person's key), and the keys for the erasure command (`POST /submitters/{ref}/erasure`). */
export const CONTACT_DETAILS_PROVIDERS: Provider[] = [
  { provide: VAULT_STORAGE, inject: [AppConfig, EVENT_STORE], useFactory: vaultStorageFor },
  { provide: CONTACT_DETAILS_VAULT, inject: [VAULT_STORAGE], useFactory: (storage: VaultStorage) => new EncryptedContactDetailsVault(storage) },
  { provide: OBJECTION_GROUNDS_VAULT, inject: [VAULT_STORAGE], useFactory: (storage: VaultStorage) => new EncryptedObjectionGroundsVault(storage) },
  { provide: PERSONAL_DATA_KEYS, useExisting: CONTACT_DETAILS_VAULT },
];
