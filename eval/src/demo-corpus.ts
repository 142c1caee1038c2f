import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHashedNgramEmbedder, resolveSettings, type Embedder } from '@auskunft/core';
import { crawlSettings, crawlSite, type CrawlReport } from '@auskunft/crawler';
import { listDemoPages, startDemoSite } from '@auskunft/demo-site';

export interface DemoCorpus {
  /** Index directory written by the crawler. */
  indexDir: string;
  /** Public page paths of the demo site, e.g. '/inklusionsamt/'. */
  paths: string[];
  /** The HTML of each public page as the site serves it (for Pagefind). */
  html: Map<string, string>;
  report: CrawlReport;
  embedder: Embedder;
  close(): Promise<void>;
}

/**
 * Serves the demo site on 127.0.0.1, crawls it with the real crawler into a temporary index and
 * keeps each page's HTML, so every system under test sees the same pages.
 */
export async function buildDemoCorpus(embedder: Embedder = createHashedNgramEmbedder()): Promise<DemoCorpus> {
  const site = await startDemoSite();
  const indexDir = await mkdtemp(join(tmpdir(), 'auskunft-eval-'));
  try {
    const report = await crawlSite({
      startUrls: [site.url],
      outDir: indexDir,
      embedder,
      settings: { ...resolveSettings(crawlSettings, { env: {} }), delayMs: 0, concurrency: 4 },
    });
    const paths = await listDemoPages();
    const html = new Map<string, string>();
    for (const path of paths) {
      const res = await fetch(new URL(path, site.url), { headers: { 'user-agent': 'AuskunftEval/0.1' } });
      html.set(path, await res.text());
    }
    return {
      indexDir,
      paths,
      html,
      report,
      embedder,
      close: () => rm(indexDir, { recursive: true, force: true }),
    };
  } finally {
    await site.close();
  }
}
