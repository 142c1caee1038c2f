import type { FrontierItem } from '../discover/frontier.js';
import type { VisitResult } from '../visit.js';
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
