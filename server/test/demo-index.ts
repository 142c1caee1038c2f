import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHashedNgramEmbedder, resolveSettings } from '@auskunft/core';
import { serverSettings, type ServerSettings } from '../src/config.js';
import { openIndexOnDisk } from '../src/node/open-index.js';
import { crawlSettings, crawlSite } from '@auskunft/crawler';
import { startDemoSite } from '@auskunft/demo-site';

/** The demo's editor-curated FAQ files (demo-site/faq/), as `auskunft demo` indexes them. */
export const DEMO_FAQ_DIR = fileURLToPath(new URL('../../demo-site/faq/', import.meta.url));

/**
 * Serves the bundled demo site on 127.0.0.1 and crawls it into a temporary index directory,
 * optionally with the demo's FAQ files.
 */
export async function buildDemoIndex(options: { faqDir?: string } = {}) {
  const site = await startDemoSite();
  const outDir = await mkdtemp(join(tmpdir(), 'auskunft-demo-index-'));
  const report = await crawlSite({
    startUrls: [site.url],
    outDir,
    embedder: createHashedNgramEmbedder(),
    settings: { ...resolveSettings(crawlSettings), delayMs: 0, concurrency: 4, ...(options.faqDir ? { faqDir: options.faqDir } : {}) },
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

/** Opens an index the way `auskunft serve` does (default settings unless overridden). */
export function openTestIndex(indexDir: string, settings: Partial<ServerSettings> = {}) {
  return openIndexOnDisk({ ...resolveSettings(serverSettings), ...settings, indexDir }, createHashedNgramEmbedder());
}
