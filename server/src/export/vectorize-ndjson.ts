import { mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AuskunftError, type Manifest } from '@auskunft/core';
import { loadIndexFromDisk } from '../node/load-index.js';
import { parseHnswFile } from '../vectors/hnsw-file.js';
import { vectorizeId } from '../vectors/vectorize.js';

/** `wrangler vectorize insert` uploads at most 100,000 vectors per run; one file per run. */
export const VECTORIZE_VECTORS_PER_FILE = 100_000;

export interface VectorizeExport {
  manifest: Manifest;
  files: Array<{ name: string; vectors: number; bytes: number }>;
}

/**
 * Writes the vectors of an index's live version as NDJSON for `wrangler vectorize insert`
 * (`{"id", "values", "namespace"}` per line, Vectorize's VectorizeVector), in files of at most
 * `perFile` vectors. The vectors are read from the verified HNSW file, so they are exactly those
 * the Node server searches.
 */
export async function exportVectorizeNdjson(options: { indexDir: string; outDir: string; perFile?: number }): Promise<VectorizeExport> {
  const perFile = options.perFile ?? VECTORIZE_VECTORS_PER_FILE;
  if (!Number.isInteger(perFile) || perFile < 1) throw new RangeError(`vectors per file must be a positive integer, got ${perFile}`);
  const index = await loadIndexFromDisk(options.indexDir);
  const { manifest } = index;
  const graph = parseHnswFile(new Uint8Array(await readFile(index.vectorsPath)), manifest.embedder.dimension, index.vectorsPath);
  const live = [...graph.labels.keys()].filter((i) => !graph.deleted[i]);
  if (live.length !== manifest.counts.passages) {
    throw new AuskunftError('INDEX_CORRUPT', `${index.vectorsPath} holds ${live.length} vectors for ${manifest.counts.passages} passages. Rebuild the index with \`auskunft crawl\`.`);
  }
  live.sort((a, b) => graph.labels[a]! - graph.labels[b]!);
  await mkdir(options.outDir, { recursive: true });
  const files: VectorizeExport['files'] = [];
  const dimension = graph.dimension;
  for (let start = 0, n = 1; start < live.length; start += perFile, n++) {
    const name = `vectors-${String(n).padStart(3, '0')}.ndjson`;
    const handle = await open(join(options.outDir, name), 'w');
    let bytes = 0;
    try {
      const batch = live.slice(start, start + perFile);
      // Written in chunks: 100,000 vectors of 512 dimensions are about 500 MB of JSON.
      for (let i = 0; i < batch.length; i += 1000) {
        const lines = batch.slice(i, i + 1000).map((element) => {
          const values = Array.from(graph.vectors.subarray(element * dimension, (element + 1) * dimension), (v) => Number(v.toPrecision(7)));
          return JSON.stringify({ id: vectorizeId(manifest.version, graph.labels[element]!), values, namespace: manifest.version });
        });
        const text = `${lines.join('\n')}\n`;
        bytes += Buffer.byteLength(text);
        await handle.write(text);
      }
      files.push({ name, vectors: batch.length, bytes });
    } finally {
      await handle.close();
    }
  }
  return { manifest, files };
}
