import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHashedNgramEmbedder, passageUrl, resolveSettings, type Passage } from '@auskunft/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSettings, crawlSite, type CrawlReport } from '../src/index.js';
import { makePdf } from './make-pdf.js';
import { page, serveSite, type FixtureSite } from './serve-site.js';

const embedder = createHashedNgramEmbedder({ dimension: 64 });
const settings = { ...resolveSettings(crawlSettings), delayMs: 0, concurrency: 2, retryDelayMs: 5 };

const MERKBLATT = makePdf(
  [
    ['Merkblatt Kraftfahrzeughilfe', 'Die Kraftfahrzeughilfe unterstützt schwerbehinderte Berufstätige', 'beim Kauf eines Autos und beim behinderungsbedingten Umbau.'],
    ['Antragstellung', 'Stellen Sie den Antrag vor dem Kauf des Fahrzeugs beim Inklusions-', 'amt. Legen Sie einen Kostenvoranschlag für den Umbau bei.'],
  ],
  { title: 'Merkblatt Kraftfahrzeughilfe (Stand 2026)' },
);

describe('PDFs linked from pages', () => {
  let site: FixtureSite;
  let outDir: string;
  let report: CrawlReport;
  let passages: Passage[];

  beforeAll(async () => {
    site = await serveSite({
      '/': page('Kraftfahrzeughilfe', '<p>Alle Einzelheiten zur Kraftfahrzeughilfe stehen in unseren Merkblättern und Formularen.</p>', ['/formulare/']),
      '/formulare/': {
        body: `<html lang="de"><body><main><h1>Formulare</h1><p>Hier finden Sie alle Antragsformulare des Inklusionsamts zum Herunterladen.</p><ul>
<li><a href="/media/merkblatt-kfz-hilfe.pdf">Merkblatt Kraftfahrzeughilfe (PDF, 2 Seiten)</a></li>
<li><a href="/media/antrag-arbeitsassistenz.pdf">Antrag auf Arbeitsassistenz</a></li>
<li><a href="/media/scan.pdf">Gescannter Bescheid</a></li>
<li><a href="/media/kaputt.pdf">Beschädigte Datei</a></li></ul></main></body></html>`,
      },
      '/media/merkblatt-kfz-hilfe.pdf': { type: 'application/pdf', body: MERKBLATT },
      '/media/antrag-arbeitsassistenz.pdf': {
        // Download servers often say octet-stream; the file is recognised by its %PDF- signature.
        type: 'application/octet-stream',
        body: makePdf([['Antrag auf Übernahme der Kosten einer notwendigen Arbeitsassistenz nach § 185 SGB IX']]),
      },
      '/media/scan.pdf': { type: 'application/pdf', body: makePdf([[]]) },
      '/media/kaputt.pdf': { type: 'application/pdf', body: '%PDF-1.7 abgeschnitten' },
    });
    outDir = await mkdtemp(join(tmpdir(), 'auskunft-pdf-'));
    report = await crawlSite({ startUrls: [site.url], outDir, embedder, settings });
    passages = JSON.parse(await readFile(join(report.indexDir, 'passages.json'), 'utf8'));
  });

  afterAll(async () => {
    await site.close();
    await rm(outDir, { recursive: true, force: true });
  });

  it('indexes the text of each PDF page, cited as file.pdf#page=N', () => {
    const pdf = passages.filter((p) => p.url.endsWith('/merkblatt-kfz-hilfe.pdf'));
    expect(pdf.map((p) => [p.pageNumber, p.anchor, p.section])).toEqual([[1, 'page=1', 'Seite 1'], [2, 'page=2', 'Seite 2']]);
    expect(pdf[1]).toMatchObject({ origin: 'pdf', kind: 'section', lang: 'de', title: 'Merkblatt Kraftfahrzeughilfe (Stand 2026)' });
    expect(pdf[1]!.text).toContain('Stellen Sie den Antrag vor dem Kauf des Fahrzeugs beim Inklusionsamt.');
    expect(passageUrl(pdf[1]!)).toBe(`${site.origin}/media/merkblatt-kfz-hilfe.pdf#page=2`);
  });

  it('titles a PDF without metadata by the link that points to it', () => {
    const antrag = passages.find((p) => p.url.endsWith('/antrag-arbeitsassistenz.pdf'));
    expect(antrag).toMatchObject({ title: 'Antrag auf Arbeitsassistenz', anchor: 'page=1' });
    expect(antrag!.text).toContain('notwendigen Arbeitsassistenz nach § 185 SGB IX');
  });

  it('reports scanned and broken PDFs and counts the good ones', () => {
    const reasons = Object.fromEntries(report.skipped.map((s) => [new URL(s.url).pathname, s.reason]));
    expect(reasons['/media/scan.pdf']).toBe('PDF without text (a scanned image?)');
    expect(reasons['/media/kaputt.pdf']).toMatch(/^PDF could not be read: /);
    expect(report).toMatchObject({ pages: 2, pdfs: 2 });
  });

  it('leaves PDFs alone when crawl.pdfs is off', async () => {
    const before = site.hits.get('/media/merkblatt-kfz-hilfe.pdf');
    const off = await crawlSite({ startUrls: [site.url], outDir, embedder, settings: { ...settings, pdfs: false } });
    expect(off.pdfs).toBe(0);
    expect(site.hits.get('/media/merkblatt-kfz-hilfe.pdf')).toBe(before);
  });
});
