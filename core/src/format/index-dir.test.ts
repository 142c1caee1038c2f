import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVersion, listVersions, readCurrentVersion, resolveVersionDir } from '../fs.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'auskunft-index-dir-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('index directory', () => {
  it('publishes a version only when complete and then moves CURRENT', async () => {
    const v = await createVersion(dir, new Date('2026-12-04T10:00:00Z'));
    await v.write('passages.json', '[]');
    expect(await readCurrentVersion(dir)).toBeNull();
    expect((await readdir(join(dir, 'versions')))[0]).toMatch(/^\..*\.partial$/);
    const final = await v.publish();
    expect(await readCurrentVersion(dir)).toBe(v.version);
    expect(await readFile(join(final, 'passages.json'), 'utf8')).toBe('[]');
  });

  it('can write a version without making it live', async () => {
    const v = await createVersion(dir);
    await v.write('passages.json', '[]');
    await v.publish({ makeCurrent: false });
    expect(await readCurrentVersion(dir)).toBeNull();
    expect((await listVersions(dir)).map((x) => x.version)).toEqual([v.version]);
  });

  it('refuses a CURRENT pointer that leads outside versions/', async () => {
    await mkdir(join(dir, 'versions'), { recursive: true });
    await writeFile(join(dir, 'CURRENT'), '../../../etc\n');
    await expect(readCurrentVersion(dir)).rejects.toThrow(/not a version/);
    await expect(resolveVersionDir(dir)).rejects.toThrow(/auskunft index rollback/);
  });

  it('refuses file names that would leave the version directory', async () => {
    const v = await createVersion(dir);
    await expect(v.write('../CURRENT', 'x')).rejects.toThrow(/not a plain name/);
    await v.discard();
    expect(await readdir(join(dir, 'versions'))).toEqual([]);
  });
});
