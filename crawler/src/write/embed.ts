import { createHash } from 'node:crypto';
import { AuskunftError, passageEmbeddingText, type Embedder, type Passage } from '@auskunft/core';

export interface EmbedOptions {
  batchSize?: number;
  /** A stored vector for an embedding key (see `embeddingKey`), to skip the embedder. */
  cached?: (key: string) => Float32Array | undefined;
  onProgress?: (done: number, total: number, reused: number) => void;
}

/** Identifies the exact text a passage is embedded from; equal keys mean equal vectors. */
export function embeddingKey(passage: Pick<Passage, 'title' | 'section' | 'text'>): string {
  return createHash('sha256').update(passageEmbeddingText(passage)).digest('base64url');
}

export interface EmbeddedPassages {
  vectors: Float32Array[];
  dimension: number;
  /** Passages sent to the embedder, and passages whose vector came from the previous version. */
  embedded: number;
  reused: number;
}

/**
 * Embeds passages in batches, so a remote model sees bounded requests and progress can be shown.
 * Passages whose text is unchanged since the previous version take their stored vector instead,
 * which is what makes a nightly re-crawl cheap: only new and edited sections reach the model.
 */
export async function embedPassages(
  passages: readonly Passage[],
  embedder: Embedder,
  options: EmbedOptions = {},
): Promise<EmbeddedPassages> {
  const batchSize = options.batchSize ?? 64;
  const vectors: Array<Float32Array | undefined> = passages.map((p) => options.cached?.(embeddingKey(p)));
  const missing = passages.flatMap((p, i) => (vectors[i] ? [] : [i]));
  const reused = passages.length - missing.length;
  options.onProgress?.(reused, passages.length, reused);
  for (let start = 0; start < missing.length; start += batchSize) {
    const batch = missing.slice(start, start + batchSize);
    const embedded = await embedder.embed(batch.map((i) => passageEmbeddingText(passages[i]!)), 'passage');
    if (embedded.length !== batch.length) {
      throw new AuskunftError('EMBEDDER_FAILED', `The embedder ${embedder.id} returned ${embedded.length} vectors for ${batch.length} passages.`);
    }
    batch.forEach((index, k) => (vectors[index] = embedded[k]));
    options.onProgress?.(reused + start + batch.length, passages.length, reused);
  }
  const dimension = embedder.dimension ?? vectors[0]?.length;
  if (!dimension) throw new AuskunftError('EMBEDDER_FAILED', `The embedder ${embedder.id} returned no vectors.`);
  const wrong = vectors.find((v) => v!.length !== dimension);
  if (wrong) throw new AuskunftError('EMBEDDER_FAILED', `The embedder ${embedder.id} returned vectors of length ${wrong.length}, expected ${dimension}.`);
  return { vectors: vectors as Float32Array[], dimension, embedded: missing.length, reused };
}
