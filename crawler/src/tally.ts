import type { CollectResult } from './collect.js';
import type { CollectedDocument } from './read/read-document.js';
import { ERROR_CATEGORIES, type SkippedUrl } from './report.js';
import { dedupeKey } from './url.js';

/** Skips and documents as they come in; a document whose URL or content is already indexed is a duplicate. */
export function createTally(result: CollectResult) {
  const indexedKeys = new Map<string, string>();
  const contentHashes = new Map<string, string>();
  let errors = 0;
  const skip = (skipped: SkippedUrl) => {
    result.skipped.push(skipped);
    if (ERROR_CATEGORIES.has(skipped.category)) errors++;
  };
  return {
    skip,
    errors: () => errors,
    /** Adds a document unless its URL or its content is already indexed; false if it was. */
    record(document: CollectedDocument, requested: string): boolean {
      const key = dedupeKey(document.url);
      const first = indexedKeys.get(key);
      const twin = contentHashes.get(document.hash);
      if (first || twin) {
        skip({ url: requested, reason: first ? `duplicate of ${first}` : `same content as ${twin}`, category: 'duplicate' });
        return false;
      }
      indexedKeys.set(key, document.url);
      contentHashes.set(document.hash, document.url);
      result.documents.push(document);
      if (document.keptFrom) {
        errors++;
        result.kept.push({ url: document.url, fromVersion: document.keptFrom.version, reason: document.keptFrom.reason });
      }
      return true;
    },
  };
}
