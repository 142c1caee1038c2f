import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHashedNgramEmbedder, resolveSettings, type Passage } from '@auskunft/core';
import { listVersions, readCurrentVersion } from '@auskunft/core/fs';
import hnswlib from 'hnswlib-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSettings, crawlSite, type CrawlReport } from '../src/index.js';
import { page, serveSite, type FixtureSite } from './serve-site.js';

const settings = { ...resolveSettings(crawlSettings), delayMs: 0, concurrency: 2, retries: 1, retryDelayMs: 5, timeoutMs: 2000 };
const embedder = createHashedNgramEmbedder({ dimension: 64 });

const TOPICS = ['Kraftfahrzeughilfe', 'Arbeitsassistenz', 'Wohnungshilfe', 'Budget für Arbeit', 'Kündigungsschutz', 'Technische Arbeitshilfen', 'Gebärdensprache', 'Ausgleichsabgabe', 'Eingliederungszuschuss'];
const paths = TOPICS.map((_, i) => `/leistung-${i + 1}/`);
const pages = () => ({
  '/': page('Leistungen', '<p>Übersicht der Leistungen des Inklusionsamts für Beschäftigte und Arbeitgeber.</p>', paths),
  ...Object.fromEntries(paths.map((path, i) => [path, page(TOPICS[i]!, `<p>${TOPICS[i]} wird auf Antrag beim Inklusionsamt gewährt; die Beratung ist kostenlos.</p>`)])),
});

async function passagesOf(report: CrawlReport): Promise<Passage[]> {
  return JSON.parse(await readFile(join(report.indexDir, 'passages.json'), 'utf8'));
}

describe('a re-crawl during a partial outage', () => {
  let site: FixtureSite;
  let outDir: string;
  let first: CrawlReport;
  let during: CrawlReport;

  beforeAll(async () => {
    site = await serveSite(pages());
    outDir = await mkdtemp(join(tmpdir(), 'auskunft-outage-'));
    first = await crawlSite({ startUrls: [site.url], outDir, embedder, settings });
    // Maintenance: one page answers 503 after every retry, one drops the connection, one is really gone.
    site.routes['/leistung-1/'] = { status: 503, body: 'Wartungsarbeiten' };
    site.routes['/leistung-2/'] = { drop: true };
    delete site.routes['/leistung-3/'];
    during = await crawlSite({ startUrls: [site.url], outDir, embedder, settings });
  });

  afterAll(async () => {
    await site.close();
    await rm(outDir, { recursive: true, force: true });
  });

  it('keeps the passages of pages that fail temporarily and removes only the page that is gone', async () => {
    expect(during.changes).toMatchObject({ removed: 1, kept: 2 });
    expect(during.removedUrls).toEqual([`${site.origin}/leistung-3/`]);
    const urls = new Set((await passagesOf(during)).map((p) => p.url));
    expect(urls.has(`${site.origin}/leistung-1/`)).toBe(true);
    expect(urls.has(`${site.origin}/leistung-2/`)).toBe(true);
    expect(urls.has(`${site.origin}/leistung-3/`)).toBe(false);
  });

  it('says which version the kept pages come from and why they failed', () => {
    expect(during.keptUrls).toEqual([
      { url: `${site.origin}/leistung-1/`, fromVersion: first.version, reason: 'HTTP 503' },
      { url: `${site.origin}/leistung-2/`, fromVersion: first.version, reason: expect.stringContaining('request failed') },
    ].sort((a, b) => (a.url < b.url ? -1 : 1)));
  });

  it('carries the vectors of kept passages over instead of embedding them again', async () => {
    const kept = (await passagesOf(during)).find((p) => p.url.endsWith('/leistung-1/'))!;
    const before = (await passagesOf(first)).find((p) => p.text === kept.text)!;
    const read = (dir: string) => {
      const index = new hnswlib.HierarchicalNSW('cosine', 64);
      index.readIndexSync(join(dir, 'vectors.hnsw'));
      return index;
    };
    expect(read(during.indexDir).getPoint(kept.id)).toEqual(read(first.indexDir).getPoint(before.id));
    expect(during.embedding.embedded).toBe(0);
  });

  it('makes the new version live when few pages failed', async () => {
    expect(during.live).toBe(true);
    expect(await readCurrentVersion(outDir)).toBe(during.version);
  });

  it('writes the version but keeps the previous one live when more than crawl.maxFailureShare fail', async () => {
    for (const path of paths.slice(3, 6)) site.routes[path] = { status: 502 };
    const report = await crawlSite({ startUrls: [site.url], outDir, embedder, settings });
    // 2 + 3 of the 9 pages in the live version failed: 55.6 % > 20 %.
    expect(report.live).toBe(false);
    expect(report.heldBack).toMatch(/5 of 9 pages of version .* failed temporarily \(55\.6 %, more than crawl\.maxFailureShare 20 %\)/);
    expect(await readCurrentVersion(outDir)).toBe(during.version);
    expect((await listVersions(outDir)).map((v) => v.version)).toContain(report.version);
  });

  it('makes even a crawl with many failures live with crawl.maxFailureShare 1', async () => {
    const report = await crawlSite({ startUrls: [site.url], outDir, embedder, settings: { ...settings, maxFailureShare: 1 } });
    expect(report.live).toBe(true);
    expect(await readCurrentVersion(outDir)).toBe(report.version);
  });

  it('follows the remembered links of a failed start page, so the pages behind it stay', async () => {
    site.routes['/'] = { status: 503 };
    for (const path of paths.slice(3, 6)) site.routes[path] = pages()[path as keyof ReturnType<typeof pages>]!;
    const report = await crawlSite({ startUrls: [site.url], outDir, embedder, settings: { ...settings, maxFailureShare: 1 } });
    expect(report.keptUrls.map((k) => k.url)).toContain(site.url);
    expect(report.pages).toBe(9);
  });
});
