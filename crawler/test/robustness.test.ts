import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHashedNgramEmbedder, resolveSettings, type Passage } from '@auskunft/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSettings, crawlSite, type CrawlReport } from '../src/index.js';
import { page, serveSite, type FixtureSite } from './serve-site.js';

const embedder = createHashedNgramEmbedder({ dimension: 64 });

describe('a crawl over redirects, overload, errors and broken pages finishes and reports each', () => {
  let site: FixtureSite;
  let outDir: string;
  let report: CrawlReport;
  let passages: Passage[];
  const reasonFor = (path: string) => report.skipped.find((s) => new URL(s.url).pathname === path)?.reason;

  beforeAll(async () => {
    const links = ['/umzug/', '/schleife-a/', '/weg/', '/kette/1/', '/ueberlastet/', '/gesperrt/', '/wackelig/', '/kaputt/', '/kaputtes-html/', '/daten/', '/riesig/', '/langsam/', '/logo.png'];
    const routes: Parameters<typeof serveSite>[0] = {
      '/': page('Startseite', '<p>Willkommen beim Fixture-Amt mit vielen Unterseiten zu Leistungen.</p>', links),
      '/umzug/': { status: 301, location: '/umzug-zwischenstation/' },
      '/umzug-zwischenstation/': { status: 302, location: '/ziel/' },
      '/ziel/': page('Neues Ziel', '<p>Diese Seite ist nach zwei Weiterleitungen erreicht und erklärt die Wohnungshilfe.</p>'),
      '/schleife-a/': { status: 301, location: '/schleife-b/' },
      '/schleife-b/': { status: 302, location: '/schleife-a/' },
      '/weg/': { status: 301, location: 'https://www.example.org/anderes-amt/' },
      '/ueberlastet/': ({ hit }) => (hit === 1 ? { status: 429, headers: { 'retry-after': '1' }, body: 'Zu viele Anfragen' } : page('Arbeitsassistenz', '<p>Nach kurzer Wartezeit erreichbar: Informationen zur Arbeitsassistenz.</p>')),
      '/gesperrt/': { status: 429, headers: { 'retry-after': '3600' } },
      '/wackelig/': ({ hit }) => (hit === 1 ? { status: 503 } : page('Kündigungsschutz', '<p>Der besondere Kündigungsschutz gilt ab einem Grad der Behinderung von 50.</p>')),
      '/kaputt/': { status: 500, body: 'Internal Server Error' },
      '/kaputtes-html/': { body: '<html><body><main><h1>Budget für Arbeit<p>Ohne schließende Tags <b>fett <h2>Zweiter Teil</h2><p>Der Lohnkostenzuschuss beträgt bis zu 75 Prozent' },
      '/daten/': { type: 'application/json', body: '{"leistungen": []}' },
      '/riesig/': page('Riesig', `<p>${'Sehr langer Text über die Ausgleichsabgabe. '.repeat(200)}</p>`),
      '/langsam/': { ...page('Langsam', '<p>Diese Seite antwortet zu spät für den Crawler.</p>'), delayMs: 3000 },
    };
    for (let i = 1; i <= 10; i++) routes[`/kette/${i}/`] = { status: 302, location: `/kette/${i + 1}/` };
    site = await serveSite(routes);
    outDir = await mkdtemp(join(tmpdir(), 'auskunft-robust-'));
    const settings = { ...resolveSettings(crawlSettings), delayMs: 0, concurrency: 4, retries: 2, retryDelayMs: 5, maxRedirects: 3, maxBytes: 5000, timeoutMs: 300 };
    report = await crawlSite({ startUrls: [site.url], outDir, embedder, settings });
    passages = JSON.parse(await readFile(join(report.indexDir, 'passages.json'), 'utf8'));
  });

  afterAll(async () => {
    await site.close();
    await rm(outDir, { recursive: true, force: true });
  });

  it('follows a redirect chain hop by hop and indexes the target', () => {
    expect(passages.some((p) => new URL(p.url).pathname === '/ziel/')).toBe(true);
    expect(site.hits.get('/ziel/')).toBe(1);
  });

  it('reports redirect loops, long chains and redirects out of scope', () => {
    expect(reasonFor('/schleife-a/')).toBe(`redirect loop: ${site.origin}/schleife-a/ → ${site.origin}/schleife-b/ → ${site.origin}/schleife-a/`);
    expect(reasonFor('/kette/1/')).toMatch(/^more than 3 redirects: /);
    expect(site.hits.get('/kette/5/')).toBeUndefined();
    expect(reasonFor('/weg/')).toBe('redirected to https://www.example.org/anderes-amt/: out of scope');
  });

  it('waits for Retry-After on 429 and retries 503, then indexes the page', () => {
    expect(site.hits.get('/ueberlastet/')).toBe(2);
    expect(site.hits.get('/wackelig/')).toBe(2);
    const titles = new Set(passages.map((p) => p.title));
    expect(titles).toContain('Arbeitsassistenz');
    expect(titles).toContain('Kündigungsschutz');
  });

  it('gives up on a Retry-After that is too long and on a page that keeps failing', () => {
    expect(reasonFor('/gesperrt/')).toBe('HTTP 429, Retry-After of 3600 s is longer than crawl.retryMaxWaitMs');
    expect(reasonFor('/kaputt/')).toBe('HTTP 500');
    expect(site.hits.get('/kaputt/')).toBe(3);
  });

  it('indexes malformed HTML as far as it can be read', () => {
    expect(passages.find((p) => p.section === 'Zweiter Teil')?.text).toContain('Lohnkostenzuschuss beträgt bis zu 75 Prozent');
  });

  it('checks content type, size and time, and never requests images', () => {
    expect(reasonFor('/daten/')).toBe('not HTML or PDF (application/json)');
    expect(reasonFor('/riesig/')).toMatch(/^larger than 5000 bytes/);
    expect(reasonFor('/langsam/')).toBe('timed out after 300 ms');
    expect(site.hits.get('/logo.png')).toBeUndefined();
  });

  it('counts errors apart from the crawler’s own decisions', () => {
    expect(report.skippedByCategory).toMatchObject({ 'redirect': 3, 'http-error': 2, 'network': 1, 'too-large': 1, 'content-type': 1 });
    expect(report.pages).toBe(5);
  });
});
