import type { SkipCategory } from '../report.js';

/** File in each index version directory; the server never reads it. */
export const CRAWL_STATE_FILE = 'crawl-state.json';
export const CRAWL_REPORT_FILE = 'crawl-report.json';

/**
 * Raised when extraction or chunking changes how the same HTML becomes passages, so the next
 * crawl re-reads every page instead of reusing passages from an older extraction.
 */
const EXTRACTION_REVISION = 5;

/** What the crawler remembers about one fetched URL (its final address after redirects). */
export interface UrlState {
  etag?: string;
  lastModified?: string;
  /** Hash of the extracted text; equal hashes mean the document's passages did not change. */
  hash: string;
  kind: 'html' | 'pdf';
  /** Followed links as [url, link text]; needed after a 304, when there is no body to read them from. */
  links: Array<[string, string]>;
  /** URL the passages are stored under (the canonical URL); absent when the page is not indexed. */
  indexedAs?: string;
  /** Why an unindexed page was not indexed, repeated in the report after a 304. */
  skipped?: { reason: string; category: SkipCategory };
}

/** crawl-state.json: validators and links per URL, and the extraction settings they were made with. */
export interface CrawlState {
  formatVersion: 1;
  extraction: string;
  urls: Record<string, UrlState>;
}

/** Settings that change passages; a state written with other values is not reused. */
export function extractionFingerprint(settings: {
  contentSelector?: string | undefined;
  excludeSelectors: readonly string[];
  defaultLang: string;
  maxPassageChars: number;
}): string {
  return JSON.stringify([EXTRACTION_REVISION, settings.contentSelector ?? null, settings.excludeSelectors, settings.defaultLang, settings.maxPassageChars]);
}

/** Reads a parsed crawl-state.json, or null when it is missing, malformed or from other settings. */
export function parseCrawlState(json: unknown, extraction: string): CrawlState | null {
  if (typeof json !== 'object' || json === null) return null;
  const state = json as Partial<CrawlState>;
  if (state.formatVersion !== 1 || state.extraction !== extraction || typeof state.urls !== 'object' || state.urls === null) return null;
  return state as CrawlState;
}
