import { AuskunftError, type Embedder, type Passage } from '@auskunft/core';
import { load } from 'cheerio';
import { collectDocuments } from './collect.js';
import type { CrawlSettings } from './config.js';
import { CRAWL_REPORT_FILE, CRAWL_STATE_FILE, extractionFingerprint, type CrawlState } from './incremental/crawl-state.js';
import type { CollectedDocument, PassageDraft } from './read/read-document.js';
import { embedPassages } from './write/embed.js';
import { loadFaqFiles, type FaqFileEntry } from './faq-files/faq-files.js';
import { loadPreviousIndex, type PreviousIndex } from './incremental/previous-index.js';
import { countByCategory, type CrawlReport } from './report.js';
import { markSiteTemplates } from './write/site-templates.js';
import { writeIndex } from './write/write-index.js';

export interface CrawlOptions {
  startUrls: string[];
  outDir: string;
  embedder: Embedder;
  settings: CrawlSettings;
  onProgress?: (event: CrawlProgress) => void;
  /** Today's date for FAQ expiry, ISO `YYYY-MM-DD`; defaults to the current UTC date. */
  today?: string;
}

export type CrawlProgress =
  | { stage: 'fetch'; done: number; queued: number; skipped: number; errors: number; requests: number }
  | { stage: 'embed'; done: number; total: number; reused: number }
  | { stage: 'write' };

/**
 * The crawler's pipeline, in order:
 * 1. check the options and read the FAQ files (a malformed one stops everything here);
 * 2. open the previous index version for reuse (incremental crawl);
 * 3. crawl → extract → chunk, per document (`collectDocuments`);
 * 4. add the FAQ-file entries as passages;
 * 5. embed the passages whose text is new;
 * 6. write the new version with its crawl state and report, then switch CURRENT to it.
 * Returns the report; documents that could not be used are listed in `skipped`, never thrown.
 * Nothing is written unless at least one document was indexed, so an unreachable site or a bad
 * FAQ file never replaces the index being served.
 *
 * @example
 * const report = await crawlSite({ startUrls: ['https://www.example.de/'], outDir: 'index-data',
 *   embedder: createHashedNgramEmbedder(), settings: resolveSettings(crawlSettings) });
 */
export async function crawlSite(options: CrawlOptions): Promise<CrawlReport> {
  const startedAt = Date.now();
  const { settings } = options;
  checkOptions(options);
  const warnings: string[] = [];
  const faq = settings.faqDir
    ? await loadFaqFiles(settings.faqDir, { baseUrl: options.startUrls[0]!, today: options.today ?? new Date().toISOString().slice(0, 10) })
    : { entries: [], files: 0, warnings: [] };
  warnings.push(...faq.warnings);
  const extraction = extractionFingerprint(settings);
  const previous = settings.incremental
    ? await loadPreviousIndex(options.outDir, { embedderId: options.embedder.id, extraction, onWarning: (w) => warnings.push(w) })
    : null;
  try {
    const collected = await collectDocuments({
      startUrls: options.startUrls,
      settings,
      previous,
      onProgress: (p) => options.onProgress?.({ stage: 'fetch', ...p }),
    });
    warnings.push(...collected.warnings);
    const { documents, skipped } = collected;
    if (documents.length === 0) {
      const why = skipped.slice(0, 5).map((s) => `${s.url}: ${s.reason}`).join('; ');
      throw new AuskunftError('CRAWL_START_UNREACHABLE', `No page could be indexed from ${options.startUrls.join(', ')}${why ? ` (${why})` : ''}. The previous index, if any, is unchanged.`);
    }

    const drafts: PassageDraft[] = documents.flatMap((d) => d.passages);
    drafts.push(...faqFilePassages(faq.entries, documents, settings.defaultLang, warnings));
    const templates = markSiteTemplates(drafts);
    const passages: Passage[] = templates.passages.map((draft, id) => ({ id, ...draft }));
    const embedded = await embedPassages(passages, options.embedder, {
      cached: previous ? (key) => previous.vectorFor(key) : undefined,
      onProgress: (done, total, reused) => options.onProgress?.({ stage: 'embed', done, total, reused }),
    });

    options.onProgress?.({ stage: 'write' });
    const state: CrawlState = { formatVersion: 1, extraction, urls: collected.state };
    const indexedUrls = new Set(documents.map((d) => d.url));
    const removedUrls = previous ? previous.documentUrls().filter((url) => !indexedUrls.has(url)) : [];
    let report: CrawlReport | undefined;
    const written = await writeIndex({
      outDir: options.outDir,
      startUrls: options.startUrls,
      pages: documents.length,
      passages,
      vectors: embedded.vectors,
      embedder: { id: options.embedder.id, dimension: embedded.dimension },
      hnsw: { m: settings.hnswM, efConstruction: settings.hnswEfConstruction },
      startedAt,
      learned: { templates: templates.learned },
      extraFiles: ({ version, manifest }) => {
        const { files } = manifest;
        report = {
          startUrls: options.startUrls,
          version,
          indexDir: '',
          pages: documents.filter((d) => d.kind === 'html').length,
          pdfs: documents.filter((d) => d.kind === 'pdf').length,
          passages: passages.length,
          faqs: manifest.counts.faqs,
          faqFiles: { files: faq.files, entries: faq.entries.length },
          changes: { ...compareWithPrevious(documents, previous), removed: removedUrls.length },
          removedUrls,
          embedding: { embedded: embedded.embedded, reused: embedded.reused },
          requests: collected.requests,
          notModified: collected.notModified,
          skipped,
          skippedByCategory: countByCategory(skipped),
          warnings,
          embedder: options.embedder.id,
          durationMs: Date.now() - startedAt,
          bytes: files.passages.bytes + files.lexical.bytes + files.vectors.bytes,
        };
        return {
          [CRAWL_STATE_FILE]: JSON.stringify(state),
          [CRAWL_REPORT_FILE]: `${JSON.stringify(report, null, 2)}\n`,
        };
      },
    });
    return { ...report!, indexDir: written.dir };
  } finally {
    previous?.close();
  }
}

