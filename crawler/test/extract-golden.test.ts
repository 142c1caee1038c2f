import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chunkPage, extractPage } from '../src/index.js';

/**
 * Extraction golden files, one folder per CMS template or behaviour: `source.html` is the page as
 * served, `expected.json` the title, language, date and passages it must give. Run with
 * AUSKUNFT_UPDATE_GOLDEN=1 to write `expected.json` after a deliberate change, then review the diff.
 */
const ROOT = fileURLToPath(new URL('./extract/', import.meta.url));
const cases = (await readdir(ROOT, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);

describe('extraction golden files', () => {
  it.each(cases)('%s', async (name) => {
    const html = await readFile(join(ROOT, name, 'source.html'), 'utf8');
    const page = extractPage(html, `https://www.lv-mittelrhein-ruhr.example/${name}/`, { defaultLang: 'de' });
    const actual = {
      title: page.title,
      lang: page.lang,
      modified: page.modified,
      canonical: page.canonical,
      passages: chunkPage(page.blocks, page.faqs, { maxChars: 1200 }),
    };
    const expectedFile = join(ROOT, name, 'expected.json');
    if (process.env['AUSKUNFT_UPDATE_GOLDEN'] === '1') await writeFile(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(await readFile(expectedFile, 'utf8')));
  });
});
