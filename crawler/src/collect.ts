import type { CrawlSettings } from './config.js';
import type { UrlState } from './incremental/crawl-state.js';
import { readHtmlDocument, readPdfDocument, responseKind, type CollectedDocument } from './read/read-document.js';
import { createDocumentFetcher } from './fetch/fetch-document.js';
import { FetchProblem, type HttpResponse } from './fetch/fetcher.js';
import { Frontier, type FrontierItem } from './discover/frontier.js';
import { createHostScheduler } from './fetch/host-scheduler.js';
import type { PreviousIndex } from './incremental/previous-index.js';
import { ERROR_CATEGORIES, type SkipCategory, type SkippedUrl } from './report.js';
import { loadRobots, type RobotsRules } from './discover/robots.js';
import { canonicalizeUrl, createScope, dedupeKey, documentKind } from './discover/scope.js';
import { discoverFromSitemaps } from './discover/sitemap.js';
import { createTrapDetector } from './discover/traps.js';
import { createUrlFilter } from './discover/url-patterns.js';

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
  warnings: string[];
  requests: number;
  notModified: number;
}

/** The protocol's limit for one uncompressed sitemap file (sitemaps.org). */
const MAX_SITEMAP_BYTES = 50 * 1024 * 1024;

/**
 * Visits the site breadth-first from the start URLs and the sitemaps, inside their scope and the
 * include/exclude patterns, and returns every indexable document with its passages plus every
 * URL it could not use with the reason. A broken page never stops the crawl: it becomes a
 * `skipped` entry.
 */
