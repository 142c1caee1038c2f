import { readFile } from 'node:fs/promises';
import type { VectorSearch } from '@auskunft/server';

type LoadPlainHnsw = (bytes: Uint8Array, dimension: number, ef: number) => VectorSearch;

/**
 * The Workers runtime's plain-TypeScript HNSW reader (server/src/vectors/plain-hnsw.ts) over the
 * same file, or null where this checkout has none. It is not part of the server's public API, so
 * it is imported from the build output by path.
 */
export async function loadPlainHnsw(path: string, dimension: number, ef: number): Promise<VectorSearch | null> {
  let load: LoadPlainHnsw;
  try {
    ({ loadPlainHnswSearch: load } = (await import(new URL('../../server/dist/vectors/plain-hnsw.js', import.meta.url).href)) as { loadPlainHnswSearch: LoadPlainHnsw });
  } catch {
    return null;
  }
  return load(new Uint8Array(await readFile(path)), dimension, ef);
}
