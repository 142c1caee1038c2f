export { crawlSite, type CrawlOptions, type CrawlProgress } from './crawl.js';
export { crawlSettings, type CrawlSettings } from './config.js';
export type { CrawlReport, SkippedUrl, SkipCategory } from './report.js';
export { CRAWL_REPORT_FILE, CRAWL_STATE_FILE } from './incremental/crawl-state.js';
export { extractPage, type ExtractedPage, type ContentBlock, type ExtractOptions } from './extract/extract.js';
export { chunkPage, textFragment, type ChunkDraft } from './chunk.js';
export { writeIndex, type WriteIndexInput, type WrittenIndex } from './write/write-index.js';
export { canonicalizeUrl } from './url.js';
export { parseFaqFile, loadFaqFiles, type FaqFileEntry } from './faq-files/faq-files.js';
