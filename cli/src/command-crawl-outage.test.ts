import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCurrentVersion } from '@auskunft/core/fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { page, serveSite, type FixtureSite } from '../../crawler/test/serve-site.js';
import { crawlCommand } from './command-crawl.js';
import { indexCommand } from './command-index.js';

/** Runs a command in-process and returns its exit code and what it printed on stdout. */
async function run(command: (argv: string[]) => Promise<number>, argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
  const progress = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return { code: await command(argv), out: lines.join('\n') };
  } finally {
    log.mockRestore();
    progress.mockRestore();
  }
}

const TOPICS = ['Kraftfahrzeughilfe', 'Arbeitsassistenz', 'Wohnungshilfe', 'Kündigungsschutz'];

describe('auskunft crawl during a CMS maintenance window', () => {
  let site: FixtureSite;
  let outDir: string;
  const crawl = (...extra: string[]) => run(crawlCommand, [site.url, '--out', outDir, '--delay-ms', '0', '--retries', '0', ...extra]);

  beforeAll(async () => {
    const paths = TOPICS.map((_, i) => `/leistung-${i + 1}/`);
    site = await serveSite({
      '/': page('Leistungen', '<p>Die Leistungen des Inklusionsamts für Beschäftigte und Arbeitgeber im Überblick.</p>', paths),
      ...Object.fromEntries(paths.map((path, i) => [path, page(TOPICS[i]!, `<p>${TOPICS[i]} gewährt das Inklusionsamt auf Antrag.</p>`)])),
    });
    outDir = await mkdtemp(join(tmpdir(), 'auskunft-crawl-outage-'));
  });

  afterAll(async () => {
    await site.close();
    await rm(outDir, { recursive: true, force: true });
  });

  it('exits 3, keeps the live version and says why when too many pages fail temporarily', async () => {
    expect((await crawl()).code).toBe(0);
    const live = await readCurrentVersion(outDir);
    for (const path of ['/leistung-1/', '/leistung-2/']) site.routes[path] = { status: 503 };
    const { code, out } = await crawl();
    expect(code).toBe(3);
    expect(out).toMatch(/NOT LIVE: 2 of 5 pages of version \S+ failed temporarily \(40 %, more than crawl\.maxFailureShare 20 %\)/);
    expect(out).toMatch(/changes: 0 added, 0 changed, 3 unchanged, 0 removed, 2 kept from the previous version/);
    expect(out).toContain(`${site.origin}/leistung-1/ — kept from version ${live} (HTTP 503)`);
    expect(await readCurrentVersion(outDir)).toBe(live);

    const list = await run(indexCommand, ['list', '--index', outDir]);
    expect(list.out).toMatch(/not made live: 2 of 5 pages of version \S+ failed temporarily/);
  });

  it('refuses another site in the same index directory unless --replace-site is given', async () => {
    const other = await serveSite({ '/': page('Stadt B', '<p>Das Sozialamt der Stadt B berät zur Grundsicherung im Alter.</p>') });
    try {
      const argv = [other.url, '--out', outDir, '--delay-ms', '0'];
      await expect(run(crawlCommand, argv)).rejects.toThrow(/--replace-site/);
      expect((await run(crawlCommand, [...argv, '--replace-site'])).code).toBe(0);
    } finally {
      await other.close();
    }
  });
});
