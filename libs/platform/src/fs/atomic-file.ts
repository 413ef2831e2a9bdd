import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `path` so that no reader ever sees it half written: the content goes to a hidden draft
 * beside it (mode 0600, synced), which is then hard-linked to `path` (`exclusive`, the default:
 * fails when `path` exists, answering false, so of processes racing for a new file one wins and a
 * file once there is never replaced) or renamed over it (`replace`). The directory is synced after.
 */
export async function writeFileAtomically(path: string, content: string | Buffer, how: 'exclusive' | 'replace' = 'exclusive'): Promise<boolean> {
  const draft = join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.tmp`);
  const handle = await open(draft, 'wx', 0o600);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    if (how === 'replace') await rename(draft, path);
    else await link(draft, path);
  } catch (error) {
    if (how === 'exclusive' && (error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(draft, { force: true });
  }
  await syncDirectory(dirname(path));
  return true;
}

/** Syncs a directory's entries to disk (after a file in it was made, renamed or removed); where a system cannot, nothing. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

/**
 * The text of `path`; when there is no such file, it is made (its directory 0700, the file as
 * `writeFileAtomically` makes it) with `make()`'s text. Of callers racing for a new file, one makes it
 * and all answer its text: none sees it half written, none replaces it.
 */
export async function readOrCreateFile(path: string, make: () => string | Promise<string>): Promise<string> {
  const existing = await readFileIfExists(path);
  if (existing !== undefined) return existing;
  const content = await make();
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFileAtomically(path, content);
  return readFile(path, 'utf8');
}

/** The file's text; undefined when there is no such file. */
async function readFileIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
