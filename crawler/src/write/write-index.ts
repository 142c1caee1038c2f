import { createVersion, vectorsPath } from '@auskunft/core/fs';
import { ANALYSIS_VERSION, AuskunftError, INDEX_FILES, INDEX_FORMAT_VERSION, type Manifest, type Passage } from '@auskunft/core';
import { buildLexicalIndex } from './build-lexical.js';
import { writeHnswIndex, type HnswBuildOptions } from './build-vectors.js';

export interface WriteIndexInput {
  outDir: string;
  startUrls: string[];
  pages: number;
  passages: Passage[];
  vectors: Float32Array[];
  embedder: { id: string; dimension: number };
  hnsw: HnswBuildOptions;
  startedAt: number;
  /** What the crawl learned about the site (see `Manifest.learned`). */
  learned?: Manifest['learned'];
  /**
   * Files stored beside the index in the new version (crawl state, crawl report), by name. Called
   * once the manifest is known and before the version becomes current.
   */
  extraFiles?: (written: { version: string; manifest: Manifest }) => Record<string, string>;
  /** False: the version is complete but CURRENT keeps pointing at the previous one. Default true. */
  makeCurrent?: boolean;
}

export interface WrittenIndex {
  version: string;
  dir: string;
  manifest: Manifest;
  /** Milliseconds spent on the BM25 postings, the HNSW graph and writing the JSON files (for benchmarks). */
  timings: { lexicalMs: number; vectorsMs: number; filesMs: number };
}

/**
 * Writes a complete index version and only then makes it current, so a server reading the same
 * directory switches from one complete version to the next and never sees a partial one:
 * files go to `versions/.<name>.partial/`, that directory is renamed to `versions/<name>/`, and
 * `CURRENT` is replaced by renaming a temporary file over it (rename is atomic on POSIX).
 */
export async function writeIndex(input: WriteIndexInput): Promise<WrittenIndex> {
  if (input.passages.length === 0) {
    throw new AuskunftError('CRAWL_NOTHING_INDEXED', 'No passages were extracted, so no index was written and the previous index (if any) stays in place. Check the crawl report for skipped pages.');
  }
  const out = await createVersion(input.outDir);
  const { version } = out;
  try {
    let started = performance.now();
    const lexical = buildLexicalIndex(input.passages);
    const lexicalMs = performance.now() - started;
    started = performance.now();
    await out.write(INDEX_FILES.passages, JSON.stringify(input.passages));
    await out.write(INDEX_FILES.lexical, JSON.stringify(lexical));
    const filesMs = performance.now() - started;
    started = performance.now();
    await writeHnswIndex(vectorsPath(out.dir), input.vectors, input.embedder.dimension, input.hnsw);
    const vectorsMs = performance.now() - started;
    const manifest: Manifest = {
      formatVersion: INDEX_FORMAT_VERSION,
      version,
      createdAt: new Date().toISOString(),
      source: { startUrls: input.startUrls },
      embedder: input.embedder,
      analysis: ANALYSIS_VERSION,
      vectors: { space: 'cosine', m: input.hnsw.m, efConstruction: input.hnsw.efConstruction },
      counts: {
        pages: input.pages,
        passages: input.passages.length,
        faqs: input.passages.filter((p) => p.kind === 'faq').length,
        terms: Object.keys(lexical.postings).length,
      },
      ...(input.learned ? { learned: input.learned } : {}),
      buildMs: Date.now() - input.startedAt,
      files: {
        passages: await out.describe(INDEX_FILES.passages),
        lexical: await out.describe(INDEX_FILES.lexical),
        vectors: await out.describe(INDEX_FILES.vectors),
      },
    };
    await out.write(INDEX_FILES.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
    for (const [name, text] of Object.entries(input.extraFiles?.({ version, manifest }) ?? {})) {
      if (Object.values(INDEX_FILES).includes(name as never)) throw new Error(`extra index file name "${name}" is reserved`);
      await out.write(name, text);
    }
    const dir = await out.publish({ makeCurrent: input.makeCurrent ?? true });
    return { version, dir, manifest, timings: { lexicalMs, vectorsMs, filesMs } };
  } catch (error) {
    await out.discard();
    throw error;
  }
}
