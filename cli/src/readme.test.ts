import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { settingsMarkdown } from './settings-table.js';

describe('README', () => {
  it('lists every setting exactly as the code defines it', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const table = /<!-- settings-table:start[^>]*-->\n([\s\S]*?)\n<!-- settings-table:end -->/.exec(readme)?.[1];
    expect(table, 'regenerate with `node cli/dist/settings-table.js`').toBe(settingsMarkdown());
  });
});
