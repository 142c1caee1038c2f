import { AuskunftError, type Embedder, type Passage } from '@auskunft/core';
import { checkOptions } from './check-options.js';
import { collectDocuments, type CollectResult } from './collect.js';
import type { CrawlSettings } from './config.js';
import { loadFaqFiles } from './faq-files/faq-files.js';
import { faqFilePassages } from './faq-files/faq-passages.js';
import { extractionFingerprint } from './incremental/crawl-state.js';
import { loadPreviousIndex } from './incremental/previous-index.js';
import type { CrawlReport } from './report.js';
import { embedPassages } from './write/embed.js';
import { checkSameSite } from './write/same-site.js';
import { markSiteTemplates } from './write/site-templates.js';
import { writeCrawl } from './write/write-crawl.js';

export interface CrawlOptions {
  startUrls: string[];
  outDir: string;
  embedder: Embedder;
  settings: CrawlSettings;
  onProgress?: (event: CrawlProgress) => void;
  /** Today's date for FAQ expiry, ISO `YYYY-MM-DD`; defaults to the current UTC date. */
  today?: string;
  /** Allow replacing an index of another site in `outDir` (`--replace-site`). */
  replaceSite?: boolean;
}

export type CrawlProgress =
  | { stage: 'fetch'; done: number; queued: number; skipped: number; errors: number; requests: number }
  | { stage: 'embed'; done: number; total: number; reused: number }
  | { stage: 'write' };

/**
 * The crawler's pipeline. Before anything is fetched, the options and the editors' FAQ files are
 * checked (a malformed file stops everything here) and the previous version is opened for reuse.
 * Then: discover → fetch → read → extract → chunk per URL (`collectDocuments`), embed the passages
 * whose text is new, write the new version with its crawl state and report, switch CURRENT.
 * Documents that could not be used are listed in the report's `skipped`, never thrown. Nothing is
 * written unless at least one document was indexed, so an unreachable site or a bad FAQ file never
 * replaces the index being served.
 *
 * @example
 * const report = await crawlSite({ startUrls: ['https://www.example.de/'], outDir: 'index-data',
 *   embedder: createHashedNgramEmbedder(), settings: resolveSettings(crawlSettings) });
 */
export async function crawlSite(options: CrawlOptions): Promise<CrawlReport> {
  const startedAt = Date.now();
  const { settings, startUrls } = options;
  checkOptions(options);
  await checkSameSite(options.outDir, startUrls, options.replaceSite ?? false);
  const warnings: string[] = [];
  const faq = settings.faqDir
    ? await loadFaqFiles(settings.faqDir, { baseUrl: startUrls[0]!, today: options.today ?? new Date().toISOString().slice(0, 10) })
    : { entries: [], files: 0, warnings: [] };
  warnings.push(...faq.warnings);
  const extraction = extractionFingerprint(settings);
  const previous = settings.incremental
    ? await loadPreviousIndex(options.outDir, { embedderId: options.embedder.id, extraction, onWarning: (w) => warnings.push(w) })
    : null;
  try {
    // discover → fetch → read → extract → chunk
    const collected = await collectDocuments({ startUrls, settings, previous, onProgress: (p) => options.onProgress?.({ stage: 'fetch', ...p }) });
    warnings.push(...collected.warnings);
    requireDocuments(collected, startUrls);
    const drafts = [...collected.documents.flatMap((d) => d.passages), ...faqFilePassages(faq.entries, collected.documents, settings.defaultLang, warnings)];
    // site templates: repeated blocks and link lists, learned from all pages at once
    const templates = markSiteTemplates(drafts);
    const passages: Passage[] = templates.passages.map((draft, id) => ({ id, ...draft }));
    // embed
    const embedded = await embedPassages(passages, options.embedder, {
      cached: previous ? (key) => previous.vectorFor(key) : undefined,
      onProgress: (done, total, reused) => options.onProgress?.({ stage: 'embed', done, total, reused }),
    });
    // write
    options.onProgress?.({ stage: 'write' });
    return await writeCrawl({
      startUrls, outDir: options.outDir, settings, extraction, collected, passages, embedded, embedder: options.embedder,
      faqFiles: { files: faq.files, entries: faq.entries.length }, previous, warnings, startedAt,
      learned: { templates: templates.learned },
    });
  } finally {
    previous?.close();
  }
}

function requireDocuments(collected: CollectResult, startUrls: readonly string[]): void {
  if (collected.documents.length > 0) return;
  const why = collected.skipped.slice(0, 5).map((s) => `${s.url}: ${s.reason}`).join('; ');
  throw new AuskunftError('CRAWL_START_UNREACHABLE', `No page could be indexed from ${startUrls.join(', ')}${why ? ` (${why})` : ''}. The previous index, if any, is unchanged.`);
}
