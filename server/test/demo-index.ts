import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHashedNgramEmbedder, resolveSettings } from '@auskunft/core';
import { crawlSettings, crawlSite } from '@auskunft/crawler';
import { startDemoSite } from '@auskunft/demo-site';

/** Serves the bundled demo site on 127.0.0.1 and crawls it into a temporary index directory. */
export async function buildDemoIndex() {
  const site = await startDemoSite();
  const outDir = await mkdtemp(join(tmpdir(), 'auskunft-demo-index-'));
  const report = await crawlSite({
    startUrls: [site.url],
    outDir,
    embedder: createHashedNgramEmbedder(),
    settings: { ...resolveSettings(crawlSettings), delayMs: 0, concurrency: 4 },
  });
  return {
    site,
    outDir,
    report,
    async close() {
      await site.close();
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
