import { AuskunftError, bundledSynonyms, createEmbedderFromSettings, embedderSettings, mergeSynonyms, parseSynonyms, resolveSettings, type SynonymTable } from '@auskunft/core';
import type { ExecutionContext } from 'hono';
import { createApp, type App } from '../app.js';
import { serverSettings, type ServerSettings } from '../config.js';
import { assertSameEmbedder } from '@auskunft/core';
import { loadIndexFromAssets, readAsset, type AssetsBinding } from './load-index-assets.js';
import { createLogger, type Logger, type LogLevel } from '../http/log.js';
import { createRetriever } from '../retrieve/retrieve.js';
import { createD1Store, type D1Binding } from '../store/d1.js';
import { createNullStore } from '../store/store.js';
import { loadPlainHnswSearch } from '../vectors/plain-hnsw.js';
import { createVectorizeSearch, type VectorizeIndexBinding } from '../vectors/vectorize.js';
import { WIDGET_CHUNK_DIR, type WidgetBundle } from '../widget/widget-bundle.js';
import { WORKER_SYNONYMS_FILE, WORKER_WIDGET_CHUNKS_FILE, WORKER_WIDGET_FILE } from './asset-names.js';
import { trackWrites, waitForWrites } from './writes.js';

/** Bindings from wrangler.toml: the exported index as static assets, D1, and `AUSKUNFT_*` variables. */
export interface WorkerEnv {
  ASSETS: AssetsBinding;
  DB?: D1Binding;
  /** Optional Cloudflare Vectorize index holding the vectors (`auskunft export-vectorize`); replaces vectors.hnsw. */
  VECTORIZE?: VectorizeIndexBinding;
  [variable: string]: unknown;
}

/** The part of the Workers runtime's ScheduledController used here. */
export interface ScheduledControllerLike {
  scheduledTime: number;
}

interface Started {
  app: App;
  writesSettled: () => Promise<unknown>;
}

/** After a failed start (bad settings, damaged index), requests answer 503 for this long before the next try. */
const RETRY_START_MS = 60_000;

/**
 * The Worker's handlers: the same app as on Node, with the index read from static assets,
 * vectors searched by the plain-TypeScript HNSW reader and feedback kept in D1. The app is built
 * on the first request and kept for the isolate's life; each call here starts from scratch.
 */
export function createWorker() {
  let started: Promise<Started> | undefined;
  let failedAt = 0;
  return {
    async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
      if (!started || (failedAt > 0 && Date.now() - failedAt > RETRY_START_MS)) {
        failedAt = 0;
        started = start(env).catch((error: unknown) => {
          failedAt = Date.now();
          console.error(JSON.stringify({ time: new Date().toISOString(), level: 'error', event: 'start_failed', message: error instanceof Error ? error.message : String(error) }));
          throw error;
        });
      }
      let running: Started;
      try {
        running = await started;
      } catch {
        return Response.json(
          { error: { code: 'UNAVAILABLE', message: 'Die Suche ist gerade nicht verfügbar. Bitte versuchen Sie es später erneut.' } },
          { status: 503, headers: { 'Retry-After': String(RETRY_START_MS / 1000) } },
        );
      }
      const response = await running.app.fetch(request, env, ctx);
      return waitForWrites(response, ctx, running.writesSettled);
    },

    /** The retention cron ([triggers] in wrangler.toml): deletes feedback and query-log entries past the window. */
    async scheduled(controller: ScheduledControllerLike, env: WorkerEnv, ctx: ExecutionContext): Promise<void> {
      const settings = resolveSettings(serverSettings, { env: variables(env) });
      const logger = loggerFor(settings);
      if (!env.DB) {
        logger.log('warn', 'retention_skipped', { reason: 'no D1 binding "DB"' });
        return;
      }
      const cutoff = new Date(controller.scheduledTime - settings.retentionDays * 86_400_000).toISOString();
      const purge = createD1Store(env.DB).purgeOlderThan(cutoff).then((removed) => logger.log('info', 'retention_purged', { removed, cutoff }));
      ctx.waitUntil(purge);
      await purge;
    },
  };
}

async function start(env: WorkerEnv): Promise<Started> {
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
  const retriever = createRetriever({ passages: index.passages, lexical: index.lexical, vectors, embedder, minVectorSimilarity: settings.minVectorSimilarity, vectorWeight: settings.vectorWeight, synonyms });
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
  return { app, writesSettled: writes.settled };
}

/** widget.js and its lazily loaded chunks, as `auskunft export-worker` put them into the assets. */
async function loadWidgetAssets(assets: AssetsBinding): Promise<WidgetBundle | undefined> {
  const script = await readAsset(assets, `/${WORKER_WIDGET_FILE}`);
  if (!script) return undefined;
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  const list = await readAsset(assets, `/${WORKER_WIDGET_CHUNKS_FILE}`);
  const chunks = new Map<string, string>();
  for (const name of list ? (JSON.parse(decode(list)) as string[]) : []) {
    const code = await readAsset(assets, `/${WIDGET_CHUNK_DIR}/${name}`);
    if (code) chunks.set(name, decode(code));
  }
  return { script: decode(script), chunks };
}

/** The bundled German synonyms, plus the editors' list when `auskunft export-worker` put one into the assets. */
async function loadSynonymsAsset(assets: AssetsBinding): Promise<SynonymTable> {
  const file = await readAsset(assets, `/${WORKER_SYNONYMS_FILE}`);
  if (!file) return bundledSynonyms();
  return mergeSynonyms(bundledSynonyms(), parseSynonyms(new TextDecoder().decode(file), "/synonyms.txt in the Worker's static assets"));
}

/** The Worker's string bindings (`[vars]`, secrets) are its environment variables. */
function variables(env: WorkerEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

function loggerFor(settings: ServerSettings): Logger {
  return createLogger({ enabled: settings.logEnabled, level: settings.logLevel as LogLevel });
}
