import { loadIndexFromDisk } from '@auskunft/server/node';
import { createPagefindSystem } from '@auskunft/eval/dist/pagefind-system.js';
import { join } from 'node:path';
import { INDEX_SUBDIR } from './build-index.js';
import { corpusHtml } from './corpus.js';
import { benchQueries } from './queries.js';
import { timeEach, type Latency } from './stats.js';

export interface PagefindMeasurement {
  size: number;
  pages: number;
  /** Pagefind's own indexing of the generated pages (its Node API and binary). */
  buildSeconds: number;
  /** Per query, top 10 results with their data, chunks fetched from 127.0.0.1 and cached. */
  latency: Latency;
}

/**
 * Pagefind 1.6 (defaults) over the same generated pages as the Auskunft index, with the same
 * queries: its WebAssembly search runs in Node as in the evaluation (eval/src/pagefind-system.ts).
 */
export async function measurePagefind(dir: string, generatedQueries: number): Promise<PagefindMeasurement> {
  const { passages } = await loadIndexFromDisk(join(dir, INDEX_SUBDIR));
  const html = corpusHtml(passages);
  const started = performance.now();
  const pagefind = await createPagefindSystem(html);
  const buildSeconds = (performance.now() - started) / 1000;
  try {
    const { warmup, measured } = await benchQueries(passages, { generated: generatedQueries, warmup: 100 });
    return { size: passages.length, pages: html.size, buildSeconds, latency: await timeEach(measured, (q) => pagefind.search(q), warmup) };
  } finally {
    await pagefind.close();
  }
}
