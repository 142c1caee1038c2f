import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHashedNgramEmbedder, isAuskunftError, parseManifest } from '@auskunft/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSettings, crawlSite, type CrawlReport } from '../src/index.js';
import { resolveSettings } from '@auskunft/core';
import { page, serveSite } from './serve-site.js';

// No politeness delays against our own fixture server; retries stay on but wait only briefly.
const settings = { ...resolveSettings(crawlSettings), delayMs: 0, concurrency: 3, retryDelayMs: 5 };
const embedder = createHashedNgramEmbedder({ dimension: 64 });

describe('crawlSite on a site with the usual problems', () => {
  let site: Awaited<ReturnType<typeof serveSite>>;
  let outDir: string;
  let report: CrawlReport;

  beforeAll(async () => {
    site = await serveSite({
      '/robots.txt': { type: 'text/plain', body: 'User-agent: *\nDisallow: /intern/\n' },
      '/': page('Startseite', '<p>Willkommen beim Fixture-Amt. Hier finden Sie Informationen zum Budget für Arbeit.</p>', [
        '/budget/', '/budget/?utm_source=newsletter', '/budget/#antrag', '/alt/', '/kaputt/', '/intern/', '/merkblatt.pdf',
        '/leer/', '/geheim/', 'https://www.example.org/extern', 'mailto:amt@example.org', '/fehlt/', '/doppelt/',
      ]),
      '/budget/': page('Budget für Arbeit', '<h2 id="antrag">Antrag</h2><p>Den Antrag auf Budget für Arbeit stellen Sie beim Integrationsamt.</p>', ['/']),
      '/doppelt/': page('Budget für Arbeit', '<h2 id="antrag">Antrag</h2><p>Den Antrag auf Budget für Arbeit stellen Sie beim Integrationsamt.</p>'),
      '/alt/': { status: 301, location: '/neu/' },
      '/neu/': page('Neue Seite', '<p>Diese Seite hat eine neue Adresse und erklärt die Arbeitsassistenz.</p>'),
      '/kaputt/': { status: 500, body: 'Internal Server Error' },
      '/intern/': page('Intern', '<p>Nur für Beschäftigte.</p>'),
      '/merkblatt.pdf': { type: 'application/pdf', body: '%PDF-1.4' },
      '/leer/': { body: '<html><body></body></html>' },
      '/geheim/': { body: '<html><head><meta name="robots" content="noindex"></head><body><main><p>Vertraulich und nicht für die Suche.</p></main></body></html>' },
    });
    outDir = await mkdtemp(join(tmpdir(), 'auskunft-crawl-'));
    report = await crawlSite({ startUrls: [site.url], outDir, embedder, settings });
  });

  afterAll(async () => {
    await site.close();
    await rm(outDir, { recursive: true, force: true });
  });

  it('indexes every reachable page once and reports what it skipped and why', () => {
    expect(report.pages).toBe(3);
    const reasons = Object.fromEntries(report.skipped.map((s) => [new URL(s.url).pathname, s.reason]));
    expect(reasons).toMatchObject({
      '/kaputt/': 'HTTP 500',
      '/merkblatt.pdf': expect.stringMatching(/^PDF could not be read/),
      '/intern/': 'disallowed by robots.txt',
      '/leer/': 'no main content found',
      '/geheim/': 'marked noindex',
      '/fehlt/': 'HTTP 404',
      '/doppelt/': `same content as ${site.origin}/budget/`,
    });
    expect(site.hits.get('/kaputt/'), 'a 500 is retried (crawl.retries) before it is reported').toBe(3);
    expect(site.hits.get('/budget/')).toBe(1);
  });

  it('records the redirect target, not the old address', async () => {
    const passages = JSON.parse(await readFile(join(report.indexDir, 'passages.json'), 'utf8')) as Array<{ url: string; anchor: string | null }>;
    const urls = new Set(passages.map((p) => p.url));
    expect(urls).toEqual(new Set([`${site.origin}/`, `${site.origin}/budget/`, `${site.origin}/neu/`]));
    expect(passages.find((p) => p.anchor === 'antrag')?.url).toBe(`${site.origin}/budget/`);
  });

  it('writes a complete version with a manifest whose checksums match', async () => {
    const pointer = (await readFile(join(outDir, 'CURRENT'), 'utf8')).trim();
    expect(pointer).toBe(report.version);
    const manifest = parseManifest(JSON.parse(await readFile(join(report.indexDir, 'manifest.json'), 'utf8')));
    expect(manifest).toMatchObject({
      formatVersion: 1,
      embedder: { id: 'auskunft-hashed-ngrams-v2@64', dimension: 64 },
      counts: { pages: 3, passages: report.passages },
      source: { startUrls: [site.url] },
    });
    const { createHash } = await import('node:crypto');
    const data = await readFile(join(report.indexDir, 'vectors.hnsw'));
    expect(createHash('sha256').update(data).digest('hex')).toBe(manifest.files.vectors.sha256);
  });

  it('keeps the previous index when a later crawl finds nothing', async () => {
    await site.close();
    const error = await crawlSite({ startUrls: [site.url], outDir, embedder, settings }).catch((e: unknown) => e);
    expect(isAuskunftError(error, 'CRAWL_START_UNREACHABLE')).toBe(true);
    expect((error as Error).message).toContain('previous index');
    expect((await readFile(join(outDir, 'CURRENT'), 'utf8')).trim()).toBe(report.version);
    expect((await readdir(join(outDir, 'versions'))).filter((d) => !d.startsWith('.'))).toEqual([report.version]);
  });

  it('rejects a start URL that is not absolute', async () => {
    await expect(crawlSite({ startUrls: ['www.example.de'], outDir, embedder, settings })).rejects.toThrow(/absolute http\(s\) URL/);
  });
});