function checkOptions(options: CrawlOptions): void {
  if (options.startUrls.length === 0) throw new AuskunftError('CONFIG_INVALID', 'Give at least one start URL, such as https://www.example.de/.');
  for (const url of options.startUrls) {
    if (!/^https?:\/\//i.test(url) || !URL.canParse(url)) throw new AuskunftError('CONFIG_INVALID', `Start URL "${url}" must be an absolute http(s) URL such as https://www.example.de/.`);
  }
  const $ = load('<p></p>');
  const { contentSelector, excludeSelectors } = options.settings;
  for (const [name, selector] of [...(contentSelector ? [['crawl.contentSelector', contentSelector]] : []), ...excludeSelectors.map((s) => ['crawl.excludeSelectors', s])] as Array<[string, string]>) {
    try {
      $(selector);
    } catch (error) {
      throw new AuskunftError('CONFIG_INVALID', `${name}: "${selector}" is not a valid CSS selector (${error instanceof Error ? error.message : String(error)}).`);
    }
  }
}

/**
 * FAQ-file entries become FAQ passages linked to their source page, with its title when the
 * page was crawled (so results group under the page), else the question as title.
 */
function faqFilePassages(entries: readonly FaqFileEntry[], documents: readonly CollectedDocument[], defaultLang: string, warnings: string[]): PassageDraft[] {
  const pageOf = new Map(documents.map((d) => [d.url, d.passages[0]]));
  return entries.map((entry) => {
    const page = pageOf.get(entry.source);
    if (!page) warnings.push(`${entry.location}: source ${entry.source} was not found in this crawl; the answer is indexed, but its citation may lead nowhere`);
    return {
      url: entry.source,
      anchor: entry.anchor,
      title: page?.title ?? entry.question,
      section: entry.question,
      text: entry.answer,
      lang: entry.lang ?? page?.lang ?? defaultLang,
      kind: 'faq' as const,
      origin: 'faq-file' as const,
      ...(entry.alternatives.length ? { alternatives: entry.alternatives } : {}),
      ...(entry.easyLanguage ? { easyLanguage: entry.easyLanguage } : {}),
      ...(entry.contact ? { contact: entry.contact } : {}),
      ...(entry.validUntil ? { validUntil: entry.validUntil } : {}),
      ...(entry.modified ? { modified: entry.modified } : {}),
    };
  });
}

function compareWithPrevious(documents: readonly CollectedDocument[], previous: PreviousIndex | null): { added: number; changed: number; unchanged: number } {
  const counts = { added: 0, changed: 0, unchanged: 0 };
  for (const document of documents) {
    const before = previous?.passagesOf(document.url);
    if (!before) counts.added++;
    else if (document.notModified || sameText(before, document.passages)) counts.unchanged++;
    else counts.changed++;
  }
  return counts;
}

function sameText(a: ReadonlyArray<Pick<Passage, 'text' | 'section'>>, b: ReadonlyArray<Pick<Passage, 'text' | 'section'>>): boolean {
  return a.length === b.length && a.every((p, i) => p.text === b[i]!.text && p.section === b[i]!.section);
}
