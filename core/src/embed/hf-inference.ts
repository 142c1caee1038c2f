import type { InferenceClient } from '@huggingface/inference';
import { AuskunftError } from '../errors.js';
import { normalizeVector, type Embedder, type EmbedPurpose } from './embedder.js';

export interface HfInferenceEmbedderOptions {
  /** Model id on Hugging Face, e.g. `intfloat/multilingual-e5-base`. Always sent, also to endpoints. */
  model: string;
  /**
   * A self-hosted endpoint (text-embeddings-inference, an Inference Endpoint, …). Without it the
   * Hugging Face router is called, which sends the texts to Hugging Face.
   */
  endpointUrl?: string;
  accessToken?: string;
  /** Inference provider for the router, e.g. `hf-inference`. Ignored with `endpointUrl`. */
  provider?: string;
  /** Prefixes for asymmetric models; multilingual-e5 expects `query: ` and `passage: `. */
  queryPrefix?: string;
  passagePrefix?: string;
  /** Milliseconds per request before it is aborted. */
  timeoutMs?: number;
  /** Texts per request; text-embeddings-inference defaults to 32 as its max client batch. */
  batchSize?: number;
  /** Expected dimension; when set, a model that answers otherwise is reported as misconfigured. */
  dimension?: number;
  fetch?: typeof fetch;
}

/**
 * Feature extraction through `@huggingface/inference`: a hosted model or the authority's own
 * endpoint. Only this code path talks to a model server, and only when configured.
 *
 * @example createHfInferenceEmbedder({ model: 'intfloat/multilingual-e5-base', endpointUrl: 'http://10.0.0.5:8080' })
 */
export function createHfInferenceEmbedder(options: HfInferenceEmbedderOptions): Embedder {
  // Imported on first use: deployments on the built-in embedder never evaluate the client
  // (it is the largest module of a Worker bundle and slows every cold start).
  let client: Promise<InferenceClient> | undefined;
  const getClient = () =>
    (client ??= import('@huggingface/inference').then(
      ({ InferenceClient: Client }) =>
        new Client(options.accessToken, {
          ...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
          ...(options.fetch ? { fetch: options.fetch } : {}),
          // A cold model answers 503; we retry ourselves within our own timeout instead.
          retry_on_error: false,
        }),
    ));
  const timeoutMs = options.timeoutMs ?? 30_000;
  const batchSize = options.batchSize ?? 32;
  let dimension = options.dimension;

  const embedBatch = async (inputs: string[]): Promise<Float32Array[]> => {
    let output: unknown;
    try {
      output = await (await getClient()).featureExtraction(
        {
          model: options.model,
          inputs,
          ...(options.provider && !options.endpointUrl ? { provider: options.provider as 'hf-inference' } : {}),
        },
        { signal: AbortSignal.timeout(timeoutMs) },
      );
    } catch (error) {
      const where = options.endpointUrl ?? `Hugging Face (${options.model})`;
      if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
        throw new AuskunftError('EMBEDDER_TIMEOUT', `The embedding model at ${where} did not answer within ${timeoutMs} ms. Raise AUSKUNFT_EMBEDDER_TIMEOUT_MS or check the endpoint.`, { cause: error });
      }
      const detail = error instanceof Error ? error.message : String(error);
      throw new AuskunftError('EMBEDDER_FAILED', `The embedding model at ${where} failed: ${detail}`, { cause: error });
    }
    const vectors = toVectors(output, inputs.length);
    for (const v of vectors) {
      if (dimension === undefined) dimension = v.length;
      if (v.length !== dimension) {
        throw new AuskunftError('EMBEDDER_FAILED', `The embedding model returned vectors of length ${v.length}, expected ${dimension}. Check the model id and the configured dimension.`);
      }
    }
    return vectors;
  };

  return {
    get id() {
      return `hf:${options.model}`;
    },
    get dimension() {
      return dimension;
    },
    async embed(texts: readonly string[], purpose: EmbedPurpose) {
      const prefix = (purpose === 'query' ? options.queryPrefix : options.passagePrefix) ?? '';
      const out: Float32Array[] = [];
      for (let i = 0; i < texts.length; i += batchSize) {
        out.push(...(await embedBatch(texts.slice(i, i + batchSize).map((t) => prefix + t))));
      }
      return out;
    },
  };
}

/**
 * Servers answer a batch as number[][] (pooled, as text-embeddings-inference does) or as
 * number[][][] (one vector per token, as raw transformers pipelines do); the latter is mean-pooled.
 */
function toVectors(output: unknown, expected: number): Float32Array[] {
  if (!Array.isArray(output) || output.length !== expected) {
    throw new AuskunftError('EMBEDDER_FAILED', `The embedding model answered ${describe(output)} for ${expected} texts; expected one vector per text.`);
  }
  return output.map((item: unknown) => {
    if (isNumberArray(item)) return normalizeVector(Float32Array.from(item));
    if (Array.isArray(item) && item.length > 0 && item.every(isNumberArray)) return normalizeVector(meanPool(item));
    throw new AuskunftError('EMBEDDER_FAILED', `The embedding model answered ${describe(item)} where a vector of numbers was expected.`);
  });
}

function meanPool(rows: number[][]): Float32Array {
  const out = new Float32Array(rows[0]!.length);
  for (const row of rows) for (let i = 0; i < out.length; i++) out[i]! += row[i]! / rows.length;
  return out;
}

function isNumberArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.length > 0 && value.every((x) => typeof x === 'number' && Number.isFinite(x));
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return value === null ? 'null' : typeof value;
}
