/**
 * Why a URL is not in the index, grouped so a report can say "12 not found, 3 server errors":
 * `not-found` 404/410; `http-error` other statuses (5xx after retries); `network` timeouts and
 * dropped connections; `parse` unreadable HTML or PDF; the rest are the crawler's own decisions.
 */
export type SkipCategory =
  | 'robots'
  | 'not-found'
  | 'http-error'
  | 'network'
  | 'redirect'
  | 'noindex'
  | 'duplicate'
  | 'excluded'
  | 'trap'
  | 'depth'
  | 'limit'
  | 'too-large'
  | 'content-type'
  | 'parse'
  | 'empty';

/** Categories that mean something is broken on the site (shown as errors while crawling). */
export const ERROR_CATEGORIES: ReadonlySet<SkipCategory> = new Set(['http-error', 'network', 'parse']);

export interface SkippedUrl {
  url: string;
  reason: string;
  category: SkipCategory;
}

/** A document that failed temporarily in this crawl and keeps the passages of an earlier version. */
export interface KeptUrl {
  url: string;
  fromVersion: string;
  /** The failure, e.g. "HTTP 503" or "timed out after 15000 ms". */
  reason: string;
}

/** What a crawl did; printed by the CLI and written as crawl-report.json into the new version. */
export interface CrawlReport {
  startUrls: string[];
  version: string;
  indexDir: string;
  /** HTML pages indexed. */
  pages: number;
  /** PDF files indexed. */
  pdfs: number;
  passages: number;
  /** FAQ passages, from page markup and from FAQ files. */
  faqs: number;
  faqFiles: { files: number; entries: number };
  /**
   * Documents compared with the previous version (all "added" on a first crawl); `kept`: failed
   * temporarily, passages taken from the previous version (see `keptUrls`).
   */
  changes: { added: number; changed: number; unchanged: number; removed: number; kept: number };
  keptUrls: KeptUrl[];
  /** The editors' FAQ-file entries compared with the previous version. */
  faqFileChanges: { added: number; changed: number; unchanged: number; removed: number };
  /**
   * False when too many previous pages failed (crawl.maxFailureShare): the version is complete
   * but CURRENT still points at the previous one; `heldBack` says why.
   */
  live: boolean;
  heldBack?: string;
  /** Documents of the previous version that are gone (404, removed links, now excluded). */
  removedUrls: string[];
  /** Passages sent to the embedder, and passages whose vector came from the previous version. */
  embedding: { embedded: number; reused: number };
  /** HTTP requests made, and how many were answered "304 Not Modified". */
  requests: number;
  notModified: number;
  skipped: SkippedUrl[];
  skippedByCategory: Partial<Record<SkipCategory, number>>;
  /** Things that did not stop the crawl but need a look: expired FAQs, unreadable sitemaps, … */
  warnings: string[];
  embedder: string;
  durationMs: number;
  /** Size of the index files. */
  bytes: number;
}

/** Counts skipped URLs per category, for the summary line. */
export function countByCategory(skipped: readonly SkippedUrl[]): Partial<Record<SkipCategory, number>> {
  const counts: Partial<Record<SkipCategory, number>> = {};
  for (const s of skipped) counts[s.category] = (counts[s.category] ?? 0) + 1;
  return counts;
}
