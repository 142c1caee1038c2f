import { defineSettings, type Settings } from '@auskunft/core';

/** Crawl settings; see `describeSettings(crawlSettings)` or the README for the full table. */
export const crawlSettings = defineSettings({
  maxPages: {
    type: 'integer', key: 'crawl.maxPages', env: 'AUSKUNFT_CRAWL_MAX_PAGES', default: 5000, min: 1, zeroDisables: true,
    doc: 'Stop after this many documents (HTML pages and PDF files).',
  },
  maxDepth: {
    type: 'integer', key: 'crawl.maxDepth', env: 'AUSKUNFT_CRAWL_MAX_DEPTH', default: 20, min: 1, zeroDisables: true,
    doc: 'Follow links at most this many clicks away from a start URL or sitemap entry.',
  },
  include: {
    type: 'list', key: 'crawl.include', env: 'AUSKUNFT_CRAWL_INCLUDE', default: [],
    doc: 'Only URLs whose path (with query) starts with one of these patterns are crawled; `*` matches anything, e.g. "/inklusionsamt/,/service/*.pdf". Empty: the whole scope of the start URLs.',
  },
  exclude: {
    type: 'list', key: 'crawl.exclude', env: 'AUSKUNFT_CRAWL_EXCLUDE', default: [],
    doc: 'URLs whose path (with query) starts with one of these patterns are not crawled, e.g. "/intern/,*?print=1,*/drucken/".',
  },
  useSitemaps: {
    type: 'boolean', key: 'crawl.useSitemaps', env: 'AUSKUNFT_CRAWL_USE_SITEMAPS', default: true,
    doc: 'Read the sitemaps named in robots.txt (else /sitemap.xml) and in crawl.sitemaps; sitemap indexes and .gz files are followed.',
  },
  sitemaps: {
    type: 'list', key: 'crawl.sitemaps', env: 'AUSKUNFT_CRAWL_SITEMAPS', default: [],
    doc: 'Further sitemap URLs to read, comma-separated.',
  },
  concurrency: {
    type: 'integer', key: 'crawl.concurrency', env: 'AUSKUNFT_CRAWL_CONCURRENCY', default: 2, min: 1, max: 32,
    doc: 'Parallel requests per host.',
  },
  delayMs: {
    type: 'integer', key: 'crawl.delayMs', env: 'AUSKUNFT_CRAWL_DELAY_MS', default: 250, min: 0, max: 60_000,
    doc: 'Least time between the starts of two requests to the same host, in ms (a larger robots.txt Crawl-delay wins).',
  },
  timeoutMs: {
    type: 'integer', key: 'crawl.timeoutMs', env: 'AUSKUNFT_CRAWL_TIMEOUT_MS', default: 15_000, min: 100, max: 600_000,
    doc: 'Milliseconds before one request (headers and body) is abandoned.',
  },
  retries: {
    type: 'integer', key: 'crawl.retries', env: 'AUSKUNFT_CRAWL_RETRIES', default: 2, min: 0, max: 10,
    doc: 'Retries after HTTP 429, 500, 502, 503, 504, a timeout or a dropped connection, with exponential backoff.',
  },
  retryDelayMs: {
    type: 'integer', key: 'crawl.retryDelayMs', env: 'AUSKUNFT_CRAWL_RETRY_DELAY_MS', default: 1000, min: 0, max: 600_000,
    doc: 'Wait before the first retry, doubled for each further one; a Retry-After header replaces it.',
  },
  retryMaxWaitMs: {
    type: 'integer', key: 'crawl.retryMaxWaitMs', env: 'AUSKUNFT_CRAWL_RETRY_MAX_WAIT_MS', default: 60_000, min: 0, max: 3_600_000,
    doc: 'Longest wait before a retry; a URL whose Retry-After asks for more is skipped and reported.',
  },
  maxRedirects: {
    type: 'integer', key: 'crawl.maxRedirects', env: 'AUSKUNFT_CRAWL_MAX_REDIRECTS', default: 5, min: 1, max: 20,
    doc: 'Redirect hops followed per URL; every hop must stay in scope. Loops are detected and reported.',
  },
  maxBytes: {
    type: 'integer', key: 'crawl.maxBytes', env: 'AUSKUNFT_CRAWL_MAX_BYTES', default: 5_000_000, min: 1000, zeroDisables: true,
    doc: 'Largest HTML page read, in bytes; larger pages are skipped and reported.',
  },
  pdfs: {
    type: 'boolean', key: 'crawl.pdfs', env: 'AUSKUNFT_CRAWL_PDFS', default: true,
    doc: 'Index linked PDF files (text per page, cited as file.pdf#page=N).',
  },
  maxPdfBytes: {
    type: 'integer', key: 'crawl.maxPdfBytes', env: 'AUSKUNFT_CRAWL_MAX_PDF_BYTES', default: 20_000_000, min: 1000, zeroDisables: true,
    doc: 'Largest PDF file read, in bytes; larger files are skipped and reported.',
  },
  maxQueryChars: {
    type: 'integer', key: 'crawl.maxQueryChars', env: 'AUSKUNFT_CRAWL_MAX_QUERY_CHARS', default: 200, min: 10, zeroDisables: true,
    doc: 'URLs with a longer query string are treated as a crawler trap and skipped.',
  },
  maxDateVariants: {
    type: 'integer', key: 'crawl.maxDateVariants', env: 'AUSKUNFT_CRAWL_MAX_DATE_VARIANTS', default: 24, min: 1, zeroDisables: true,
    doc: 'Most URLs that differ only in their numbers while one of them is a year (calendars: /kalender/2026/11/, ?jahr=2026&monat=11); further ones are a crawler trap and skipped.',
  },
  userAgent: {
    type: 'string', key: 'crawl.userAgent', env: 'AUSKUNFT_CRAWL_USER_AGENT', default: 'AuskunftBot/0.1',
    doc: 'User-Agent header sent and matched against robots.txt; add a contact URL, e.g. "AuskunftBot/0.1 (+https://www.example.de/suche)".',
  },
  respectRobots: {
    type: 'boolean', key: 'crawl.respectRobots', env: 'AUSKUNFT_CRAWL_RESPECT_ROBOTS', default: true,
    doc: 'Honour robots.txt rules and Crawl-delay (switch off only for your own site).',
  },
  contentSelector: {
    type: 'string', key: 'crawl.contentSelector', env: 'AUSKUNFT_CRAWL_CONTENT_SELECTOR', default: undefined,
    doc: 'CSS selector of the main content, e.g. "#col2 .content". Unset (or not found on a page): found automatically.',
  },
  excludeSelectors: {
    type: 'list', key: 'crawl.excludeSelectors', env: 'AUSKUNFT_CRAWL_EXCLUDE_SELECTORS', default: [],
    doc: 'CSS selectors of parts of the main content never to index, e.g. ".teaser-list,#kontaktbox".',
  },
  defaultLang: {
    type: 'string', key: 'crawl.defaultLang', env: 'AUSKUNFT_CRAWL_DEFAULT_LANG', default: 'de',
    doc: 'Language of pages that declare none (no <html lang>, no Content-Language).',
  },
  faqDir: {
    type: 'string', key: 'crawl.faqDir', env: 'AUSKUNFT_CRAWL_FAQ_DIR', default: undefined,
    doc: 'Folder of editor-curated FAQ files (*.yaml, *.yml, *.md); a malformed file stops the crawl before anything changes.',
  },
  incremental: {
    type: 'boolean', key: 'crawl.incremental', env: 'AUSKUNFT_CRAWL_INCREMENTAL', default: true,
    doc: 'Reuse the previous index version: conditional requests (ETag, Last-Modified) and no re-embedding of unchanged passages.',
  },
  maxFailureShare: {
    type: 'number', key: 'crawl.maxFailureShare', env: 'AUSKUNFT_CRAWL_MAX_FAILURE_SHARE', default: 0.2, min: 0, max: 1,
    doc: 'Pages of the previous version that fail temporarily (5xx after the retries, timeouts, dropped connections) keep their passages; when more than this share of them fail, the new version is written but not made live (exit code 3). 1: always make it live.',
  },
  maxPassageChars: {
    type: 'integer', key: 'crawl.maxPassageChars', env: 'AUSKUNFT_CRAWL_MAX_PASSAGE_CHARS', default: 1200, min: 200, max: 20_000,
    doc: 'Longer sections are split at paragraph boundaries into passages of at most this length.',
  },
  hnswM: {
    type: 'integer', key: 'index.hnswM', env: 'AUSKUNFT_INDEX_HNSW_M', default: 16, min: 4, max: 96,
    doc: 'HNSW graph degree (higher: better recall, bigger index).',
  },
  hnswEfConstruction: {
    type: 'integer', key: 'index.hnswEfConstruction', env: 'AUSKUNFT_INDEX_HNSW_EF_CONSTRUCTION', default: 200, min: 10, max: 2000,
    doc: 'HNSW build-time search width (higher: better graph, slower build).',
  },
});

export type CrawlSettings = Settings<typeof crawlSettings>;
