#!/usr/bin/env node
/**
 * Crawl throughput: pages/s and passages/s of `crawlSite` on the bundled demo site and on a
 * generated site of realistic German authority pages, each crawled once from scratch and once
 * more incrementally (nothing changed: conditional requests, vectors reused), and the generated
 * site once more with a naive cheerio + MiniSearch crawler (bench/naive-crawler.mjs) as yardstick.
 *
 * Runs the compiled packages (run `npm run build` first), everything on 127.0.0.1:
 *   node bench/crawl.mjs            # 2,000 generated pages
 *   node bench/crawl.mjs --pages 500
 * Numbers depend on the machine; compare ratios measured in one run.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createHashedNgramEmbedder, resolveSettings } from '@auskunft/core';
import { crawlSettings, crawlSite } from '@auskunft/crawler';
import { startDemoSite } from '@auskunft/demo-site';
import { naiveCrawl } from './naive-crawler.mjs';

const { values } = parseArgs({ options: { pages: { type: 'string', default: '2000' } } });
const PAGE_COUNT = Number(values.pages);

const TOPICS = ['Schwerbehindertenausweis', 'Kraftfahrzeughilfe', 'Arbeitsassistenz', 'Budget für Arbeit', 'Wohnungshilfe', 'Kündigungsschutz',
  'Ausgleichsabgabe', 'Technische Arbeitshilfen', 'Integrationsfachdienst', 'Eingliederungshilfe', 'Blindengeld', 'Gehörlosengeld',
  'Elterngeld', 'Wohngeld', 'Hilfe zur Pflege', 'Schulbegleitung', 'Frühförderung', 'Persönliches Budget', 'Werkstattlohn', 'Inklusionsbetriebe'];
const PLACES = ['Köln', 'Bonn', 'Düsseldorf', 'Duisburg', 'Essen', 'Aachen', 'Mönchengladbach', 'Krefeld', 'Leverkusen', 'Solingen', 'Wuppertal', 'Neuss'];
const SECTIONS = ['Wer hat Anspruch?', 'Voraussetzungen', 'Welche Unterlagen brauche ich?', 'Antrag stellen', 'Fristen und Bearbeitungszeit', 'Kosten und Zuschüsse', 'Widerspruch', 'Ansprechpersonen'];
const SENTENCES = [
  (t, p) => `Die ${t} können Menschen mit Behinderung erhalten, die in ${p} wohnen oder arbeiten.`,
  (t) => `Stellen Sie den Antrag auf ${t} bitte rechtzeitig, bevor Kosten entstehen, denn rückwirkend können wir in der Regel nichts übernehmen.`,
  (t, p, n) => `Im vergangenen Jahr haben wir ${n} Anträge zur ${t} bearbeitet; die durchschnittliche Bearbeitungszeit lag bei ${(n % 9) + 3} Wochen.`,
  () => 'Legen Sie Ihrem Antrag den Bescheid über den Grad der Behinderung, einen Nachweis Ihres Arbeitsverhältnisses und Ihre Einkommensnachweise bei.',
  (t, p) => `Die Beratung zur ${t} ist kostenlos und findet auf Wunsch auch bei Ihnen vor Ort in ${p} statt.`,
  () => 'Gegen unsere Entscheidung können Sie innerhalb eines Monats nach Zugang des Bescheids schriftlich Widerspruch einlegen.',
  (t, p, n) => `Für Rückfragen erreichen Sie das Team unter der Telefonnummer 0221 555-${3000 + (n % 900)}, montags bis freitags von 8 bis 16 Uhr.`,
  () => 'Ob Ihnen die Leistung in Ihrer Situation zusteht, können wir erst nach Prüfung Ihres vollständigen Antrags sagen.',
];

/** One generated page: 3–6 sections of 2–4 sentences; deterministic per page number. */
function generatedPage(n) {
  const topic = TOPICS[n % TOPICS.length];
  const place = PLACES[n % PLACES.length];
  const category = n % 20;
  const sections = SECTIONS.filter((_, i) => (n + i) % 3 !== 0).slice(0, 3 + (n % 4));
  const body = sections
    .map((heading, s) => {
      const sentences = Array.from({ length: 2 + ((n + s) % 3) }, (_, k) => SENTENCES[(n + s * 3 + k) % SENTENCES.length](topic, place, 17 + n * 7 + s));
      return `<h2 id="abschnitt-${s + 1}">${heading}</h2><p>${sentences.join(' ')}</p>`;
    })
    .join('\n');
  const links = [`/bereich/${category}/`, `/seite/${(n + 1) % PAGE_COUNT}/`, `/seite/${(n * 7 + 3) % PAGE_COUNT}/`];
  return layout(`${topic} in ${place} (${n})`, `<p>Informationen zur ${topic} für Bürgerinnen und Bürger in ${place}, Seite ${n}.</p>\n${body}`, links);
}

