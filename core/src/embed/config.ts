import { AuskunftError } from '../errors.js';
import { defineSettings, type Settings } from '../settings.js';
import { createHashedNgramEmbedder, DEFAULT_HASHED_DIMENSION } from './builtin.js';
import type { Embedder } from './embedder.js';
import { createHfInferenceEmbedder } from './hf-inference.js';

/** Embedder settings, read by both the crawler and the server: they must pick the same model. */
export const embedderSettings = defineSettings({
  embedder: {
    type: 'enum', values: ['builtin', 'hf-inference'] as const, key: 'embedder.kind', env: 'AUSKUNFT_EMBEDDER', default: 'builtin',
    doc: '"builtin" (offline hashed sub-word features, no download) or "hf-inference" (@huggingface/inference).',
  },
  embedderDimension: {
    type: 'integer', key: 'embedder.dimension', env: 'AUSKUNFT_EMBEDDER_DIMENSION', default: DEFAULT_HASHED_DIMENSION, min: 16, max: 4096,
    doc: 'Vector length of the built-in embedder.',
  },
  embedderModel: {
    type: 'string', key: 'embedder.model', env: 'AUSKUNFT_EMBEDDER_MODEL', default: undefined,
    doc: 'Model id for hf-inference, e.g. intfloat/multilingual-e5-base.',
  },
  embedderEndpointUrl: {
    type: 'url', key: 'embedder.endpointUrl', env: 'AUSKUNFT_EMBEDDER_ENDPOINT_URL', default: undefined,
    doc: 'Self-hosted embeddings endpoint (e.g. text-embeddings-inference). Unset: the Hugging Face router.',
  },
  embedderToken: {
    type: 'string', key: 'embedder.token', env: 'AUSKUNFT_EMBEDDER_TOKEN', default: undefined, secret: true,
    doc: 'Access token for the embeddings endpoint or Hugging Face.',
  },
  embedderQueryPrefix: {
    type: 'string', key: 'embedder.queryPrefix', env: 'AUSKUNFT_EMBEDDER_QUERY_PREFIX', default: '',
    doc: 'Prefix for queries ("query: " for multilingual-e5).',
  },
  embedderPassagePrefix: {
    type: 'string', key: 'embedder.passagePrefix', env: 'AUSKUNFT_EMBEDDER_PASSAGE_PREFIX', default: '',
    doc: 'Prefix for passages ("passage: " for multilingual-e5).',
  },
  embedderTimeoutMs: {
    type: 'integer', key: 'embedder.timeoutMs', env: 'AUSKUNFT_EMBEDDER_TIMEOUT_MS', default: 30_000, min: 100, max: 600_000,
    doc: 'Milliseconds before a request to the embedding model is abandoned.',
  },
});

export type EmbedderSettings = Settings<typeof embedderSettings>;

export function createEmbedderFromSettings(s: EmbedderSettings): Embedder {
  if (s.embedder === 'builtin') return createHashedNgramEmbedder({ dimension: s.embedderDimension });
  if (s.embedder === 'hf-inference') {
    if (!s.embedderModel) {
      throw new AuskunftError('CONFIG_INVALID', 'The hf-inference embedder needs a model id: set AUSKUNFT_EMBEDDER_MODEL or "embedder.model" in auskunft.config.json.');
    }
    return createHfInferenceEmbedder({
      model: s.embedderModel,
      ...(s.embedderEndpointUrl ? { endpointUrl: s.embedderEndpointUrl } : {}),
      ...(s.embedderToken ? { accessToken: s.embedderToken } : {}),
      queryPrefix: s.embedderQueryPrefix,
      passagePrefix: s.embedderPassagePrefix,
      timeoutMs: s.embedderTimeoutMs,
    });
  }
  throw new AuskunftError('CONFIG_INVALID', `Unknown embedder "${s.embedder}": use "builtin" or "hf-inference" (AUSKUNFT_EMBEDDER or "embedder.kind").`);
}
