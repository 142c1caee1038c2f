import { chunkPage, type PassageDraft } from './chunk.js';
import { extractPage } from './extract.js';
import { fetchPage, FetchProblem, type FetchOptions } from './fetch.js';
import { loadRobots, type RobotsRules } from './robots.js';
import { canonicalizeUrl, createScope, looksLikePage } from './scope.js';

export interface CollectedPage {
  url: string;
  title: string;
  lang: string;
  passages: PassageDraft[];
}

export interface SkippedUrl {
  url: string;
  reason: string;
}

export interface CollectOptions extends FetchOptions {
  startUrls: string[];
  maxPages: number;
  concurrency: number;
  delayMs: number;
  respectRobots: boolean;
  maxPassageChars: number;
  onProgress?: (progress: { done: number; queued: number; skipped: number }) => void;
}

/**
 * Visits the site breadth-first from the start URLs, staying inside their scope, and returns
 * every page's passages plus every URL it could not use with the reason. A broken page never
 * stops the crawl: it becomes a `skipped` entry.
 */
export async function collectPages(options: CollectOptions): Promise<{ pages: CollectedPage[]; skipped: SkippedUrl[] }> {
  const inScope = createScope(options.startUrls);
  const robotsByOrigin = new Map<string, Promise<RobotsRules>>();
  const robotsFor = (url: string) => {
    const origin = new URL(url).origin;
    let rules = robotsByOrigin.get(origin);
    if (!rules) robotsByOrigin.set(origin, (rules = loadRobots(origin, options.userAgent, options.timeoutMs)));
    return rules;
  };

  const seen = new Set<string>();
  const queue: string[] = [];
  const enqueue = (url: string | null) => {
    if (!url || seen.has(url)) return;
    seen.add(url);
    queue.push(url);
  };
  for (const start of options.startUrls) enqueue(canonicalizeUrl(start));

  const pages: CollectedPage[] = [];
  const skipped: SkippedUrl[] = [];
  const indexedUrls = new Set<string>();
  const contentHashes = new Map<string, string>();
  let active = 0;
  const limitReached = () => options.maxPages > 0 && pages.length + active >= options.maxPages;

  const visit = async (url: string): Promise<void> => {
    const robots = options.respectRobots ? await robotsFor(url) : undefined;
    if (robots && !robots.isAllowed(url)) return void skipped.push({ url, reason: 'disallowed by robots.txt' });
    let fetched;
    try {
      fetched = await fetchPage(url, options);
    } catch (error) {
      return void skipped.push({ url, reason: error instanceof FetchProblem ? error.reason : `failed: ${String(error)}` });
    }
    if (fetched.status !== 200) return void skipped.push({ url, reason: `HTTP ${fetched.status}` });
    const finalUrl = canonicalizeUrl(fetched.url) ?? url;
    if (!inScope(finalUrl)) return void skipped.push({ url, reason: `redirected out of scope to ${finalUrl}` });
    if (!/^(text\/html|application\/xhtml\+xml)/i.test(fetched.contentType)) {
      return void skipped.push({ url, reason: `not HTML (${fetched.contentType || 'no content type'})` });
    }
    let page;
    try {
      page = extractPage(fetched.body, finalUrl);
    } catch (error) {
      return void skipped.push({ url, reason: `could not be parsed: ${error instanceof Error ? error.message : String(error)}` });
    }
    if (!page.nofollow) {
      for (const href of page.links) {
        const link = canonicalizeUrl(href, finalUrl);
        if (link && inScope(link) && looksLikePage(link)) enqueue(link);
      }
    }
    if (page.noindex) return void skipped.push({ url, reason: 'marked noindex' });
    const canonical = page.canonical && inScope(page.canonical) ? (canonicalizeUrl(page.canonical) ?? finalUrl) : finalUrl;
    if (indexedUrls.has(canonical)) return void skipped.push({ url, reason: `duplicate of ${canonical}` });
    const passages = chunkPage(page.blocks, page.faqs, { maxChars: options.maxPassageChars });
    if (passages.length === 0) return void skipped.push({ url, reason: 'no main content found' });
    const fingerprint = passages.map((p) => p.text).join('\n');
    const twin = contentHashes.get(fingerprint);
    if (twin) return void skipped.push({ url, reason: `same content as ${twin}` });
    contentHashes.set(fingerprint, canonical);
    indexedUrls.add(canonical);
    pages.push({ url: canonical, title: page.title, lang: page.lang, passages });
  };

  const worker = async () => {
    for (;;) {
      if (limitReached()) return;
      const url = queue.shift();
      if (url === undefined) {
        if (active === 0) return;
        await sleep(10);
        continue;
      }
      active++;
      try {
        await visit(url);
      } finally {
        active--;
      }
      options.onProgress?.({ done: pages.length, queued: queue.length, skipped: skipped.length });
      const robotsDelay = options.respectRobots ? (await robotsFor(url)).crawlDelayMs : undefined;
      const delay = Math.max(options.delayMs, robotsDelay ?? 0);
      if (delay > 0) await sleep(delay);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  for (const url of queue) skipped.push({ url, reason: `not visited: page limit of ${options.maxPages} reached` });
  return { pages, skipped };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
