import { describe, expect, it } from '@jest/globals';
import { EncryptedContactDetailsVault, InMemoryContactDetailsVault, InMemoryVaultStorage } from './contact-details.vault.js';

const details = { name: 'Fatima de Vries', email: 'fatima@example.nl', phone: '0612345678' };

describe('EncryptedContactDetailsVault', () => {
  it('round-trips details and stores only ciphertext', async () => {
    const storage = new InMemoryVaultStorage();
    const vault = new EncryptedContactDetailsVault(storage);
    await vault.store('sub-1', details);
    expect(await vault.read('sub-1')).toEqual(details);
    const sealed = await storage.getSealed('sub-1');
    expect(JSON.stringify(sealed)).not.toContain('Fatima');
    expect(Buffer.from(sealed!.ciphertext, 'base64').toString('utf8')).not.toContain('fatima@example.nl');
  });

  it('uses a key per person, and keeps it when the details are stored again', async () => {
    const storage = new InMemoryVaultStorage();
    const vault = new EncryptedContactDetailsVault(storage);
    await vault.store('sub-1', details);
    const first = Buffer.from((await storage.getKey('sub-1'))!);
    await vault.store('sub-2', { name: 'Jan Jansen' });
    await vault.store('sub-1', { ...details, phone: '0687654321' });
    expect(first.equals((await storage.getKey('sub-2'))!)).toBe(false);
    expect(first.equals((await storage.getKey('sub-1'))!)).toBe(true);
    expect(await vault.read('sub-1')).toEqual({ ...details, phone: '0687654321' });
  });

  it('makes the details unreadable once the key is erased', async () => {
    const storage = new InMemoryVaultStorage();
    const vault = new EncryptedContactDetailsVault(storage);
    await vault.store('sub-1', details);
    await vault.eraseKey('sub-1');
    await vault.eraseKey('sub-1');
    expect(await vault.read('sub-1')).toBeNull();
    expect(await storage.getSealed('sub-1')).not.toBeNull();
  });

  it('discards both the sealed record and the key of a submission that was never recorded', async () => {
    const storage = new InMemoryVaultStorage();
    const vault = new EncryptedContactDetailsVault(storage);
    await vault.store('sub-1', details);
    await vault.discard('sub-1');
    expect([await storage.getSealed('sub-1'), await storage.getKey('sub-1'), await vault.read('sub-1')]).toEqual([null, null, null]);
  });

  it('refuses a sealed record moved to another pseudonym', async () => {
    const storage = new InMemoryVaultStorage();
    const vault = new EncryptedContactDetailsVault(storage);
    await vault.store('sub-1', details);
    await vault.store('sub-2', { name: 'Jan Jansen' });
    await storage.putSealed('sub-2', (await storage.getSealed('sub-1'))!);
    await expect(vault.read('sub-2')).rejects.toThrow();
  });

  it('answers null for an unknown pseudonym', async () => {
    expect(await new EncryptedContactDetailsVault().read('nobody')).toBeNull();
  });
});

describe('InMemoryContactDetailsVault', () => {
  it('round-trips details, erases and discards', async () => {
    const vault = new InMemoryContactDetailsVault();
    await vault.store('sub-1', details);
    await vault.store('sub-2', details);
    expect(await vault.read('sub-1')).toEqual(details);
    expect(await vault.read('sub-3')).toBeNull();
    await vault.eraseKey('sub-1');
    await vault.discard('sub-2');
    expect([await vault.read('sub-1'), await vault.read('sub-2')]).toEqual([null, null]);
  });
});
