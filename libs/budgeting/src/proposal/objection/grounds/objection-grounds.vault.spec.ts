import { describe, expect, it } from '@jest/globals';
import { EncryptedContactDetailsVault, InMemoryVaultStorage } from '../../contact-details/contact-details.vault.js';
import { EncryptedObjectionGroundsVault, groundsDigest } from './objection-grounds.vault.js';

describe('EncryptedObjectionGroundsVault', () => {
  it('keeps the grounds sealed: the storage holds no plain text, and only the objector\'s key opens them', async () => {
    const storage = new InMemoryVaultStorage();
    const vault = new EncryptedObjectionGroundsVault(storage);
    await vault.store('res-1', 'o-1', 'Mijn buurman Jan de Vries zegt dat het mag');
    expect(await vault.read('res-1', 'o-1')).toBe('Mijn buurman Jan de Vries zegt dat het mag');
    const sealed = await storage.getSealed('objection-grounds:o-1');
    expect(Buffer.from(sealed!.ciphertext, 'base64').toString('utf8')).not.toContain('Jan de Vries');
    await expect(vault.read('res-2', 'o-1')).resolves.toBeNull();
  });

  it('is erased with the objector\'s contact details: one key per person (crypto-shredding)', async () => {
    const storage = new InMemoryVaultStorage();
    const contacts = new EncryptedContactDetailsVault(storage);
    const grounds = new EncryptedObjectionGroundsVault(storage);
    await contacts.store('res-1', { name: 'Fatima de Vries' });
    await grounds.store('res-1', 'o-1', 'De weigering is onterecht');
    await contacts.eraseKey('res-1');
    expect(await grounds.read('res-1', 'o-1')).toBeNull();
  });

  it('discards grounds of an objection that was never recorded, and digests the text as NFC', async () => {
    const vault = new EncryptedObjectionGroundsVault();
    await vault.store('res-1', 'o-1', 'Gronden');
    await vault.discard('o-1');
    expect(await vault.read('res-1', 'o-1')).toBeNull();
    expect(groundsDigest('Caf\u0065\u0301')).toBe(groundsDigest('Caf\u00e9'));
    expect(groundsDigest('Gronden')).toMatch(/^[0-9a-f]{64}$/);
  });
});
