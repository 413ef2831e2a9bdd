/** The per-person keys of a vault of personal data (the plans' ContactDetailsVault is one). */
export interface PersonalDataKeys {
  /** Destroys the person's key: everything sealed with it becomes unreadable. Idempotent. */
  eraseKey(submitterRef: string): Promise<void>;
}

/** DI token the erasure command resolves (from any module) to reach the vault's keys. */
export const PERSONAL_DATA_KEYS = Symbol.for('inwonersbudget:personal-data-keys');
