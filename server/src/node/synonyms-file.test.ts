import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAuskunftError } from '@auskunft/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSynonyms } from './synonyms-file.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'auskunft-synonyms-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('loadSynonyms (search.synonymsFile)', () => {
  it('adds the editors list to the bundled one', async () => {
    const file = join(dir, 'synonyme.txt');
    await writeFile(file, '# Hunde\nBlindenhund, Führhund\n');
    const table = await loadSynonyms(file);
    expect(table.expand('blindenhund')).toEqual(['fuhrhund']);
    expect(table.expand('auto')).toContain('kraftfahrzeug');
  });

  it('names the file and line of a broken rule', async () => {
    const file = join(dir, 'kaputt.txt');
    await writeFile(file, 'Auto, PKW\nnur ein Eintrag\n');
    const error = await loadSynonyms(file).catch((e: unknown) => e);
    expect(isAuskunftError(error, 'CONFIG_INVALID')).toBe(true);
    expect((error as Error).message).toContain(`${file}:2`);
  });

  it('says which setting points to a missing file', async () => {
    const error = await loadSynonyms(join(dir, 'fehlt.txt')).catch((e: unknown) => e);
    expect(isAuskunftError(error, 'CONFIG_FILE_UNREADABLE')).toBe(true);
    expect((error as Error).message).toMatch(/fehlt\.txt.*AUSKUNFT_SEARCH_SYNONYMS_FILE/);
  });
});
