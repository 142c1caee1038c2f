export { crawlSite, type CrawlOptions, type CrawlReport, type CrawlProgress } from './crawl.js';
export { crawlSettings, type CrawlSettings } from './config.js';
export { extractPage, type ExtractedPage, type ContentBlock } from './extract.js';
export { chunkPage, textFragment, type PassageDraft } from './chunk.js';
export { canonicalizeUrl } from './scope.js';
export type { SkippedUrl } from './collect-pages.js';
