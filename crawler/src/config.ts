import { defineSettings, type Settings } from '@auskunft/core';

/** Crawl settings; see `describeSettings(crawlSettings)` or the README for the full table. */
export const crawlSettings = defineSettings({
  maxPages: {
    type: 'integer', key: 'crawl.maxPages', env: 'AUSKUNFT_CRAWL_MAX_PAGES', default: 5000, min: 1, zeroDisables: true,
    doc: 'Stop after this many HTML pages.',
  },
  concurrency: {
    type: 'integer', key: 'crawl.concurrency', env: 'AUSKUNFT_CRAWL_CONCURRENCY', default: 2, min: 1, max: 32,
    doc: 'Parallel requests to the site.',
  },
  delayMs: {
    type: 'integer', key: 'crawl.delayMs', env: 'AUSKUNFT_CRAWL_DELAY_MS', default: 250, min: 0, max: 60_000,
    doc: 'Pause of each worker between two requests, in ms (robots.txt Crawl-delay wins if larger).',
  },
  timeoutMs: {
    type: 'integer', key: 'crawl.timeoutMs', env: 'AUSKUNFT_CRAWL_TIMEOUT_MS', default: 15_000, min: 100, max: 600_000,
    doc: 'Milliseconds before one request is abandoned.',
  },
  maxBytes: {
    type: 'integer', key: 'crawl.maxBytes', env: 'AUSKUNFT_CRAWL_MAX_BYTES', default: 5_000_000, min: 1000, zeroDisables: true,
    doc: 'Largest page body read, in bytes; larger pages are skipped and reported.',
  },
  userAgent: {
    type: 'string', key: 'crawl.userAgent', env: 'AUSKUNFT_CRAWL_USER_AGENT', default: 'AuskunftBot/0.1',
    doc: 'User-Agent header sent and matched against robots.txt; add a contact URL, e.g. "AuskunftBot/0.1 (+https://www.example.de/suche)".',
  },
  respectRobots: {
    type: 'boolean', key: 'crawl.respectRobots', env: 'AUSKUNFT_CRAWL_RESPECT_ROBOTS', default: true,
    doc: 'Honour robots.txt rules (switch off only for your own site).',
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
