import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHashedNgramEmbedder, resolveSettings, type Passage } from '@auskunft/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSettings, crawlSite, type CrawlReport } from '../src/index.js';
import { makePdf } from './make-pdf.js';
import { page, serveSite, type FixtureSite } from './serve-site.js';

const settings = { ...resolveSettings(crawlSettings), delayMs: 0, concurrency: 2, retryDelayMs: 5 };
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const nested = (levels: number) =>
  `<!doctype html><html lang="de"><head><title>Sprechzeiten | Fixture-Amt</title></head><body><main><h1>Sprechzeiten</h1>${'<div>'.repeat(levels)}` +
  `<p>Das Bürgerbüro ist montags bis freitags von 8 bis 12 Uhr geöffnet.</p>${'</div>'.repeat(levels)}</main></body></html>`;

describe('responses that do not say what they are', () => {
  let site: FixtureSite;
  let outDir: string;
  let report: CrawlReport;
  let passages: Passage[];
  const reasons = () => Object.fromEntries(report.skipped.map((s) => [new URL(s.url).pathname, s.reason]));

  beforeAll(async () => {
    site = await serveSite({
      '/': page('Startseite', '<p>Willkommen beim Fixture-Amt mit Informationen zu allen Leistungen.</p>', [
        '/entwurf/', '/nur-fuer-andere/', '/intern.pdf', '/formular/', '/bild/', '/tief/', '/riesig/',
      ]),
      '/entwurf/': { ...page('Entwurf', '<p>Dieser Entwurf der Gebührenordnung ist noch nicht beschlossen.</p>'), headers: { 'x-robots-tag': 'noindex' } },
      '/nur-fuer-andere/': { ...page('Parkausweis', '<p>Den Parkausweis beantragen Sie bei der Straßenverkehrsbehörde.</p>'), headers: { 'x-robots-tag': 'googlebot: noindex' } },
      '/intern.pdf': { type: 'application/pdf', body: makePdf([['Interne Dienstanweisung zur Aktenführung.']]), headers: { 'x-robots-tag': 'noindex, nofollow' } },
      // A CMS download handler that labels every file as a page.
      '/formular/': { type: 'text/html; charset=utf-8', body: makePdf([['Antrag auf Kraftfahrzeughilfe: bitte vollständig ausfüllen.']], { title: 'Antrag Kraftfahrzeughilfe' }) },
      '/bild/': { type: 'text/html', body: PNG },
      '/tief/': { body: nested(100_000) },
      '/riesig/': { body: `<html><body><main><h1>Liste</h1>${'<span>x</span>'.repeat(200_001)}</main></body></html>` },
    });
    outDir = await mkdtemp(join(tmpdir(), 'auskunft-responses-'));
    report = await crawlSite({ startUrls: [site.url], outDir, embedder: createHashedNgramEmbedder({ dimension: 32 }), settings });
    passages = JSON.parse(await readFile(join(report.indexDir, 'passages.json'), 'utf8'));
  });

  afterAll(async () => {
    await site.close();
    await rm(outDir, { recursive: true, force: true });
  });

  it('honours X-Robots-Tag: noindex on pages and PDFs like the meta tag', () => {
    expect(reasons()).toMatchObject({ '/entwurf/': 'marked noindex', '/intern.pdf': 'marked noindex (X-Robots-Tag)' });
    expect(passages.some((p) => p.text.includes('Gebührenordnung'))).toBe(false);
  });

  it('ignores X-Robots-Tag directives addressed to another crawler', () => {
    expect(passages.some((p) => p.text.includes('Straßenverkehrsbehörde'))).toBe(true);
  });

  it('reads a PDF served as text/html as a PDF', () => {
    const form = passages.find((p) => p.url === `${site.origin}/formular/`);
    expect(form).toMatchObject({ origin: 'pdf', title: 'Antrag Kraftfahrzeughilfe', text: expect.stringContaining('Kraftfahrzeughilfe') });
  });

  it('skips binary data served as text/html instead of indexing garbage', () => {
    expect(reasons()['/bild/']).toBe('labelled text/html, but the content is binary data');
    expect(passages.some((p) => p.url.endsWith('/bild/'))).toBe(false);
  });

  it('reads the text of a page nested 100,000 levels deep and says that the nesting cap was reached', () => {
    expect(passages.find((p) => p.url.endsWith('/tief/'))?.text).toBe('Das Bürgerbüro ist montags bis freitags von 8 bis 12 Uhr geöffnet.');
    expect(report.warnings).toContain(`${site.origin}/tief/: HTML nested 100004 levels deep; tags below level 256 were ignored, their text was kept`);
  });

  it('refuses a page with more elements than the cap and still indexes the rest of the site', () => {
    expect(reasons()['/riesig/']).toBe('not read: more than 200000 HTML elements (200005)');
    expect({ pages: report.pages, pdfs: report.pdfs }).toEqual({ pages: 3, pdfs: 1 });
  });
});
