/**
 * The yardstick for crawl + build throughput: what a site search made from cheerio and MiniSearch
 * in an afternoon does. Breadth-first over same-origin links with the same concurrency as the
 * Auskunft crawl, one passage per h2 section of <main>, a MiniSearch BM25 index in memory. No
 * robots.txt, sitemaps, PDFs, boilerplate removal, incremental re-crawls, vectors or files on
 * disk: the difference to `crawlSite` is the price of those.
 */
import * as cheerio from 'cheerio';
import MiniSearch from 'minisearch';

export async function naiveCrawl(startUrl, concurrency = 4) {
  const origin = new URL(startUrl).origin;
  const seen = new Set([startUrl]);
  const queue = [startUrl];
  const passages = [];
  const index = new MiniSearch({ fields: ['title', 'section', 'text'], storeFields: ['url'] });
  let pages = 0;
  const worker = async () => {
    while (queue.length > 0) {
      const url = queue.shift();
      const response = await fetch(url);
      if (!response.ok || !response.headers.get('content-type')?.includes('text/html')) {
        await response.arrayBuffer();
        continue;
      }
      const $ = cheerio.load(await response.text());
      pages++;
      $('a[href]').each((_, a) => {
        const next = new URL($(a).attr('href'), url);
        next.hash = '';
        if (next.origin === origin && !seen.has(next.href)) {
          seen.add(next.href);
          queue.push(next.href);
        }
      });
      const title = $('h1').first().text().trim() || $('title').text().trim();
      let section = '';
      let text = [];
      const flush = () => {
        if (text.length) passages.push({ id: passages.length, url, title, section, text: text.join(' ') });
        text = [];
      };
      $('main').children().each((_, el) => {
        if (el.tagName === 'h2') {
          flush();
          section = $(el).text().trim();
        } else if (el.tagName !== 'h1') text.push($(el).text().trim());
      });
      flush();
    }
  };
  // Workers wait for links the first pages reveal: start them as the queue fills.
  const running = new Set();
  while (queue.length > 0 || running.size > 0) {
    while (queue.length > 0 && running.size < concurrency) {
      const job = worker().finally(() => running.delete(job));
      running.add(job);
    }
    await Promise.race(running);
  }
  index.addAll(passages);
  return { pages, passages: passages.length };
}
