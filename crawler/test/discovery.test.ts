import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHashedNgramEmbedder, resolveSettings, type Passage } from '@auskunft/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSettings, crawlSite, type CrawlReport } from '../src/index.js';
import { page, serveSite, type FixtureSite } from './serve-site.js';

const embedder = createHashedNgramEmbedder({ dimension: 64 });
const base = { ...resolveSettings(crawlSettings), delayMs: 0, concurrency: 3, retryDelayMs: 5 };

const urlset = (origin: string, paths: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${paths
    .map((p) => `<url><loc>${origin}${p}</loc><lastmod>2026-06-30</lastmod></url>`)
    .join('')}</urlset>`;

/** "Next month" links that never end, as calendar plug-ins render them. */
function calendarMonth(year: number, month: number) {
  const next = month === 12 ? [year + 1, 1] : [year, month + 1];
  return page(`Veranstaltungen ${month}/${year}`, `<p>Termine des Inklusionsamts im Monat ${month} des Jahres ${year}: Sprechstunden und Seminare für Schwerbehindertenvertretungen.</p>`, [`/kalender/${next[0]}/${next[1]}/`]);
}

/** A site whose pages are found through robots.txt, a sitemap index and a gzipped sitemap as well as links. */
async function startDiscoverySite() {
  const routes: Parameters<typeof serveSite>[0] = {
    '/robots.txt': ({ origin }) => ({ type: 'text/plain', body: `User-agent: *\nDisallow: /intern/\n\nSitemap: ${origin}/sitemap-index.xml\n` }),
    '/sitemap-index.xml': ({ origin }) => ({
      type: 'application/xml',
      body: `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${origin}/sitemap-seiten.xml</loc></sitemap><sitemap><loc>${origin}/sitemap-archiv.xml.gz</loc></sitemap></sitemapindex>`,
    }),
    '/sitemap-seiten.xml': ({ origin }) => ({ type: 'application/xml', body: urlset(origin, ['/', '/nur-in-der-sitemap/', '/intern/protokoll/']) }),
    '/sitemap-archiv.xml.gz': ({ origin }) => ({ type: 'application/gzip', body: gzipSync(urlset(origin, ['/archiv/jahresbericht/'])) }),
    '/': page('Startseite', '<p>Willkommen beim Fixture-Amt. Hier finden Sie Leistungen für schwerbehinderte Menschen.</p>', [
      '/leistungen/', '/leistungen/?utm_source=newsletter&utm_medium=mail', '/leistungen/;jsessionid=0A1B2C3D4E', '/leistungen',
      '/drucken/leistungen/', '/kalender/2026/11/', '/tief/1/', '/kanonisch-kopie/', '/kanonisch/', '/intern/',
    ]),
    '/leistungen/': page('Leistungen', '<h2 id="kfz">Kraftfahrzeughilfe</h2><p>Zuschüsse zum Kauf und Umbau eines Autos für den Weg zur Arbeit.</p>'),
    '/drucken/leistungen/': page('Leistungen (Druckansicht)', '<p>Druckfassung der Seite Leistungen mit allen Angeboten des Amtes.</p>'),
    '/nur-in-der-sitemap/': page('Gebärdensprache', '<p>Informationen in Deutscher Gebärdensprache, nur über die Sitemap verlinkt.</p>'),
    '/archiv/jahresbericht/': page('Jahresbericht 2025', '<p>Der Jahresbericht des Inklusionsamts mit allen Zahlen zur Ausgleichsabgabe.</p>'),
    '/intern/protokoll/': page('Protokoll', '<p>Internes Protokoll der Dienstbesprechung, nicht für die Suche.</p>'),
    '/kanonisch-kopie/': page('Wohnungshilfe', '<p>Zuschüsse für den behinderungsgerechten Umbau der Wohnung.</p>', [], '<link rel="canonical" href="/kanonisch/">'),
    '/kanonisch/': page('Wohnungshilfe', '<p>Zuschüsse für den behinderungsgerechten Umbau der Wohnung.</p>'),
  };
  for (let year = 2026; year <= 2030; year++) for (let month = 1; month <= 12; month++) routes[`/kalender/${year}/${month}/`] = calendarMonth(year, month);
  for (let level = 1; level <= 12; level++) routes[`/tief/${level}/`] = page(`Ebene ${level}`, `<p>Unterseite auf Ebene ${level} der Navigation mit einem eigenen Text über Beratung.</p>`, [`/tief/${level + 1}/`]);
  return serveSite(routes);
}

describe('discovery and scope on a site with sitemaps, traps and duplicates', () => {
  let site: FixtureSite;
  let outDir: string;
  let report: CrawlReport;
  let passages: Passage[];
  const reasonFor = (path: string) => report.skipped.find((s) => new URL(s.url).pathname + new URL(s.url).search === path)?.reason;

  beforeAll(async () => {
    site = await startDiscoverySite();
    outDir = await mkdtemp(join(tmpdir(), 'auskunft-discovery-'));
    const settings = { ...base, exclude: ['/drucken/'], maxDepth: 8, maxDateVariants: 5 };
    report = await crawlSite({ startUrls: [site.url], outDir, embedder, settings });
    passages = JSON.parse(await readFile(join(report.indexDir, 'passages.json'), 'utf8'));
  });

  afterAll(async () => {
    await site.close();
    await rm(outDir, { recursive: true, force: true });
  });

  it('finds pages listed only in a sitemap index and in a gzipped sitemap', () => {
    const urls = new Set(passages.map((p) => new URL(p.url).pathname));
    expect(urls).toContain('/nur-in-der-sitemap/');
    expect(urls).toContain('/archiv/jahresbericht/');
    expect(passages.find((p) => p.url.endsWith('/nur-in-der-sitemap/'))?.modified).toBe('2026-06-30');
    expect(report.warnings).toEqual([]);
  });

  it('honours robots.txt for linked and sitemap URLs alike', () => {
    expect(reasonFor('/intern/')).toBe('disallowed by robots.txt');
    expect(reasonFor('/intern/protokoll/')).toBe('disallowed by robots.txt');
    expect(site.hits.get('/intern/protokoll/')).toBeUndefined();
  });

  it('fetches a page once despite tracking parameters, session ids and a missing trailing slash', () => {
    expect(site.hits.get('/leistungen/')).toBe(1);
    expect([...site.hits.keys()].filter((p) => p.startsWith('/leistungen'))).toEqual(['/leistungen/']);
  });

  it('indexes a page under its canonical URL once', () => {
    expect(passages.filter((p) => p.title === 'Wohnungshilfe').map((p) => new URL(p.url).pathname)).toEqual(['/kanonisch/']);
    expect(report.skippedByCategory.duplicate).toBe(1);
  });

  it('skips excluded URLs without fetching them', () => {
    expect(reasonFor('/drucken/leistungen/')).toBe('excluded by crawl.exclude pattern "/drucken/"');
    expect(site.hits.get('/drucken/leistungen/')).toBeUndefined();
  });

  it('stops an endless calendar and a too-deep chain of links', () => {
    const months = [...site.hits.keys()].filter((p) => p.startsWith('/kalender/'));
    expect(months).toHaveLength(5);
    expect(reasonFor('/kalender/2027/4/')).toMatch(/^crawler trap: more than 5 date variants/);
    expect(reasonFor('/tief/9/')).toBe('more than 8 links away from the start (crawl.maxDepth)');
    expect(site.hits.get('/tief/8/')).toBe(1);
    expect(report.skippedByCategory).toMatchObject({ trap: 1, depth: 1, robots: 2, excluded: 1 });
  });
});

describe('include patterns', () => {
  it('follows the start page for links but indexes only the included area', async () => {
    const site = await startDiscoverySite();
    const outDir = await mkdtemp(join(tmpdir(), 'auskunft-include-'));
    try {
      const report = await crawlSite({ startUrls: [site.url], outDir, embedder, settings: { ...base, include: ['/leistungen/', '/archiv/'], useSitemaps: false } });
      const passages: Passage[] = JSON.parse(await readFile(join(report.indexDir, 'passages.json'), 'utf8'));
      expect([...new Set(passages.map((p) => new URL(p.url).pathname))]).toEqual(['/leistungen/']);
      expect(report.skipped.find((s) => s.url === site.url)?.reason).toBe('start page outside the include patterns: links followed, page not indexed');
      expect(site.hits.get('/sitemap-index.xml')).toBeUndefined();
    } finally {
      await site.close();
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
