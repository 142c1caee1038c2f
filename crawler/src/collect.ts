import type { CrawlSettings } from './config.js';
import { createAdmitter, type Admission } from './discover/admit.js';
import { Frontier, type FrontierItem } from './discover/frontier.js';
import { discoverFromSitemaps } from './discover/sitemap.js';
import { createDocumentFetcher } from './fetch/fetch-document.js';
import { createHostScheduler } from './fetch/host-scheduler.js';
import type { UrlState } from './incremental/crawl-state.js';
import type { PreviousIndex } from './incremental/previous-index.js';
import { isTemporaryFailure, keepPrevious, reuseUnchanged } from './incremental/reuse.js';
import type { CollectedDocument } from './read/read-document.js';
import type { KeptUrl, SkippedUrl } from './report.js';
import { createTally } from './tally.js';
import { canonicalizeUrl } from './url.js';
import { visitUrl, type VisitResult } from './visit.js';

export interface CollectOptions {
  startUrls: string[];
  settings: CrawlSettings;
  previous: PreviousIndex | null;
  onProgress?: (progress: FetchProgress) => void;
}

export interface FetchProgress {
  done: number;
  queued: number;
  skipped: number;
  errors: number;
  requests: number;
}

export interface CollectResult {
  documents: CollectedDocument[];
  skipped: SkippedUrl[];
  /** Validators and links per fetched URL, for the next incremental crawl. */
  state: Record<string, UrlState>;
  /** Documents that failed temporarily and were taken from the previous version (also in `documents`). */
  kept: KeptUrl[];
  warnings: string[];
  requests: number;
  notModified: number;
}

/** The protocol's limit for one uncompressed sitemap file (sitemaps.org). */
const MAX_SITEMAP_BYTES = 50 * 1024 * 1024;

/**
 * The pool: visits the site breadth-first from the start URLs and the sitemaps with
 * `crawl.concurrency` workers per host, admitting every found link (`createAdmitter`), visiting
 * each admitted URL (`visitUrl`) and tallying the results. Returns every indexable document and
 * every URL it could not use with the reason; a broken page never stops the crawl.
 */
export async function collectDocuments(options: CollectOptions): Promise<CollectResult> {
  const { settings, previous } = options;
  const origins = new Set(options.startUrls.map((u) => new URL(u).origin));
  const frontier = new Frontier();
  const admitter = createAdmitter(options.startUrls, settings, (url) => frontier.claim(url));
  const scheduler = createHostScheduler({
    concurrency: settings.concurrency,
    delayMs: settings.delayMs,
    crawlDelayMs: async (origin) => (settings.respectRobots ? (await admitter.robotsFor(origin)).crawlDelayMs : undefined),
  });
  const result: CollectResult = { documents: [], skipped: [], state: {}, kept: [], warnings: [], requests: 0, notModified: 0 };
  const tally = createTally(result);
  const fetcherOptions = { ...settings, retry: { retries: settings.retries, baseDelayMs: settings.retryDelayMs, maxWaitMs: settings.retryMaxWaitMs }, scheduler, onRequest: () => void result.requests++ };
  const fetchDocument = createDocumentFetcher({
    ...fetcherOptions,
    checkHop: admitter.checkHop,
    validators: (url) => {
      const known = previous?.state?.urls[url];
      // Only ask "changed since?" when the unchanged answer can be served from the previous version.
      if (!known || (known.indexedAs && !previous?.passagesOf(known.indexedAs))) return undefined;
      return { etag: known.etag, lastModified: known.lastModified };
    },
  });
  const sitemapLastmod = new Map<string, string>();
  const enqueue = (admission: Admission) => {
    if (admission && 'admitted' in admission) frontier.push(admission.admitted);
    else if (admission) tally.skip(admission.skipped);
  };

  for (const start of options.startUrls) enqueue(admitter.admit(canonicalizeUrl(start), 0, '', true));
  if (settings.useSitemaps) {
    const found = await discoverFromSitemaps({
      origins,
      extra: settings.sitemaps,
      sitemapsOf: async (origin) => (await admitter.robotsFor(origin)).sitemaps,
      fetch: createDocumentFetcher({ ...fetcherOptions, maxBytes: MAX_SITEMAP_BYTES, maxPdfBytes: MAX_SITEMAP_BYTES, checkHop: async () => null, validators: () => undefined }),
    });
    result.warnings.push(...found.warnings);
    for (const entry of found.entries) {
      if (entry.lastmod) sitemapLastmod.set(entry.url, entry.lastmod);
      enqueue(admitter.admit(entry.url, 0, ''));
    }
  }

  const context = { settings, fetchDocument, inScope: admitter.inScope, sitemapLastmod: (url: string) => sitemapLastmod.get(url) };
  const visit = async (item: FrontierItem): Promise<VisitResult> => {
    const refusal = await admitter.robotsRefusal(item.url);
    if (refusal) return { type: 'skip', skip: { url: item.url, reason: refusal, category: 'robots' }, links: [] };
    const visited = await visitUrl(item, context);
    // A redirect target counts as seen, so a later link to it is not fetched again.
    if (visited.finalUrl && visited.finalUrl !== item.url) frontier.claim(visited.finalUrl);
    if (visited.type === 'skip' && isTemporaryFailure(visited.skip)) return keepPrevious(previous, item, visited.skip) ?? visited;
    if (visited.type !== 'not-modified') return visited;
    result.notModified++;
    return reuseUnchanged(previous, item, visited.finalUrl);
  };
  const settle = (item: FrontierItem, visited: VisitResult) => {
    if (visited.type === 'not-modified') return;
    for (const [url, text] of visited.links) enqueue(admitter.admit(url, item.depth + 1, text));
    if (visited.type === 'skip') {
      if (visited.state && visited.finalUrl) result.state[visited.finalUrl] = visited.state;
      return tally.skip(visited.skip);
    }
    if (visited.note) result.warnings.push(`${item.url}: ${visited.note}`);
    if (tally.record(visited.document, item.url)) result.state[visited.finalUrl] = visited.state;
  };

  let active = 0;
  const limitReached = () => settings.maxPages > 0 && result.documents.length + active >= settings.maxPages;
  const worker = async () => {
    for (;;) {
      if (limitReached()) return;
      const item = frontier.next();
      if (item === undefined) {
        if (active === 0) return frontier.wake();
        await frontier.changed();
        continue;
      }
      active++;
      try {
        settle(item, await visit(item));
      } catch (error) {
        // A bug or an unexpected library error on one page must not end a crawl of thousands.
        tally.skip({ url: item.url, reason: `failed: ${error instanceof Error ? error.message : String(error)}`, category: 'parse' });
      } finally {
        active--;
        frontier.wake();
      }
      options.onProgress?.({ done: result.documents.length, queued: frontier.size, skipped: result.skipped.length, errors: tally.errors(), requests: result.requests });
    }
  };
  await Promise.all(Array.from({ length: Math.min(64, settings.concurrency * origins.size) }, worker));
  for (const item of frontier.drain()) tally.skip({ url: item.url, reason: `not visited: page limit of ${settings.maxPages} reached`, category: 'limit' });
  result.documents.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  return result;
}