function layout(title, main, links) {
  const nav = links.map((href) => `<li><a href="${href}">${href}</a></li>`).join('');
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${title} | Landesamt Benchmark</title></head><body>
<header><a href="/">Landesamt Benchmark</a></header><nav><ul><li><a href="/">Startseite</a></li>${nav}</ul></nav>
<main><h1>${title}</h1>${main}</main><footer><a href="/impressum/">Impressum</a></footer></body></html>`;
}

/** The generated site: start page → 20 areas → pages, a sitemap with every page, ETags for re-crawls. */
async function startGeneratedSite() {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    let body;
    if (path === '/') body = layout('Startseite', '<p>Willkommen beim Landesamt Benchmark.</p>', Array.from({ length: 20 }, (_, c) => `/bereich/${c}/`));
    else if (/^\/bereich\/\d+\/$/.test(path)) {
      const c = Number(path.split('/')[2]);
      const pages = Array.from({ length: Math.ceil(PAGE_COUNT / 20) }, (_, k) => k * 20 + c).filter((n) => n < PAGE_COUNT);
      body = layout(`Bereich ${TOPICS[c]}`, `<p>Alle Seiten zum Thema ${TOPICS[c]} im Überblick.</p>`, pages.map((n) => `/seite/${n}/`));
    } else if (/^\/seite\/\d+\/$/.test(path) && Number(path.split('/')[2]) < PAGE_COUNT) body = generatedPage(Number(path.split('/')[2]));
    else if (path === '/sitemap.xml') {
      const origin = `http://${req.headers.host}`;
      res.writeHead(200, { 'content-type': 'application/xml' });
      return res.end(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${Array.from({ length: PAGE_COUNT }, (_, n) => `<url><loc>${origin}/seite/${n}/</loc></url>`).join('')}</urlset>`);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('nicht gefunden');
    }
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      return res.end();
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))) };
}

/** Crawls twice into one directory (full, then incremental) and returns one row per crawl. */
async function measure(name, url) {
  const outDir = await mkdtemp(join(tmpdir(), 'auskunft-bench-'));
  const settings = { ...resolveSettings(crawlSettings), delayMs: 0, concurrency: 4, maxPages: 0 };
  const embedder = createHashedNgramEmbedder();
  const rows = [];
  try {
    for (const run of ['full', 'incremental']) {
      let crawlEndedAt = 0;
      const started = performance.now();
      const report = await crawlSite({
        startUrls: [url], outDir, embedder, settings,
        onProgress: (event) => void (event.stage !== 'fetch' && !crawlEndedAt && (crawlEndedAt = performance.now())),
      });
      const seconds = (performance.now() - started) / 1000;
      const documents = report.pages + report.pdfs;
      rows.push({
        site: name, run, documents, passages: report.passages, seconds,
        crawlSeconds: (crawlEndedAt - started) / 1000,
        pagesPerSecond: documents / seconds, passagesPerSecond: report.passages / seconds,
        embedded: report.embedding.embedded, notModified: report.notModified,
      });
    }
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
  return rows;
}

const demo = await startDemoSite();
const generated = await startGeneratedSite();
try {
  const rows = [...(await measure('demo site', demo.url)), ...(await measure(`generated ${PAGE_COUNT}`, generated.url))];
  const started = performance.now();
  const naive = await naiveCrawl(generated.url, 4);
  const seconds = (performance.now() - started) / 1000;
  rows.push({ site: `generated ${PAGE_COUNT}`, run: 'naive: cheerio + MiniSearch', documents: naive.pages, passages: naive.passages, seconds, crawlSeconds: seconds, pagesPerSecond: naive.pages / seconds, passagesPerSecond: naive.passages / seconds, embedded: 0, notModified: 0 });
  const header = ['site', 'run', 'documents', 'passages', 'embedded', '304s', 'total s', 'fetch+extract s', 'pages/s', 'passages/s'];
  const table = rows.map((r) => [r.site, r.run, r.documents, r.passages, r.embedded, r.notModified, r.seconds.toFixed(2), r.crawlSeconds.toFixed(2), r.pagesPerSecond.toFixed(1), r.passagesPerSecond.toFixed(0)]);
  console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|\n${table.map((r) => `| ${r.join(' | ')} |`).join('\n')}`);
  const full = rows.find((r) => r.site.startsWith('generated') && r.run === 'full');
  const yardstick = rows.at(-1);
  console.log(`\nAuskunft full crawl + build ÷ naive crawler, time on the generated site: ${(full.seconds / yardstick.seconds).toFixed(2)}× (target ≤ 1.5×); ${full.passagesPerSecond.toFixed(0)} passages/s (target ≥ 500).`);
  console.log(`\nNode ${process.version}, embedder ${createHashedNgramEmbedder().id}, concurrency 4, no delay, everything on 127.0.0.1.`);
} finally {
  await demo.close();
  await generated.close();
}
