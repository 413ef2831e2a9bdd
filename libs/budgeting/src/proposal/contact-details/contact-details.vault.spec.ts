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

  it('uses a key per person', async () => {
    const storage = new InMemoryVaultStorage();
    const vault = new EncryptedContactDetailsVault(storage);
    await vault.store('sub-1', details);
    await vault.store('sub-2', { name: 'Jan Jansen' });
    expect((await storage.getKey('sub-1'))!.equals((await storage.getKey('sub-2'))!)).toBe(false);
  });

  it('makes the details unreadable once the key is erased', async () => {
    const storage = new InMemoryVaultStorage();
    const vault = new EncryptedContactDetailsVault(storage);
    await vault.store('sub-1', details);
    await vault.eraseKey('sub-1');
    expect(await vault.read('sub-1')).toBeNull();
    expect(await storage.getSealed('sub-1')).not.toBeNull();
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
  it('round-trips details', async () => {
    const vault = new InMemoryContactDetailsVault();
    await vault.store('sub-1', details);
    expect(await vault.read('sub-1')).toEqual(details);
    expect(await vault.read('sub-2')).toBeNull();
  });
});
