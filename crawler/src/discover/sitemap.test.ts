import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseSitemap, readSitemaps } from './sitemap.js';

const urlset = (...locs: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${locs.map((l) => `<url><loc>${l}</loc><lastmod>2026-10-01</lastmod></url>`).join('')}</urlset>`;
const bytes = (text: string) => new TextEncoder().encode(text);

describe('sitemaps', () => {
  it('reads page URLs, lastmod and escaped ampersands', () => {
    const parsed = parseSitemap(bytes(urlset('https://amt.example/antrag/?a=1&amp;b=2', 'https://amt.example/kontakt/')));
    expect(parsed.urls).toEqual([
      { url: 'https://amt.example/antrag/?a=1&b=2', lastmod: '2026-10-01' },
      { url: 'https://amt.example/kontakt/', lastmod: '2026-10-01' },
    ]);
  });

  it('unpacks gzip by its magic bytes, whatever the file is called', () => {
    const parsed = parseSitemap(gzipSync(urlset('https://amt.example/merkblatt.pdf')));
    expect(parsed.urls.map((u) => u.url)).toEqual(['https://amt.example/merkblatt.pdf']);
  });

  it('follows sitemap indexes, reads every child once and reports broken ones', async () => {
    const files: Record<string, Uint8Array> = {
      'https://amt.example/sitemap.xml': bytes(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <sitemap><loc>https://amt.example/sitemap-seiten.xml</loc></sitemap>
        <sitemap><loc>https://amt.example/sitemap-pdf.xml.gz</loc></sitemap>
        <sitemap><loc>https://amt.example/sitemap-seiten.xml</loc></sitemap>
        <sitemap><loc>https://amt.example/kaputt.xml</loc></sitemap></sitemapindex>`),
      'https://amt.example/sitemap-seiten.xml': bytes(urlset('https://amt.example/a/', 'https://amt.example/b/')),
      'https://amt.example/sitemap-pdf.xml.gz': gzipSync(urlset('https://amt.example/merkblatt.pdf')),
      'https://amt.example/kaputt.xml': bytes('<html><body>Fehler</body></html>'),
    };
    const requested: string[] = [];
    const result = await readSitemaps(['https://amt.example/sitemap.xml'], {
      get: async (url) => (requested.push(url), files[url] ?? { problem: 'HTTP 404' }),
    });
    expect(result.entries.map((e) => e.url)).toEqual(['https://amt.example/a/', 'https://amt.example/b/', 'https://amt.example/merkblatt.pdf']);
    expect(requested.filter((u) => u.endsWith('sitemap-seiten.xml'))).toHaveLength(1);
    expect(result.problems).toEqual(['https://amt.example/kaputt.xml: not a readable sitemap (neither <urlset> nor <sitemapindex>)']);
  });

  it('bounds nesting so a generated index cannot recurse forever', async () => {
    const selfIndex = bytes('<sitemapindex><sitemap><loc>https://amt.example/tiefer.xml</loc></sitemap></sitemapindex>');
    const result = await readSitemaps(['https://amt.example/sitemap.xml'], { get: async () => selfIndex, maxNesting: 1 });
    expect(result.entries).toEqual([]);
    expect(result.problems[0]).toMatch(/nested deeper than 1/);
  });

  it('accepts an empty urlset', () => {
    expect(parseSitemap(bytes('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>'))).toEqual({ urls: [], sitemaps: [] });
  });
});
