import type { FrontierItem } from '../discover/frontier.js';
import { hashPassages, type CollectedDocument } from '../read/read-document.js';
import type { SkippedUrl } from '../report.js';
import type { VisitResult } from '../visit.js';
import type { UrlState } from './crawl-state.js';
import type { PreviousIndex } from './previous-index.js';

/**
 * After a "304 Not Modified": the previous version's passages, links and reasons hold. The
 * request was conditional only when the previous version could serve the answer, so a 304
 * without such a state is the server's mistake.
 */
export function reuseUnchanged(previous: PreviousIndex | null, item: FrontierItem, finalUrl: string): VisitResult {
  const known = previous?.state?.urls[finalUrl];
  if (!known) return { type: 'skip', skip: { url: item.url, reason: 'HTTP 304 to a request that was not conditional', category: 'http-error' }, links: [] };
  if (!known.indexedAs) {
    const skip = { url: item.url, reason: known.skipped?.reason ?? 'not indexed', category: known.skipped?.category ?? 'noindex' };
    return { type: 'skip', skip, finalUrl, state: known, links: known.links };
  }
  const passages = previous!.passagesOf(known.indexedAs)!.map(({ id: _id, ...p }) => p);
  const document = { url: known.indexedAs, kind: known.kind, passages, hash: known.hash, notModified: true };
  return { type: 'document', document, state: known, finalUrl, links: known.links };
}

/**
 * Failures that say nothing about whether a page still exists: server errors after the retries,
 * timeouts, dropped connections. Only 404/410, a missing link or a new exclusion remove a page.
 */
export function isTemporaryFailure(skip: SkippedUrl): boolean {
  return skip.category === 'http-error' || skip.category === 'network';
}

/**
 * A page that failed temporarily keeps the previous version's passages (their vectors follow by
 * text) and links, so a CMS maintenance window during the nightly crawl neither empties the
 * index nor cuts off the pages only reachable through a failed one. Null when the previous
 * version has nothing for this URL.
 */
export function keepPrevious(previous: PreviousIndex | null, item: FrontierItem, failure: SkippedUrl): VisitResult | null {
  if (!previous) return null;
  const known = previous.state?.urls[item.url];
  const indexedAs = known ? known.indexedAs : previous.passagesOf(item.url) ? item.url : undefined;
  const stored = indexedAs ? previous.passagesOf(indexedAs) : undefined;
  if (!stored) return known ? { type: 'skip', skip: failure, finalUrl: item.url, state: known, links: known.links } : null;
  const passages = stored.map(({ id: _id, ...p }) => p);
  const kind = known?.kind ?? (passages[0]?.origin === 'pdf' ? 'pdf' : 'html');
  const document: CollectedDocument = {
    url: indexedAs!, kind, passages, hash: known?.hash ?? hashPassages(passages), notModified: true,
    keptFrom: { version: previous.version, reason: failure.reason },
  };
  const state: UrlState = known ?? { hash: document.hash, kind, links: [], indexedAs: indexedAs! };
  return { type: 'document', document, state, finalUrl: item.url, links: known?.links ?? [] };
}
