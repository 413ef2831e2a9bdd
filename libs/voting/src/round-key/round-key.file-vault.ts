import { createHash, randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import { join } from 'node:path';
import { syncDirectory, writeFileAtomically } from '@lib/platform';
import { RoundKeyDestroyedError, type RoundKeyVault } from './round-key.vault.js';

const KEY_BYTES = 32;

/** How long a process keeps a round key it read before reading its file again (a destroy elsewhere counts at once: the tombstone is checked on every use). */
export const ROUND_KEY_CACHE_MS = 30_000;

export interface FileRoundKeyVaultOptions {
  /** How long a key read from its file is kept in memory; 0: read the file every time. */
  cacheMs?: number;
  clock?: () => number;
}

/** The file name part of a round: its id when it is a plain name, else a hash of it (never a path). */
function fileBase(roundId: string): string {
  return /^[A-Za-z0-9_-]{1,100}$/.test(roundId) ? roundId : `h-${createHash('sha256').update(roundId).digest('hex')}`;
}

const isCode = (error: unknown, code: string): boolean => (error as NodeJS.ErrnoException | undefined)?.code === code;

/**
 * Round keys as files in a directory of their own (ROUND_KEY_DIR: a secret mount, a volume), apart
 * from the event database: a reader of the database holds no key. One file per round
 * (`<round>.key`, 0600, 32 raw bytes) in a 0700 directory. A key is made by writing a temporary file
 * and linking it to its name, which fails when the name exists: two processes racing on the first
 * use end with the one key that won. Destroying writes a tombstone (`<round>.destroyed`) first,
 * then overwrites the key with zeros, syncs it to disk and unlinks it; from then on `keyFor` refuses.
 *
 * `keyFor` keeps a key in memory for up to `cacheMs` (30 s), but looks for the tombstone on every
 * use (one `access` call): a destroy in another process that shares the directory is refused here at
 * once, and the cached bytes are wiped. `destroy` drops it here at once too.
 */
export class FileRoundKeyVault implements RoundKeyVault {
  private readonly cache = new Map<string, { key: Buffer; until: number }>();
  private readonly cacheMs: number;
  private readonly clock: () => number;

  private constructor(
    readonly dir: string,
    options: FileRoundKeyVaultOptions,
  ) {
    this.cacheMs = options.cacheMs ?? ROUND_KEY_CACHE_MS;
    this.clock = options.clock ?? Date.now;
  }

  /** Opens the directory, creating it 0700 when missing; refuses one that others can read. */
  static async open(dir: string, options: FileRoundKeyVaultOptions = {}): Promise<FileRoundKeyVault> {
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    const stat = await fs.stat(dir);
    if (!stat.isDirectory()) throw new Error(`ROUND_KEY_DIR ${dir} is not a directory`);
    if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) await fs.chmod(dir, 0o700);
    return new FileRoundKeyVault(dir, options);
  }

  private keyPath(roundId: string): string {
    return join(this.dir, `${fileBase(roundId)}.key`);
  }

  private tombstonePath(roundId: string): string {
    return join(this.dir, `${fileBase(roundId)}.destroyed`);
  }

  async keyFor(roundId: string): Promise<Buffer> {
    // The tombstone is looked for on every use, cached key or not: a destroy by another process counts here at once.
    if (await this.destroyed(roundId)) {
      this.forget(roundId);
      throw new RoundKeyDestroyedError(`The key of round ${roundId} was destroyed`);
    }
    const cached = this.cache.get(roundId);
    if (cached && cached.until > this.clock()) return cached.key;
    this.cache.delete(roundId);
    const key = (await this.readKey(roundId)) ?? (await this.create(roundId, randomBytes(KEY_BYTES)));
    // A destroy that ran between our check and our creation wins: its tombstone is there now.
    if (await this.destroyed(roundId)) throw new RoundKeyDestroyedError(`The key of round ${roundId} was destroyed`);
    if (this.cacheMs > 0) this.cache.set(roundId, { key, until: this.clock() + this.cacheMs });
    return key;
  }

  async existingKey(roundId: string): Promise<Buffer | null> {
    if (await this.destroyed(roundId)) return null;
    return this.readKey(roundId);
  }

  async status(roundId: string): Promise<'none' | 'active' | 'destroyed'> {
    if (await this.destroyed(roundId)) return 'destroyed';
    return (await this.readKey(roundId)) ? 'active' : 'none';
  }

  async destroy(roundId: string): Promise<void> {
    this.forget(roundId);
    // 1. The tombstone first: from here every process refuses the key, even if what follows fails.
    if (!(await this.destroyed(roundId))) await writeFileAtomically(this.tombstonePath(roundId), Buffer.from(`${JSON.stringify({ roundId, destroyedAt: new Date(this.clock()).toISOString() })}\n`), 'replace');
    // 2. Overwrite the key in place and sync, so the bytes do not stay on disk; then unlink it.
    const path = this.keyPath(roundId);
    let handle: fs.FileHandle | undefined;
    try {
      handle = await fs.open(path, constants.O_RDWR);
      const { size } = await handle.stat();
      await handle.write(Buffer.alloc(Math.max(size, KEY_BYTES)), 0, Math.max(size, KEY_BYTES), 0);
      await handle.sync();
    } catch (error) {
      if (!isCode(error, 'ENOENT')) throw error;
    } finally {
      await handle?.close();
    }
    await fs.unlink(path).catch((error: unknown) => {
      if (!isCode(error, 'ENOENT')) throw error;
    });
    await syncDirectory(this.dir);
  }

  /** Moves a key made elsewhere (the old `voting.round_keys` table) into the directory; a key already here wins, a tombstone stays. */
  async adopt(roundId: string, key: Buffer | null): Promise<void> {
    if (key === null) return this.destroy(roundId);
    if (await this.destroyed(roundId)) return;
    if (!(await this.readKey(roundId))) await this.create(roundId, key);
  }

  /** Drops a cached key and wipes its bytes. */
  private forget(roundId: string): void {
    this.cache.get(roundId)?.key.fill(0);
    this.cache.delete(roundId);
  }

  private async destroyed(roundId: string): Promise<boolean> {
    try {
      await fs.access(this.tombstonePath(roundId));
      return true;
    } catch (error) {
      if (isCode(error, 'ENOENT')) return false;
      throw error;
    }
  }

  private async readKey(roundId: string): Promise<Buffer | null> {
    try {
      const key = await fs.readFile(this.keyPath(roundId));
      return key.length === KEY_BYTES ? key : null;
    } catch (error) {
      if (isCode(error, 'ENOENT')) return null;
      throw error;
    }
  }

  /** Makes the key file unless another process made it first; returns the key that is there. */
  private async create(roundId: string, key: Buffer): Promise<Buffer> {
    const made = await writeFileAtomically(this.keyPath(roundId), key, 'exclusive');
    if (made) return key;
    const theirs = await this.readKey(roundId);
    if (!theirs) throw new RoundKeyDestroyedError(`The key of round ${roundId} was destroyed`);
    return theirs;
  }
}
