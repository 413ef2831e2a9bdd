import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { FileRoundKeyVault } from './round-key.file-vault.js';
import { RoundKeyDestroyedError } from './round-key.vault.js';

describe('FileRoundKeyVault: round keys in a directory of their own', () => {
  let dir: string;
  beforeEach(async () => {
    dir = join(await mkdtemp(join(tmpdir(), 'round-key-vault-')), 'keys');
  });
  afterEach(async () => {
    await rm(join(dir, '..'), { recursive: true, force: true });
  });

  it('makes a key on first use in a 0700 directory, as a 0600 file of 32 bytes, and gives the same key to every later call and every process', async () => {
    const vault = await FileRoundKeyVault.open(dir);
    expect(await vault.status('r-1')).toBe('none');
    expect(await vault.existingKey('r-1')).toBeNull();
    const key = await vault.keyFor('r-1');
    expect(key).toHaveLength(32);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(join(dir, 'r-1.key'))).mode & 0o777).toBe(0o600);
    expect(await readFile(join(dir, 'r-1.key'))).toEqual(key);
    expect(await (await FileRoundKeyVault.open(dir)).keyFor('r-1')).toEqual(key);
    expect(await vault.status('r-1')).toBe('active');
    // No temporary file is left behind.
    expect((await readdir(dir)).sort()).toEqual(['r-1.key']);
  });

  it('50 processes racing on the first use of a round end with one key', async () => {
    const vaults = await Promise.all(Array.from({ length: 50 }, () => FileRoundKeyVault.open(dir, { cacheMs: 0 })));
    const keys = await Promise.all(vaults.map((v) => v.keyFor('r-race')));
    expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(1);
    expect(await readFile(join(dir, 'r-race.key'))).toEqual(keys[0]);
    expect(await readdir(dir)).toEqual(['r-race.key']);
  });

  it('destroys a key for good: the file is overwritten and unlinked, a tombstone says destroyed, and keyFor refuses from then on (also after a restart)', async () => {
    const vault = await FileRoundKeyVault.open(dir);
    await vault.keyFor('r-1');
    await vault.destroy('r-1');
    expect(await readdir(dir)).toEqual(['r-1.destroyed']);
    expect(JSON.parse(await readFile(join(dir, 'r-1.destroyed'), 'utf8'))).toEqual({ roundId: 'r-1', destroyedAt: expect.any(String) });
    expect(await vault.status('r-1')).toBe('destroyed');
    expect(await vault.existingKey('r-1')).toBeNull();
    await expect(vault.keyFor('r-1')).rejects.toBeInstanceOf(RoundKeyDestroyedError);
    const restarted = await FileRoundKeyVault.open(dir);
    await expect(restarted.keyFor('r-1')).rejects.toBeInstanceOf(RoundKeyDestroyedError);
    // Idempotent, and a round that never had a key can be destroyed too (no key is ever made for it).
    await vault.destroy('r-1');
    await vault.destroy('r-never');
    await expect(vault.keyFor('r-never')).rejects.toBeInstanceOf(RoundKeyDestroyedError);
    expect((await readdir(dir)).sort()).toEqual(['r-1.destroyed', 'r-never.destroyed']);
  });

  it('keeps a key in memory for the cache time, yet refuses a key destroyed by another process at once, as one destroyed here', async () => {
    let now = 1_000_000;
    const here = await FileRoundKeyVault.open(dir, { cacheMs: 30_000, clock: () => now });
    const elsewhere = await FileRoundKeyVault.open(dir);
    const key = await here.keyFor('r-1');
    expect(await elsewhere.keyFor('r-1')).toEqual(key);
    // From the cache: the file is not read again.
    await writeFile(join(dir, 'r-1.key'), randomBytes(32));
    expect(await here.keyFor('r-1')).toEqual(key);

    await elsewhere.destroy('r-1');
    now += 1_000;
    await expect(here.keyFor('r-1')).rejects.toBeInstanceOf(RoundKeyDestroyedError);
    // The cached bytes are wiped, not left in memory.
    expect(key.equals(Buffer.alloc(32))).toBe(true);

    await here.keyFor('r-2');
    await here.destroy('r-2');
    await expect(here.keyFor('r-2')).rejects.toBeInstanceOf(RoundKeyDestroyedError);
  });

  it('names files by the round id when it is a plain name and by its hash otherwise, so no id reaches outside the directory', async () => {
    const vault = await FileRoundKeyVault.open(dir);
    await vault.keyFor('../../etc/passwd');
    const [file] = await readdir(dir);
    expect(file).toMatch(/^h-[0-9a-f]{64}\.key$/);
    expect(await vault.status('../../etc/passwd')).toBe('active');
  });

  it('adopts a key made elsewhere (an older installation), keeps a key already here, and records a destruction as a tombstone', async () => {
    const vault = await FileRoundKeyVault.open(dir);
    const old = randomBytes(32);
    await vault.adopt('r-old', old);
    expect(await vault.keyFor('r-old')).toEqual(old);
    await vault.adopt('r-old', randomBytes(32));
    expect(await vault.existingKey('r-old')).toEqual(old);
    await vault.adopt('r-gone', null);
    expect(await vault.status('r-gone')).toBe('destroyed');
    await vault.adopt('r-gone', randomBytes(32));
    expect(await vault.status('r-gone')).toBe('destroyed');
  });
});
