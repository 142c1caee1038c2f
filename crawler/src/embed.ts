import { AuskunftError, passageEmbeddingText, type Embedder, type Passage } from '@auskunft/core';

/** Embeds passages in batches, so a remote model sees bounded requests and progress can be shown. */
export async function embedPassages(
  passages: readonly Passage[],
  embedder: Embedder,
  options: { batchSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ vectors: Float32Array[]; dimension: number }> {
  const batchSize = options.batchSize ?? 64;
  const vectors: Float32Array[] = [];
  for (let i = 0; i < passages.length; i += batchSize) {
    const batch = passages.slice(i, i + batchSize);
    vectors.push(...(await embedder.embed(batch.map(passageEmbeddingText), 'passage')));
    options.onProgress?.(vectors.length, passages.length);
  }
  const dimension = embedder.dimension ?? vectors[0]?.length;
  if (!dimension) throw new AuskunftError('EMBEDDER_FAILED', `The embedder ${embedder.id} returned no vectors.`);
  return { vectors, dimension };
}
