import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** A submitter's contact details: personal data, so never in an event, a log line or a non-administrator response. */
export interface ContactDetails {
  name: string;
  email?: string;
  phone?: string;
}

/** Where contact details live, outside the event store, keyed by the submitter's pseudonym. */
export interface ContactDetailsVault {
  store(submitterRef: string, details: ContactDetails): Promise<void>;
  /** null: never stored, discarded, or erased. */
  read(submitterRef: string): Promise<ContactDetails | null>;
  /** Crypto-shredding (AVG art. 17): the key goes, the sealed record stays as noise. Idempotent. */
  eraseKey(submitterRef: string): Promise<void>;
  /** Removes details stored for a submission that was never recorded (its append failed). Idempotent. */
  discard(submitterRef: string): Promise<void>;
}

/** DI token of the ContactDetailsVault. */
export const CONTACT_DETAILS_VAULT = Symbol('CONTACT_DETAILS_VAULT');

/** Plain in-memory vault for tests. */
export class InMemoryContactDetailsVault implements ContactDetailsVault {
  private readonly details = new Map<string, ContactDetails>();

  async store(submitterRef: string, details: ContactDetails): Promise<void> {
    this.details.set(submitterRef, { ...details });
  }

  async read(submitterRef: string): Promise<ContactDetails | null> {
    const found = this.details.get(submitterRef);
    return found === undefined ? null : { ...found };
  }

  async eraseKey(submitterRef: string): Promise<void> {
    this.details.delete(submitterRef);
  }

  async discard(submitterRef: string): Promise<void> {
    this.details.delete(submitterRef);
  }
}

/** One sealed record: AES-256-GCM, the pseudonym bound in as associated data. */
export interface SealedContactDetails {
  iv: string;
  tag: string;
  ciphertext: string;
}

/** Storage behind the encrypting vault: the sealed records and, apart from them, the per-person keys. */
export interface VaultStorage {
  getKey(submitterRef: string): Promise<Buffer | null>;
  /** Keeps `key` unless the person already has one; resolves to the key in force (concurrent writers agree on one). */
  putKeyIfAbsent(submitterRef: string, key: Buffer): Promise<Buffer>;
  deleteKey(submitterRef: string): Promise<void>;
  getSealed(submitterRef: string): Promise<SealedContactDetails | null>;
  putSealed(submitterRef: string, sealed: SealedContactDetails): Promise<void>;
  deleteSealed(submitterRef: string): Promise<void>;
}

/** Process-memory storage: nothing survives a restart (tests and the in-memory event store only). */
export class InMemoryVaultStorage implements VaultStorage {
  private readonly keys = new Map<string, Buffer>();
  private readonly sealed = new Map<string, SealedContactDetails>();
  async getKey(ref: string) {
    return this.keys.get(ref) ?? null;
  }
  async putKeyIfAbsent(ref: string, key: Buffer) {
    const existing = this.keys.get(ref);
    if (existing !== undefined) return existing;
    this.keys.set(ref, key);
    return key;
  }
  async deleteKey(ref: string) {
    this.keys.get(ref)?.fill(0);
    this.keys.delete(ref);
  }
  async getSealed(ref: string) {
    return this.sealed.get(ref) ?? null;
  }
  async putSealed(ref: string, sealed: SealedContactDetails) {
    this.sealed.set(ref, sealed);
  }
  async deleteSealed(ref: string) {
    this.sealed.delete(ref);
  }
}

/**
 * Encrypts each person's details with their own AES-256-GCM key. Erasing the key (crypto-shredding)
 * makes the details unreadable everywhere they were copied, while the plan's history stays intact.
 */
export class EncryptedContactDetailsVault implements ContactDetailsVault {
  constructor(private readonly storage: VaultStorage = new InMemoryVaultStorage()) {}

  async store(submitterRef: string, details: ContactDetails): Promise<void> {
    const key = await this.storage.putKeyIfAbsent(submitterRef, randomBytes(32));
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(submitterRef, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(details), 'utf8'), cipher.final()]);
    await this.storage.putSealed(submitterRef, { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64') });
  }

  async read(submitterRef: string): Promise<ContactDetails | null> {
    const [key, sealed] = await Promise.all([this.storage.getKey(submitterRef), this.storage.getSealed(submitterRef)]);
    if (key === null || sealed === null) return null;
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(submitterRef, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as ContactDetails;
  }

  async eraseKey(submitterRef: string): Promise<void> {
    await this.storage.deleteKey(submitterRef);
  }

  async discard(submitterRef: string): Promise<void> {
    await this.storage.deleteSealed(submitterRef);
    await this.storage.deleteKey(submitterRef);
  }
}
