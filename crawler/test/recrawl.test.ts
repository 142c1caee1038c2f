import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHashedNgramEmbedder, passageEmbeddingText, resolveSettings, type Embedder, type Passage } from '@auskunft/core';
import hnswlib from 'hnswlib-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSettings, crawlSite, type CrawlReport } from '../src/index.js';
import { makePdf } from './make-pdf.js';
import { page, serveSite, type FixtureSite } from './serve-site.js';

const settings = { ...resolveSettings(crawlSettings), delayMs: 0, concurrency: 2, retryDelayMs: 5 };

/** The built-in embedder, recording every text it is asked to embed. */
function countingEmbedder(): Embedder & { texts: string[] } {
  const inner = createHashedNgramEmbedder({ dimension: 64 });
  const texts: string[] = [];
  return {
    texts,
    id: inner.id,
    dimension: inner.dimension,
    embed: (batch, purpose) => {
      texts.push(...batch);
      return inner.embed(batch, purpose);
    },
  };
}

const pages = {
  '/': page('Startseite', '<p>Willkommen beim Fixture-Amt: Leistungen für schwerbehinderte Menschen im Arbeitsleben.</p>', ['/budget/', '/kfz/', '/alt/', '/merkblatt.pdf']),
  '/budget/': page('Budget für Arbeit', '<h2 id="wer">Wer bekommt es?</h2><p>Beschäftigte aus einer Werkstatt für behinderte Menschen.</p><h2 id="hoehe">Wie hoch ist der Zuschuss?</h2><p>Bis zu 75 Prozent des Arbeitsentgelts.</p>'),
  '/kfz/': page('Kraftfahrzeughilfe', '<p>Zuschüsse zum Kauf eines Autos und für den behinderungsbedingten Umbau.</p>'),
  '/alt/': page('Alte Seite', '<p>Diese Seite über die frühere Ausgleichsabgabe wird bald gelöscht.</p>'),
  '/merkblatt.pdf': { type: 'application/pdf', body: makePdf([['Merkblatt Budget für Arbeit: Antrag beim Inklusionsamt stellen.']], { title: 'Merkblatt Budget für Arbeit' }) },
};

describe('incremental re-crawl', () => {
  let site: FixtureSite;
  let outDir: string;
  let first: CrawlReport;
  let second: CrawlReport;
  const embedder = countingEmbedder();
  let firstCalls: string[];
  let secondCalls: string[];
  let secondRequests: FixtureSite['requests'];

  beforeAll(async () => {
    site = await serveSite({ ...pages }, { etags: true });
    outDir = await mkdtemp(join(tmpdir(), 'auskunft-recrawl-'));
    first = await crawlSite({ startUrls: [site.url], outDir, embedder, settings });
    firstCalls = embedder.texts.splice(0);

    // The editors change one section, delete a page (and the link to it) and add a new one.
    site.routes['/budget/'] = page('Budget für Arbeit', '<h2 id="wer">Wer bekommt es?</h2><p>Beschäftigte aus einer Werkstatt für behinderte Menschen.</p><h2 id="hoehe">Wie hoch ist der Zuschuss?</h2><p>Bis zu 75 Prozent des Arbeitsentgelts, höchstens 40 Prozent der Bezugsgröße.</p>');
    delete site.routes['/alt/'];
    site.routes['/'] = page('Startseite', '<p>Willkommen beim Fixture-Amt: Leistungen für schwerbehinderte Menschen im Arbeitsleben.</p>', ['/budget/', '/kfz/', '/neu/', '/merkblatt.pdf']);
    site.routes['/neu/'] = page('Wohnungshilfe', '<p>Zuschüsse für den behinderungsgerechten Umbau der Wohnung.</p>');
    const before = site.requests.length;
    second = await crawlSite({ startUrls: [site.url], outDir, embedder, settings });
    secondCalls = embedder.texts.splice(0);
    secondRequests = site.requests.slice(before);
  });

  afterAll(async () => {
    await site.close();
    await rm(outDir, { recursive: true, force: true });
  });

  it('embeds everything on the first crawl', () => {
    expect(firstCalls).toHaveLength(first.passages);
    expect(first.embedding).toEqual({ embedded: first.passages, reused: 0 });
  });

  it('asks conditionally and gets "304 Not Modified" for unchanged documents, PDFs included', () => {
    const conditional = secondRequests.filter((r) => r.headers['if-none-match']);
    expect(conditional.map((r) => r.path).sort()).toEqual(['/', '/budget/', '/kfz/', '/merkblatt.pdf']);
    expect(secondRequests.filter((r) => r.status === 304).map((r) => r.path).sort()).toEqual(['/kfz/', '/merkblatt.pdf']);
    expect(second.notModified).toBe(2);
  });

  it('re-embeds only the changed section and the new page', () => {
    // The start page changed only in its navigation, which is not content: nothing to embed there.
    expect(secondCalls).toEqual([expect.stringContaining('höchstens 40 Prozent der Bezugsgröße'), expect.stringContaining('Umbau der Wohnung')]);
    expect(second.embedding).toEqual({ embedded: 2, reused: second.passages - 2 });
    expect(second.changes).toEqual({ added: 1, changed: 1, unchanged: 3, removed: 1, kept: 0 });
    expect(second.removedUrls).toEqual([`${site.origin}/alt/`]);
  });

  it('drops the deleted page and keeps reused vectors identical to fresh ones', async () => {
    const passages: Passage[] = JSON.parse(await readFile(join(second.indexDir, 'passages.json'), 'utf8'));
    expect(passages.some((p) => p.url.endsWith('/alt/'))).toBe(false);
    expect(passages.filter((p) => p.url.endsWith('/budget/')).map((p) => p.section)).toEqual(['Wer bekommt es?', 'Wie hoch ist der Zuschuss?']);

    const index = new hnswlib.HierarchicalNSW('cosine', 64);
    index.readIndexSync(join(second.indexDir, 'vectors.hnsw'));
    const reused = passages.find((p) => p.url.endsWith('/kfz/'))!;
    const [fresh] = await createHashedNgramEmbedder({ dimension: 64 }).embed([passageEmbeddingText(reused)], 'passage');
    const stored = index.getPoint(reused.id);
    stored.forEach((value, i) => expect(value).toBeCloseTo(fresh![i]!, 6));
  });

  it('writes a new version next to the old one and switches CURRENT', async () => {
    expect(second.version).not.toBe(first.version);
    expect((await readFile(join(outDir, 'CURRENT'), 'utf8')).trim()).toBe(second.version);
    expect((await readdir(join(outDir, 'versions'))).sort()).toEqual([first.version, second.version].sort());
    const saved = JSON.parse(await readFile(join(second.indexDir, 'crawl-report.json'), 'utf8')) as CrawlReport;
    expect(saved).toMatchObject({ version: second.version, changes: second.changes, embedding: second.embedding });
  });

  it('fetches and embeds everything again with crawl.incremental off', async () => {
    const full = await crawlSite({ startUrls: [site.url], outDir, embedder, settings: { ...settings, incremental: false } });
    expect(embedder.texts.splice(0)).toHaveLength(full.passages);
    expect(full.notModified).toBe(0);
  });
});
