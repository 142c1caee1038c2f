import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDemoPages, startDemoSite, type DemoSite } from './index.js';
import { countMatches, extractHrefs, rawRequest } from './test-helpers/http.js';

let site: DemoSite;
let origin: string;
let pages: string[];

beforeAll(async () => {
  site = await startDemoSite();
  origin = new URL(site.url).origin;
  pages = await listDemoPages();
});

afterAll(async () => {
  await site.close();
});

describe('startDemoSite', () => {
  it('listens on 127.0.0.1 with a random port and a trailing-slash URL', () => {
    expect(site.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('lists between 32 and 38 public pages, starting with the home page', () => {
    expect(pages.length).toBeGreaterThanOrEqual(32);
    expect(pages.length).toBeLessThanOrEqual(38);
    expect(pages[0]).toBe('/');
    expect(pages).toContain('/inklusionsamt/kraftfahrzeughilfe/');
    expect(pages).not.toContain('/intern/');
    for (const path of pages) expect(path).toMatch(/^\/(?:[a-z0-9-]+\/)*$/);
  });
});

describe('pages', () => {
  it('every page answers 200 with the full layout', async () => {
    for (const path of pages) {
      const res = await fetch(new URL(path, site.url));
      const html = await res.text();
      const where = `page ${path}`;
      expect(res.status, where).toBe(200);
      expect(res.headers.get('content-type'), where).toBe('text/html; charset=utf-8');
      expect(res.headers.get('etag'), where).toMatch(/^"[^"]+"$/);
      expect(Date.parse(res.headers.get('last-modified') ?? ''), where).not.toBeNaN();
      expect(html, where).toMatch(/^<!DOCTYPE html>\s*<html lang="de">/);
      expect(html, where).toMatch(/<title>[^<]+ \| Landschaftsverband Mittelrhein-Ruhr<\/title>/);
      expect(html, where).toMatch(/<meta name="description" content="[^"]{40,}">/);
      expect(html, where).toContain(`<link rel="canonical" href="${origin}${path}">`);
      expect(html, where).toContain('<a class="skip-link" href="#inhalt">');
      expect(html, where).toMatch(/<header class="kopf">[\s\S]*<nav class="hauptnavigation"[\s\S]*<\/header>/);
      expect(html, where).toContain('<nav class="brotkrumen"');
      expect(html, where).toContain('<main id="inhalt">');
      expect(html, where).toMatch(/<footer class="fuss">[\s\S]*Impressum[\s\S]*Datenschutz[\s\S]*Barrierefreiheit[\s\S]*<\/footer>/);
      expect(countMatches(html, /<h1\b/g), where).toBe(1);
      expect(html, where).toMatch(/<main id="inhalt">\s*<h1>[^<]+<\/h1>/);
    }
  });

  it('has substantial content with sections on the Inklusionsamt pages', async () => {
    for (const path of pages.filter((p) => p.startsWith('/inklusionsamt/'))) {
      const html = await (await fetch(new URL(path, site.url))).text();
      const main = /<main id="inhalt">([\s\S]*)<\/main>/.exec(html)![1]!;
      const words = main.replace(/<[^>]+>/g, ' ').split(/\s+/).filter(Boolean).length;
      expect(words, path).toBeGreaterThanOrEqual(200);
      expect(words, path).toBeLessThanOrEqual(900);
      expect(countMatches(main, /<h2\b/g), path).toBeGreaterThanOrEqual(2);
    }
  });

  it('uses everyday and formal words for cars on the Kfz page', async () => {
    const html = await (await fetch(new URL('/inklusionsamt/kraftfahrzeughilfe/', site.url))).text();
    for (const word of ['Auto', 'Kraftfahrzeug', 'PKW', 'Fahrzeug', 'Führerschein', '22.000 Euro']) expect(html).toContain(word);
    expect(html).toContain('href="/media/merkblatt-kfz-hilfe.pdf"');
  });

  it('shows breadcrumbs built from the parent pages', async () => {
    const html = await (await fetch(new URL('/inklusionsamt/schwerbehindertenausweis/grad-der-behinderung/', site.url))).text();
    const crumbs = /<nav class="brotkrumen"[\s\S]*?<\/nav>/.exec(html)![0];
    expect(crumbs).toMatch(/href="\/">Startseite<[\s\S]*href="\/inklusionsamt\/">Inklusionsamt<[\s\S]*href="\/inklusionsamt\/schwerbehindertenausweis\/">Schwerbehindertenausweis<[\s\S]*aria-current="page">GdB und Gleichstellung</);
  });

  it('uses the request Host header for the canonical link', async () => {
    const port = new URL(site.url).port;
    const res = await rawRequest(site.url, '/kontakt/', { headers: { Host: `localhost:${port}` } });
    expect(res.body).toContain(`<link rel="canonical" href="http://localhost:${port}/kontakt/">`);
  });
});

describe('links', () => {
  it('reaches every page and every linked PDF from / by following same-origin links; none is broken', async () => {
    const seen = new Set<string>(['/']);
    const queue = ['/'];
    const broken: string[] = [];
    const external = new Set<string>();
    while (queue.length > 0) {
      const path = queue.shift()!;
      const res = await fetch(new URL(path, site.url), { redirect: 'manual' });
      if (res.status !== 200) {
        broken.push(path);
        await res.body?.cancel();
        continue;
      }
      if (!(res.headers.get('content-type') ?? '').startsWith('text/html')) {
        await res.body?.cancel();
        continue;
      }
      for (const href of extractHrefs(await res.text())) {
        const target = new URL(href, new URL(path, site.url));
        if (target.protocol !== 'http:' && target.protocol !== 'https:') continue;
        if (target.origin !== origin) {
          external.add(target.href);
          continue;
        }
        if (!seen.has(target.pathname)) {
          seen.add(target.pathname);
          queue.push(target.pathname);
        }
      }
    }
    for (const path of pages) expect(seen, `unreachable: ${path}`).toContain(path);
    expect(broken).toEqual([]);
    expect([...seen].filter((p) => p.endsWith('.pdf')).sort()).toEqual(['/media/antrag-begleitende-hilfe.pdf', '/media/merkblatt-ausgleichsabgabe-2025.pdf', '/media/merkblatt-kfz-hilfe.pdf']);
    expect(external).toContain('https://www.gesetze-im-internet.de/sgb_9_2018/');
  });

  it('serves the linked PDFs as application/pdf and refuses other media paths', async () => {
    const pdf = await fetch(new URL('/media/merkblatt-kfz-hilfe.pdf', site.url));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    for (const path of ['/media/fehlt.pdf', '/media/..%2Fpackage.json', '/media/merkblatt-kfz-hilfe.exe']) {
      const res = await fetch(new URL(path, site.url));
      expect(res.status, path).toBe(404);
      await res.body?.cancel();
    }
  });

  it('has an aside with related links on some pages', async () => {
    const html = await (await fetch(new URL('/inklusionsamt/kraftfahrzeughilfe/', site.url))).text();
    expect(html).toMatch(/<aside[^>]*>\s*<h2[^>]*>Das könnte Sie auch interessieren<\/h2>[\s\S]*href="\/inklusionsamt\/wohnungshilfe\/">Wohnungshilfe</);
  });
});

describe('robots.txt and sitemap.xml', () => {
  it('serves robots.txt', async () => {
    const res = await fetch(new URL('/robots.txt', site.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const text = await res.text();
    expect(text).toMatch(/^User-agent: \*$/m);
    expect(text).toMatch(/^Allow: \/$/m);
    expect(text).toMatch(/^Disallow: \/intern\/$/m);
    expect(text).toMatch(new RegExp(`^Sitemap: ${origin}/sitemap\\.xml$`, 'm'));
  });

  it('lists every public page exactly once with lastmod', async () => {
    const res = await fetch(new URL('/sitemap.xml', site.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const xml = await res.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\s*<urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9">/);
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual(pages.map((path) => origin + path));
    const lastmods = [...xml.matchAll(/<lastmod>([^<]+)<\/lastmod>/g)].map((m) => m[1]!);
    expect(lastmods).toHaveLength(pages.length);
    for (const lastmod of lastmods) expect(lastmod).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
  });

  it('serves the robots-disallowed /intern/ page, marked noindex', async () => {
    const res = await fetch(new URL('/intern/', site.url));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<meta name="robots" content="noindex, nofollow">');
  });
});

describe('HTTP behaviour', () => {
  it('answers unknown paths with a 404 page in the same layout', async () => {
    const res = await fetch(new URL('/gibt-es-nicht/', site.url));
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('<h1>Seite nicht gefunden</h1>');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).not.toContain('rel="canonical"');
    expect(html).toContain('<nav class="hauptnavigation"');
  });

  it('redirects paths without trailing slash, keeping the query', async () => {
    const res = await fetch(new URL('/inklusionsamt/faq?quelle=test', site.url), { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/inklusionsamt/faq/?quelle=test');
  });

  it('ignores query strings when resolving pages', async () => {
    const res = await fetch(new URL('/kontakt/?utm_source=newsletter', site.url));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(`<link rel="canonical" href="${origin}/kontakt/">`);
  });

  it('answers If-None-Match and If-Modified-Since with 304', async () => {
    const url = new URL('/inklusionsamt/kuendigungsschutz/', site.url);
    const first = await fetch(url);
    await first.text();
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;

    const byEtag = await fetch(url, { headers: { 'If-None-Match': etag } });
    expect(byEtag.status).toBe(304);
    expect(byEtag.headers.get('etag')).toBe(etag);
    expect(await byEtag.text()).toBe('');

    const byWeakList = await fetch(url, { headers: { 'If-None-Match': `"anders", W/${etag}` } });
    expect(byWeakList.status).toBe(304);

    const byDate = await fetch(url, { headers: { 'If-Modified-Since': lastModified } });
    expect(byDate.status).toBe(304);

    const stale = await fetch(url, { headers: { 'If-None-Match': '"veraltet"', 'If-Modified-Since': lastModified } });
    expect(stale.status).toBe(200);
    await stale.text();

    const older = new Date(Date.parse(lastModified) - 60_000).toUTCString();
    const modified = await fetch(url, { headers: { 'If-Modified-Since': older } });
    expect(modified.status).toBe(200);
    await modified.text();
  });

  it('gives the same ETag for the same content and another for another page', async () => {
    const a1 = await fetch(new URL('/museum/', site.url));
    const a2 = await fetch(new URL('/museum/', site.url));
    const b = await fetch(new URL('/presse/', site.url));
    await Promise.all([a1.text(), a2.text(), b.text()]);
    expect(a1.headers.get('etag')).toBe(a2.headers.get('etag'));
    expect(a1.headers.get('etag')).not.toBe(b.headers.get('etag'));
  });

  it('supports HEAD without a body', async () => {
    const get = await rawRequest(site.url, '/museum/');
    const head = await rawRequest(site.url, '/museum/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['etag']).toBe(get.headers['etag']);
    expect(head.headers['content-length']).toBe(get.headers['content-length']);
  });

  it('rejects other methods with 405', async () => {
    const res = await rawRequest(site.url, '/kontakt/', { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers['allow']).toBe('GET, HEAD');
  });

  it.each(['/../package.json', '/../../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/inklusionsamt/..%2f..%2f..%2fpackage.json', '/assets/..%2f..%2fpackage.json', '/site/pages/index.html'])(
    'does not serve files outside the site folder: %s',
    async (target) => {
      const res = await rawRequest(site.url, target);
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('"@auskunft/demo-site"');
      expect(res.body).not.toContain('title: Startseite');
    },
  );

  it('serves the stylesheet', async () => {
    const res = await fetch(new URL('/assets/site.css', site.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8');
    await res.text();
  });
});

describe('FAQ markup', () => {
  it('has a valid FAQPage JSON-LD block matching the visible questions', async () => {
    const html = await (await fetch(new URL('/inklusionsamt/faq/', site.url))).text();
    const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    const data = JSON.parse(scripts[0]![1]!) as {
      '@context': string;
      '@type': string;
      mainEntity: { '@type': string; name: string; acceptedAnswer: { '@type': string; text: string } }[];
    };
    expect(data['@context']).toBe('https://schema.org');
    expect(data['@type']).toBe('FAQPage');
    expect(data.mainEntity.length).toBeGreaterThanOrEqual(8);
    expect(data.mainEntity.length).toBeLessThanOrEqual(12);
    const main = /<main id="inhalt">([\s\S]*)<\/main>/.exec(html)![1]!;
    const visible = [...main.matchAll(/<h3\b[^>]*>([^<]+)<\/h3>\s*<p>/g)].map((m) => m[1]);
    expect(data.mainEntity.map((q) => q.name)).toEqual(visible);
    for (const question of data.mainEntity) {
      expect(question['@type']).toBe('Question');
      expect(question.acceptedAnswer['@type']).toBe('Answer');
      expect(question.acceptedAnswer.text.length).toBeGreaterThan(80);
      expect(question.acceptedAnswer.text).not.toMatch(/<|\s[.,]/);
    }
  });

  it('has at least six details/summary items on the employer FAQ', async () => {
    const html = await (await fetch(new URL('/inklusionsamt/faq-arbeitgeber/', site.url))).text();
    const items = [...html.matchAll(/<details>\s*<summary>([^<]+)<\/summary>\s*<p>([\s\S]*?)<\/p>\s*<\/details>/g)];
    expect(items.length).toBeGreaterThanOrEqual(6);
    expect(items.length).toBeLessThanOrEqual(10);
    for (const [, question] of items) expect(question).toMatch(/\?$/);
  });
});

describe('injectBeforeBodyEnd', () => {
  it('inserts the snippet right before </body> of pages and the 404 page', async () => {
    const snippet = '<script src="/auskunft/widget.js" defer></script>';
    const withWidget = await startDemoSite({ injectBeforeBodyEnd: snippet });
    try {
      for (const path of ['/', '/inklusionsamt/faq/', '/nicht-vorhanden/']) {
        const html = await (await fetch(new URL(path, withWidget.url))).text();
        expect(html).toMatch(/<script src="\/auskunft\/widget\.js" defer><\/script>\s*<\/body>\s*<\/html>\s*$/);
      }
      const plain = await (await fetch(new URL('/', site.url))).text();
      expect(plain).not.toContain(snippet);
    } finally {
      await withWidget.close();
    }
  });
});
