import { AuskunftError, assertSameEmbedder, createEmbedderFromSettings, embedderSettings, resolveSettings } from '@auskunft/core';
import { createApp, type App } from '../app.js';
import { assemble } from '../assemble.js';
import { serverSettings, type ServerSettings } from '../config.js';
import { createLogger, type Logger } from '../http/log.js';
import type { Retriever } from '../retrieve/retrieve.js';
import { createD1Store, type D1Binding } from '../store/d1.js';
import { d1Sql } from '../store/editor-d1.js';
import { createEditorStore } from '../editor/editor-store.js';
import { createEditorOverlay } from '../editor/overlay.js';
import { createNullStore } from '../store/store.js';
import { loadPlainHnswSearch } from '../vectors/plain-hnsw.js';
import { createVectorizeSearch, type VectorizeIndexBinding } from '../vectors/vectorize.js';
import { loadIndexFromAssets, loadSynonymsAsset, loadWidgetAssets, type AssetsBinding } from './load-index-assets.js';
import { trackWrites } from './writes.js';

/** Bindings from wrangler.toml: the exported index as static assets, D1, and `AUSKUNFT_*` variables. */
export interface WorkerEnv {
  ASSETS: AssetsBinding;
  DB?: D1Binding;
  /** Optional Cloudflare Vectorize index holding the vectors (`auskunft export-vectorize`); replaces vectors.hnsw. */
  VECTORIZE?: VectorizeIndexBinding;
  [variable: string]: unknown;
}

export interface StartedWorker {
  app: App;
  retriever: Retriever;
  writesSettled: () => Promise<unknown>;
}

/** Builds the app from the Worker's bindings (exported for tests that compare it with Node). */
export async function startWorker(env: WorkerEnv): Promise<StartedWorker> {
  if (!env.ASSETS) throw new AuskunftError('CONFIG_INVALID', 'The Worker has no assets binding "ASSETS"; keep the [assets] section of wrangler.toml.');
  const vars = variables(env);
  const settings = resolveSettings(serverSettings, { env: vars });
  const embedding = resolveSettings(embedderSettings, { env: vars });
  const logger = loggerFor(settings);
  // With a Vectorize binding the vectors stay there; the assets then need no vectors.hnsw.
  const index = await loadIndexFromAssets(env.ASSETS, { vectors: !env.VECTORIZE });
  const embedder = createEmbedderFromSettings(embedding);
  assertSameEmbedder(index.manifest, embedder.id, 'Worker');
  const vectors = env.VECTORIZE
    ? createVectorizeSearch(env.VECTORIZE, { version: index.manifest.version, size: index.manifest.counts.passages })
    : loadPlainHnswSearch(index.vectors!, index.manifest.embedder.dimension, settings.hnswEf, '/vectors.hnsw in the static assets');
  const synonyms = await loadSynonymsAsset(env.ASSETS);
  // Entries released in the editors' console (on a Node server writing to the same D1 database)
  // are read from D1 like on Node; the console itself is not served here (README).
  const editorEntries = env.DB
    ? createEditorOverlay(createEditorStore(d1Sql(env.DB)), { intervalMs: settings.editorRefreshIntervalMs, onError: (error) => logger.log('error', 'editor_entries_failed', { message: String(error) }) })
    : undefined;
  const retriever = assemble(settings, { index, vectors, embedder, synonyms, editorEntries });
  if (!env.DB && settings.queryLog) logger.log('warn', 'store_missing', { reason: 'no D1 binding "DB": feedback and query log are not kept' });
  const writes = trackWrites(env.DB && settings.queryLog ? createD1Store(env.DB) : createNullStore());
  // The chat model client is imported only when one is configured. (@huggingface/inference itself
  // is in the bundle and evaluated at start-up anyway: core's embedder settings import it.)
  const generator = settings.generator === 'extractive' ? undefined : (await import('../answer/generator-from-settings.js')).createGeneratorFromSettings(settings);
  const widget = await loadWidgetAssets(env.ASSETS);
  const app = createApp({
    retriever,
    manifest: index.manifest,
    passages: index.passages,
    settings,
    store: writes.store,
    logger,
    ...(generator ? { generator } : {}),
    // Set by Cloudflare's edge for every request; clients cannot forge it.
    clientAddress: (c) => c.req.header('cf-connecting-ip') ?? null,
    ...(widget ? { widget } : {}),
  });
  return { app, retriever, writesSettled: writes.settled };
}

/** The Worker's string bindings (`[vars]`, secrets) are its environment variables. */
export function variables(env: WorkerEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

export function loggerFor(settings: ServerSettings): Logger {
  return createLogger({ enabled: settings.logEnabled, level: settings.logLevel });
}
