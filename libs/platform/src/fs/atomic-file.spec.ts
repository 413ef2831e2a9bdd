import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { readOrCreateFile, writeFileAtomically } from './atomic-file.js';

describe('writeFileAtomically', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ib-once-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('makes the file (owner only) and answers true; a second call answers false and changes nothing; no draft stays behind', async () => {
    const path = join(dir, 'key');
    expect(await writeFileAtomically(path, 'first')).toBe(true);
    expect(await writeFileAtomically(path, 'second')).toBe(false);
    expect(await readFile(path, 'utf8')).toBe('first');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['key']);
  });

  it('never replaces a file that was there before, whoever made it', async () => {
    const path = join(dir, 'key');
    await writeFile(path, 'theirs');
    expect(await writeFileAtomically(path, 'mine')).toBe(false);
    expect(await readFile(path, 'utf8')).toBe('theirs');
  });

  it('of many concurrent calls exactly one makes the file, and it holds that call\'s content whole', async () => {
    const path = join(dir, 'key');
    const contents = Array.from({ length: 16 }, (_, i) => `content ${i} `.repeat(500));
    const made = await Promise.all(contents.map((content) => writeFileAtomically(path, content)));
    expect(made.filter(Boolean)).toHaveLength(1);
    expect(await readFile(path, 'utf8')).toBe(contents[made.indexOf(true)]);
    expect(await readdir(dir)).toEqual(['key']);
  });

  it('with replace, puts the new content in place whole, also over a file that is there', async () => {
    const path = join(dir, 'tombstone');
    expect(await writeFileAtomically(path, 'one', 'replace')).toBe(true);
    expect(await writeFileAtomically(path, 'two', 'replace')).toBe(true);
    expect(await readFile(path, 'utf8')).toBe('two');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['tombstone']);
  });

  it('fails, leaving no draft, when the directory does not exist', async () => {
    await expect(writeFileAtomically(join(dir, 'missing', 'key'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('readOrCreateFile', () => {
  it('is the text of a file that is there (nothing made), and makes one that is not, its directory owner only', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ib-once-'));
    try {
      await writeFile(join(dir, 'a'), 'tekst');
      let made = 0;
      const make = () => `made ${++made}`;
      expect(await readOrCreateFile(join(dir, 'a'), make)).toBe('tekst');
      expect(made).toBe(0);
      expect(await readOrCreateFile(join(dir, 'sub', 'b'), make)).toBe('made 1');
      expect(await readOrCreateFile(join(dir, 'sub', 'b'), make)).toBe('made 1');
      expect(made).toBe(1);
      expect((await stat(join(dir, 'sub'))).mode & 0o777).toBe(0o700);
      expect(await readdir(join(dir, 'sub'))).toEqual(['b']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
