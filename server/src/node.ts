import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { AuskunftError, createEmbedderFromSettings, type EmbedderSettings } from '@auskunft/core';
import { createGeneratorFromSettings } from './answer/generator-from-settings.js';
import { createApp } from './app.js';
import type { ServerSettings } from './config.js';
import { loadIndexFromDisk } from './load-index.js';
import { createLogger, type LogLevel } from './log.js';
import { createRetriever } from './retrieve/retrieve.js';
import { startRetention } from './store/retention.js';
import { createSqliteStore } from './store/sqlite.js';
import { createNullStore } from './store/store.js';
import { loadHnswlibSearch } from './vectors/hnswlib.js';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The Node entry: loads the index from disk, picks hnswlib-node for vectors and SQLite for the
 * store, and serves the app with @hono/node-server.
 */
export async function startNodeServer(settings: ServerSettings, embedderSettings: EmbedderSettings): Promise<RunningServer> {
  const logger = createLogger({ enabled: settings.logEnabled, level: settings.logLevel as LogLevel });
  const index = await loadIndexFromDisk(settings.indexDir);
  const embedder = createEmbedderFromSettings(embedderSettings);
  if (embedder.id !== index.manifest.embedder.id) {
    throw new AuskunftError('EMBEDDER_MISMATCH', `The index was built with embedder "${index.manifest.embedder.id}" but the server is configured for "${embedder.id}". Use the same embedder settings for crawl and serve, or rebuild the index.`);
  }
  const vectors = await loadHnswlibSearch(index.vectorsPath, index.manifest.embedder.dimension, settings.hnswEf);
  const retriever = createRetriever({ passages: index.passages, lexical: index.lexical, vectors, embedder, minVectorSimilarity: settings.minVectorSimilarity, vectorWeight: settings.vectorWeight });
  const store = settings.queryLog ? createSqliteStore(settings.storePath) : createNullStore();
  const stopRetention = startRetention(store, settings.retentionDays, (error) => logger.log('error', 'retention_failed', { message: String(error) }));
  const generator = createGeneratorFromSettings(settings);
  const app = createApp({
    retriever,
    manifest: index.manifest,
    passages: index.passages,
    settings,
    store,
    logger,
    ...(generator ? { generator } : {}),
    clientAddress: (c) => getConnInfo(c).remote.address ?? null,
    widgetScript: await readWidgetScript(),
  });

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: settings.host, port: settings.port }, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  return {
    url: `http://${host}:${port}/`,
    async close() {
      stopRetention();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      await store.close();
    },
  };
}

async function readWidgetScript(): Promise<string | undefined> {
  try {
    const path = createRequire(import.meta.url).resolve('@auskunft/widget/widget.js');
    return await readFile(path, 'utf8');
  } catch {
    console.warn('[auskunft] widget.js not found; run `npm run build` to serve the widget.');
    return undefined;
  }
}
