import type { Embedder } from '@auskunft/core';
import type { ServerSettings } from '../config.js';
import { assertSameEmbedder } from '@auskunft/core';
import { loadIndexFromDisk, type LoadedIndex } from './load-index.js';
import { assemble } from '../assemble.js';
import type { Retriever } from '../retrieve/retrieve.js';
import type { EditorOverlay } from '../editor/overlay.js';
import { loadSynonyms } from './synonyms-file.js';
import { loadHnswlibSearch } from '../vectors/hnswlib.js';

/**
 * Loads the current index version from disk and builds its retriever (Node: hnswlib-node).
 * Shared by the server, `auskunft ask` and the editors' tools, so all see the same ranking.
 */
export async function openIndexOnDisk(
  settings: Pick<ServerSettings, 'indexDir' | 'hnswEf' | 'minVectorSimilarity' | 'vectorWeight' | 'synonymsFile' | 'embeddingCacheSize'>,
  embedder: Embedder,
  editorEntries?: EditorOverlay,
): Promise<{ index: LoadedIndex; retriever: Retriever }> {
  const index = await loadIndexFromDisk(settings.indexDir);
  assertSameEmbedder(index.manifest, embedder.id, 'server');
  const vectors = await loadHnswlibSearch(index.vectorsPath, index.manifest.embedder.dimension, settings.hnswEf);
  const synonyms = await loadSynonyms(settings.synonymsFile);
  const retriever = assemble(settings, { index, vectors, embedder, synonyms, editorEntries });
  return { index, retriever };
}