export async function collectDocuments(options: CollectOptions): Promise<CollectResult> {
  const { settings, previous } = options;
  const origins = new Set(options.startUrls.map((u) => new URL(u).origin));
  const inScope = createScope(options.startUrls);
  const filtered = createUrlFilter(settings.include, settings.exclude);
  const isTrap = createTrapDetector(settings);
  const robotsByOrigin = new Map<string, Promise<RobotsRules>>();
  const robotsFor = (url: string) => {
    const origin = new URL(url).origin;
    let rules = robotsByOrigin.get(origin);
    if (!rules) robotsByOrigin.set(origin, (rules = loadRobots(origin, settings.userAgent, settings.timeoutMs)));
    return rules;
  };
  const scheduler = createHostScheduler({
    concurrency: settings.concurrency,
    delayMs: settings.delayMs,
    crawlDelayMs: async (origin) => (settings.respectRobots ? (await robotsFor(origin)).crawlDelayMs : undefined),
  });

  const documents: CollectedDocument[] = [];
  const skipped: SkippedUrl[] = [];
  const warnings: string[] = [];
  const state: Record<string, UrlState> = {};
  const indexedKeys = new Map<string, string>();
  const contentHashes = new Map<string, string>();
  const sitemapLastmod = new Map<string, string>();
  let requests = 0;
  let notModified = 0;
  let errors = 0;
  const skip = (url: string, reason: string, category: SkipCategory) => {
    skipped.push({ url, reason, category });
    if (ERROR_CATEGORIES.has(category)) errors++;
  };

  const retry = { retries: settings.retries, baseDelayMs: settings.retryDelayMs, maxWaitMs: settings.retryMaxWaitMs };
  const fetchDocument = createDocumentFetcher({
    ...settings,
    retry,
    scheduler,
    checkHop: async (url) => {
      if (!inScope(url)) return 'out of scope';
      const robots = settings.respectRobots ? await robotsFor(url) : null;
      if (robots && !robots.isAllowed(url)) return robots.refusal;
      return filtered(url);
    },
    validators: (url) => {
      const known = previous?.state?.urls[url];
      // Only ask "changed since?" when the unchanged answer can be served from the previous version.
      if (!known || (known.indexedAs && !previous?.passagesOf(known.indexedAs))) return undefined;
      return { etag: known.etag, lastModified: known.lastModified };
    },
    onRequest: () => void requests++,
  });

  const frontier = new Frontier();
  const admit = (url: string | null, depth: number, linkText: string, isStart = false) => {
    if (!url || !inScope(url)) return;
    const kind = documentKind(url);
    // Start URLs are fetched whatever their file name says; the response's type decides.
    if (!isStart && (kind === 'other' || (kind === 'pdf' && !settings.pdfs))) return;
    if (!frontier.claim(url)) return;
    const excluded = filtered(url);
    if (isStart) return frontier.push({ url, depth, linkText, ...(excluded ? { linksOnly: true } : {}) });
    if (excluded) return skip(url, excluded, 'excluded');
    const trap = isTrap(url);
    if (trap) return skip(url, trap, 'trap');
    if (settings.maxDepth > 0 && depth > settings.maxDepth) return skip(url, `more than ${settings.maxDepth} links away from the start (crawl.maxDepth)`, 'depth');
    frontier.push({ url, depth, linkText });
  };
  const followLinks = (links: ReadonlyArray<[string, string]>, depth: number) => {
    for (const [url, text] of links) admit(url, depth, text);
  };

  /** Adds a document unless its URL or its content is already indexed; false if it was. */
  const record = (document: CollectedDocument, requested: string): boolean => {
    const key = dedupeKey(document.url);
    const first = indexedKeys.get(key);
    const twin = contentHashes.get(document.hash);
    if (first || twin) {
      skip(requested, first ? `duplicate of ${first}` : `same content as ${twin}`, 'duplicate');
      return false;
    }
    indexedKeys.set(key, document.url);
    contentHashes.set(document.hash, document.url);
    documents.push(document);
    return true;
  };

  const reuse = (item: FrontierItem, finalUrl: string) => {
    notModified++;
    const known = previous?.state?.urls[finalUrl];
    if (!known) return skip(item.url, 'HTTP 304 to a request that was not conditional', 'http-error');
    followLinks(known.links, item.depth + 1);
    state[finalUrl] = known;
    if (!known.indexedAs) return skip(item.url, known.skipped?.reason ?? 'not indexed', known.skipped?.category ?? 'noindex');
    const passages = previous!.passagesOf(known.indexedAs)!.map(({ id: _id, ...p }) => p);
    record({ url: known.indexedAs, kind: known.kind, passages, hash: known.hash, notModified: true }, item.url);
  };

  const visitHtml = (item: FrontierItem, response: HttpResponse, validators: Pick<UrlState, 'etag' | 'lastModified'>) => {
    let page;
    try {
      page = readHtmlDocument(response, { ...settings, sitemapLastmod: sitemapLastmod.get(response.url) });
    } catch (error) {
      return skip(item.url, `could not be parsed: ${error instanceof Error ? error.message : String(error)}`, 'parse');
    }
    followLinks(page.links, item.depth + 1);
    const remember = (extra: Partial<UrlState>) => (state[response.url] = { ...validators, hash: page.hash, kind: 'html', links: page.links, ...extra });
    const notIndexed = (reason: string, category: SkipCategory) => {
      remember({ skipped: { reason, category } });
      skip(item.url, reason, category);
    };
    if (page.noindex) return notIndexed('marked noindex', 'noindex');
    if (item.linksOnly) return notIndexed(`start page outside the include patterns: links followed, page not indexed`, 'excluded');
    const target = page.canonical && inScope(page.canonical) ? page.canonical : response.url;
    if (page.passages.length === 0) return skip(item.url, 'no main content found', 'empty');
    const passages = page.passages.map((p) => ({ url: target, ...p }));
    if (record({ url: target, kind: 'html', passages, hash: page.hash, notModified: false }, item.url)) remember({ indexedAs: target });
  };

  const visitPdf = async (item: FrontierItem, response: HttpResponse, validators: Pick<UrlState, 'etag' | 'lastModified'>) => {
    let pdf;
    try {
      pdf = await readPdfDocument(response, item.linkText, { ...settings, sitemapLastmod: sitemapLastmod.get(response.url) });
    } catch (error) {
      return skip(item.url, `PDF could not be read: ${error instanceof Error ? error.message : String(error)}`, 'parse');
    }
    if (pdf.passages.length === 0) return skip(item.url, 'PDF without text (a scanned image?)', 'empty');
    if (record({ url: response.url, kind: 'pdf', passages: pdf.passages, hash: pdf.hash, notModified: false }, item.url)) {
      state[response.url] = { ...validators, hash: pdf.hash, kind: 'pdf', links: [], indexedAs: response.url };
    }
  };

  const visit = async (item: FrontierItem) => {
    const robots = settings.respectRobots ? await robotsFor(item.url) : null;
    if (robots && !robots.isAllowed(item.url)) return skip(item.url, robots.refusal, 'robots');
    let response: HttpResponse;
    try {
      response = await fetchDocument(item.url);
    } catch (error) {
      if (error instanceof FetchProblem) return skip(item.url, error.reason, error.category);
      throw error;
    }
    // A redirect target counts as seen, so a later link to it is not fetched again.
    if (response.url !== item.url) frontier.claim(response.url);
    if (response.status === 304) return reuse(item, response.url);
    if (response.status !== 200) {
      const location = response.headers.get('location');
      const reason = `HTTP ${response.status}${response.status >= 300 && response.status < 400 && !location ? ' without Location' : ''}`;
      return skip(item.url, reason, response.status === 404 || response.status === 410 ? 'not-found' : 'http-error');
    }
    const validators = {
      ...(response.headers.get('etag') ? { etag: response.headers.get('etag')! } : {}),
      ...(response.headers.get('last-modified') ? { lastModified: response.headers.get('last-modified')! } : {}),
    };
    const kind = responseKind(response);
    if (kind === 'html') return visitHtml(item, response, validators);
    if (kind === 'pdf' && settings.pdfs) return visitPdf(item, response, validators);
    skip(item.url, `not HTML${settings.pdfs ? ' or PDF' : ''} (${response.headers.get('content-type') || 'no content type'})`, 'content-type');
  };

  for (const start of options.startUrls) admit(canonicalizeUrl(start), 0, '', true);
  if (settings.useSitemaps) {
    const found = await discoverFromSitemaps({
      origins,
      extra: settings.sitemaps,
      sitemapsOf: async (origin) => (await robotsFor(origin)).sitemaps,
      fetch: createDocumentFetcher({
        ...settings,
        maxBytes: MAX_SITEMAP_BYTES,
        maxPdfBytes: MAX_SITEMAP_BYTES,
        retry,
        scheduler,
        checkHop: async () => null,
        validators: () => undefined,
        onRequest: () => void requests++,
      }),
    });
    warnings.push(...found.warnings);
    for (const entry of found.entries) {
      if (entry.lastmod) sitemapLastmod.set(entry.url, entry.lastmod);
      admit(entry.url, 0, '');
    }
  }

  let active = 0;
  const limitReached = () => settings.maxPages > 0 && documents.length + active >= settings.maxPages;
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
        await visit(item);
      } catch (error) {
        // A bug or an unexpected library error on one page must not end a crawl of thousands.
        skip(item.url, `failed: ${error instanceof Error ? error.message : String(error)}`, 'parse');
      } finally {
        active--;
        frontier.wake();
      }
      options.onProgress?.({ done: documents.length, queued: frontier.size, skipped: skipped.length, errors, requests });
    }
  };
  await Promise.all(Array.from({ length: Math.min(64, settings.concurrency * origins.size) }, worker));
  for (const item of frontier.drain()) skip(item.url, `not visited: page limit of ${settings.maxPages} reached`, 'limit');
  documents.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  return { documents, skipped, state, warnings, requests, notModified };
}
