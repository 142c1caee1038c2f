import type { CrawlSettings } from './config.js';
import type { FrontierItem } from './discover/frontier.js';
import { FetchProblem, type HttpResponse } from './fetch/fetcher.js';
import type { UrlState } from './incremental/crawl-state.js';
import { readHtmlDocument, readPdfDocument, responseKind, type CollectedDocument } from './read/read-document.js';
import { PageTooComplex } from './read/bound-html.js';
import { readRobotsHeader } from './read/robots-header.js';
import type { SkipCategory, SkippedUrl } from './report.js';

/** Links found on a visited page, as [absolute canonical URL, link text]. */
export type FoundLinks = ReadonlyArray<[string, string]>;

/**
 * What one visit gives: a document to index, a reason not to index, or "not modified" (the
 * previous version's passages hold). `finalUrl` is where redirects ended; `state` is what the next
 * incremental crawl needs to know about that URL.
 */
export type VisitResult =
  | { type: 'document'; document: CollectedDocument; state: UrlState; finalUrl: string; links: FoundLinks; note?: string }
  | { type: 'skip'; skip: SkippedUrl; finalUrl?: string; state?: UrlState; links: FoundLinks }
  | { type: 'not-modified'; finalUrl: string };

export interface VisitContext {
  settings: CrawlSettings;
  fetchDocument: (url: string) => Promise<HttpResponse>;
  inScope: (url: string) => boolean;
  /** The sitemap's <lastmod> for a URL, used when the page states no date. */
  sitemapLastmod: (url: string) => string | undefined;
}

const skip = (url: string, reason: string, category: SkipCategory, extra: Partial<Extract<VisitResult, { type: 'skip' }>> = {}): VisitResult => ({
  type: 'skip', skip: { url, reason, category }, links: [], ...extra,
});

/** Fetch → read → extract → chunk for one URL. Never throws for a problem of the page itself. */
export async function visitUrl(item: FrontierItem, context: VisitContext): Promise<VisitResult> {
  const { settings } = context;
  let response: HttpResponse;
  try {
    response = await context.fetchDocument(item.url);
  } catch (error) {
    if (error instanceof FetchProblem) return skip(item.url, error.reason, error.category);
    throw error;
  }
  const finalUrl = response.url;
  if (response.status === 304) return { type: 'not-modified', finalUrl };
  if (response.status !== 200) {
    const location = response.headers.get('location');
    const reason = `HTTP ${response.status}${response.status >= 300 && response.status < 400 && !location ? ' without Location' : ''}`;
    return skip(item.url, reason, response.status === 404 || response.status === 410 ? 'not-found' : 'http-error', { finalUrl });
  }
  const validators = {
    ...(response.headers.get('etag') ? { etag: response.headers.get('etag')! } : {}),
    ...(response.headers.get('last-modified') ? { lastModified: response.headers.get('last-modified')! } : {}),
  };
  const kind = responseKind(response);
  if (kind === 'html') return visitHtml(item, response, validators, context);
  if (kind === 'pdf' && settings.pdfs && readRobotsHeader(response.headers, settings.userAgent).noindex) {
    return skip(item.url, 'marked noindex (X-Robots-Tag)', 'noindex', { finalUrl });
  }
  if (kind === 'pdf' && settings.pdfs) return visitPdf(item, response, validators, context);
  if (kind === 'binary') return skip(item.url, `labelled ${response.headers.get('content-type')}, but the content is binary data`, 'content-type', { finalUrl });
  return skip(item.url, `not HTML${settings.pdfs ? ' or PDF' : ''} (${response.headers.get('content-type') || 'no content type'})`, 'content-type', { finalUrl });
}

type Validators = Pick<UrlState, 'etag' | 'lastModified'>;

function visitHtml(item: FrontierItem, response: HttpResponse, validators: Validators, context: VisitContext): VisitResult {
  const finalUrl = response.url;
  let page;
  try {
    page = readHtmlDocument(response, { ...context.settings, sitemapLastmod: context.sitemapLastmod(finalUrl) });
  } catch (error) {
    if (error instanceof PageTooComplex) return skip(item.url, error.message, 'too-large', { finalUrl });
    return skip(item.url, `could not be parsed: ${error instanceof Error ? error.message : String(error)}`, 'parse', { finalUrl });
  }
  const { links } = page;
  const state = (extra: Partial<UrlState>): UrlState => ({ ...validators, hash: page.hash, kind: 'html', links: page.links, ...extra });
  const notIndexed = (reason: string, category: SkipCategory) => skip(item.url, reason, category, { finalUrl, links, state: state({ skipped: { reason, category } }) });
  if (page.noindex) return notIndexed('marked noindex', 'noindex');
  if (item.linksOnly) return notIndexed('start page outside the include patterns: links followed, page not indexed', 'excluded');
  if (page.passages.length === 0) return skip(item.url, 'no main content found', 'empty', { finalUrl, links });
  const target = page.canonical && context.inScope(page.canonical) ? page.canonical : finalUrl;
  const passages = page.passages.map((p) => ({ url: target, ...p }));
  const document: CollectedDocument = { url: target, kind: 'html', passages, hash: page.hash, notModified: false };
  return { type: 'document', document, state: state({ indexedAs: target }), finalUrl, links, ...(page.note ? { note: page.note } : {}) };
}

async function visitPdf(item: FrontierItem, response: HttpResponse, validators: Validators, context: VisitContext): Promise<VisitResult> {
  const finalUrl = response.url;
  let pdf;
  try {
    pdf = await readPdfDocument(response, item.linkText, { ...context.settings, sitemapLastmod: context.sitemapLastmod(finalUrl) });
  } catch (error) {
    return skip(item.url, `PDF could not be read: ${error instanceof Error ? error.message : String(error)}`, 'parse', { finalUrl });
  }
  if (pdf.passages.length === 0) return skip(item.url, 'PDF without text (a scanned image?)', 'empty', { finalUrl });
  const document: CollectedDocument = { url: finalUrl, kind: 'pdf', passages: pdf.passages, hash: pdf.hash, notModified: false };
  return { type: 'document', document, state: { ...validators, hash: pdf.hash, kind: 'pdf', links: [], indexedAs: finalUrl }, finalUrl, links: [] };
}
