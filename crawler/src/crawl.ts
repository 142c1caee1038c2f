import { AuskunftError, type Embedder, type Passage } from '@auskunft/core';
import { collectPages, type SkippedUrl } from './collect-pages.js';
import type { CrawlSettings } from './config.js';
import { embedPassages } from './embed.js';
import { writeIndex } from './write-index.js';

export interface CrawlOptions {
  startUrls: string[];
  outDir: string;
  embedder: Embedder;
  settings: CrawlSettings;
  onProgress?: (event: CrawlProgress) => void;
}

export type CrawlProgress =
  | { stage: 'fetch'; done: number; queued: number; skipped: number }
  | { stage: 'embed'; done: number; total: number }
  | { stage: 'write' };

export interface CrawlReport {
  startUrls: string[];
  version: string;
  indexDir: string;
  pages: number;
  passages: number;
  faqs: number;
  skipped: SkippedUrl[];
  embedder: string;
  durationMs: number;
  bytes: number;
}

/**
 * The crawler's pipeline: crawl → extract → chunk (per page, in `collectPages`) → embed → index.
 * Returns a report; pages that could not be used are listed in `skipped`, never thrown.
 *
 * @example
 * const report = await crawlSite({ startUrls: ['https://www.example.de/'], outDir: 'index-data',
 *   embedder: createHashedNgramEmbedder(), settings: resolveSettings(crawlSettings) });
 */
export async function crawlSite(options: CrawlOptions): Promise<CrawlReport> {
  const startedAt = Date.now();
  const { settings } = options;
  for (const url of options.startUrls) {
    if (!/^https?:\/\//i.test(url)) throw new AuskunftError('CONFIG_INVALID', `Start URL "${url}" must be an absolute http(s) URL such as https://www.example.de/.`);
  }
  const { pages, skipped } = await collectPages({
    startUrls: options.startUrls,
    maxPages: settings.maxPages,
    concurrency: settings.concurrency,
    delayMs: settings.delayMs,
    respectRobots: settings.respectRobots,
    maxPassageChars: settings.maxPassageChars,
    userAgent: settings.userAgent,
    timeoutMs: settings.timeoutMs,
    maxBytes: settings.maxBytes,
    onProgress: (p) => options.onProgress?.({ stage: 'fetch', ...p }),
  });
  if (pages.length === 0) {
    const why = skipped.slice(0, 5).map((s) => `${s.url}: ${s.reason}`).join('; ');
    throw new AuskunftError('CRAWL_START_UNREACHABLE', `No page could be indexed from ${options.startUrls.join(', ')}${why ? ` (${why})` : ''}. The previous index, if any, is unchanged.`);
  }

  const passages: Passage[] = [];
  for (const page of pages) {
    for (const draft of page.passages) {
      passages.push({ id: passages.length, url: page.url, title: page.title, lang: page.lang, ...draft });
    }
  }
  const { vectors, dimension } = await embedPassages(passages, options.embedder, {
    onProgress: (done, total) => options.onProgress?.({ stage: 'embed', done, total }),
  });
  options.onProgress?.({ stage: 'write' });
  const written = await writeIndex({
    outDir: options.outDir,
    startUrls: options.startUrls,
    pages: pages.length,
    passages,
    vectors,
    embedder: { id: options.embedder.id, dimension },
    hnsw: { m: settings.hnswM, efConstruction: settings.hnswEfConstruction },
    startedAt,
  });
  const { files } = written.manifest;
  return {
    startUrls: options.startUrls,
    version: written.version,
    indexDir: written.dir,
    pages: pages.length,
    passages: passages.length,
    faqs: written.manifest.counts.faqs,
    skipped,
    embedder: options.embedder.id,
    durationMs: Date.now() - startedAt,
    bytes: files.passages.bytes + files.lexical.bytes + files.vectors.bytes,
  };
}
