import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportWorkerAssets } from '../src/export/worker-assets.js';
import { buildDemoIndex } from './demo-index.js';

/** An editors' synonym rule for a word no page uses; the Worker must read it from its assets. */
export const WORKER_SYNONYMS = 'Blechkiste => Kraftfahrzeughilfe\n';

/**
 * Crawls the demo site (Node's HTTP server) and exports the index the way `auskunft
 * export-worker` does for a deployment, into a temporary folder the Worker's assets binding serves.
 */
export async function buildWorkerAssets() {
  const demo = await buildDemoIndex();
  const assetsDir = await mkdtemp(join(tmpdir(), 'auskunft-worker-assets-'));
  const synonymsFile = join(demo.outDir, 'synonyme.txt');
  await writeFile(synonymsFile, WORKER_SYNONYMS);
  await exportWorkerAssets({ indexDir: demo.outDir, outDir: assetsDir, widget: { script: '/* widget */', chunks: new Map([['chat-abc123.js', 'export const chat = 1;']]) }, synonymsFile });
  return {
    assetsDir,
    index: { version: demo.report.version, passages: demo.report.passages },
    async close() {
      await demo.close();
      await rm(assetsDir, { recursive: true, force: true });
    },
  };
}
