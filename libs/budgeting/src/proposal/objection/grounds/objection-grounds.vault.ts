import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { InMemoryVaultStorage, type VaultStorage } from '../../contact-details/contact-details.vault.js';

/**
 * The grounds of an objection: free text from the objector, so personal data. They live beside the
 * contact details, sealed with the objector's own key: erasing that key (crypto-shredding) makes
 * the grounds unreadable too, while the plan's history keeps their digest.
 */
export interface ObjectionGroundsVault {
  store(objectorRef: string, objectionId: string, grounds: string): Promise<void>;
  /** null: never stored, discarded, or the objector's key was erased. */
  read(objectorRef: string, objectionId: string): Promise<string | null>;
  /** Removes grounds stored for an objection that was never recorded (its append failed). Idempotent. */
  discard(objectionId: string): Promise<void>;
}

/** DI token of the ObjectionGroundsVault. */
export const OBJECTION_GROUNDS_VAULT = Symbol('OBJECTION_GROUNDS_VAULT');

/** The grounds as the event records them: SHA-256 (hex) of the text in Unicode NFC. */
export function groundsDigest(grounds: string): string {
  return createHash('sha256').update(grounds.normalize('NFC'), 'utf8').digest('hex');
}

const sealedRef = (objectionId: string) => `objection-grounds:${objectionId}`;

/** AES-256-GCM under the objector's key, the objection and the objector bound in as associated data. */
export class EncryptedObjectionGroundsVault implements ObjectionGroundsVault {
  constructor(private readonly storage: VaultStorage = new InMemoryVaultStorage()) {}

  async store(objectorRef: string, objectionId: string, grounds: string): Promise<void> {
    const key = await this.storage.putKeyIfAbsent(objectorRef, randomBytes(32));
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(`${sealedRef(objectionId)}|${objectorRef}`, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(grounds.normalize('NFC'), 'utf8'), cipher.final()]);
    await this.storage.putSealed(sealedRef(objectionId), { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64') });
  }

  async read(objectorRef: string, objectionId: string): Promise<string | null> {
    const [key, sealed] = await Promise.all([this.storage.getKey(objectorRef), this.storage.getSealed(sealedRef(objectionId))]);
    if (key === null || sealed === null) return null;
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(`${sealedRef(objectionId)}|${objectorRef}`, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8');
  }

  async discard(objectionId: string): Promise<void> {
    await this.storage.deleteSealed(sealedRef(objectionId));
  }
}
