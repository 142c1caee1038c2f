import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createEmbedderFromSettings, type EmbedderSettings } from '@auskunft/core';
import { createGeneratorFromSettings } from '../answer/generator-from-settings.js';
import { createApp, type AppDeps } from '../app.js';
import type { ServerSettings } from '../config.js';
import { watchCurrentVersion } from './index-watch.js';
import { createLogger } from '../http/log.js';
import { createMetrics } from '../http/metrics.js';
import { openIndexOnDisk } from './open-index.js';
import { readWidgetBundle } from './read-widget.js';
import { startRetention } from '../store/retention.js';
import { createSqliteStore } from '../store/sqlite.js';
import { createNullStore } from '../store/store.js';
import { createEditorStore } from '../editor/editor-store.js';
import { createEditorOverlay } from '../editor/overlay.js';
import { sqliteSql } from './editor-sqlite.js';
import { createScryptHasher } from './password-scrypt.js';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The Node entry: loads the index from disk, picks hnswlib-node for vectors and SQLite for the
 * store, and serves the app with @hono/node-server.
 */
export async function startNodeServer(settings: ServerSettings, embedderSettings: EmbedderSettings, options: { rateLimits?: AppDeps['rateLimits'] } = {}): Promise<RunningServer> {
  const logger = createLogger({ enabled: settings.logEnabled, level: settings.logLevel });
  const embedder = createEmbedderFromSettings(embedderSettings);
  const store = settings.queryLog ? createSqliteStore(settings.storePath) : createNullStore();
  const stopRetention = startRetention(store, settings.retentionDays, (error) => logger.log('error', 'retention_failed', { message: String(error) }));
  const generator = createGeneratorFromSettings(settings);
  const metrics = createMetrics();
  // Editors' accounts and entries live in the store file even when the query log is off.
  const editorSql = sqliteSql(settings.storePath);
  const editorStore = createEditorStore(editorSql);
  const editorEntries = createEditorOverlay(editorStore, { intervalMs: settings.editorRefreshIntervalMs, onError: (error) => logger.log('error', 'editor_entries_failed', { message: String(error) }) });
  const editor = { store: editorStore, passwords: createScryptHasher(), overlay: editorEntries };
  const widget = await readWidgetBundle();
  if (!widget) logger.log('warn', 'widget_missing', { hint: 'widget.js not found; run `npm run build` to serve the widget' });

  // One app per index version; requests go to the current one. Store, metrics and logger
  // outlive versions, so a reload loses nothing but in-flight rate-limit windows.
  const appFor = async () => {
    const { index, retriever } = await openIndexOnDisk(settings, embedder, editorEntries);
    const app = createApp({
      retriever,
      manifest: index.manifest,
      passages: index.passages,
      settings,
      store,
      logger,
      metrics,
      ...(generator ? { generator } : {}),
      clientAddress: (c) => getConnInfo(c).remote.address ?? null,
      editor,
      ...(widget ? { widget } : {}),
      ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
    });
    return { app, version: index.manifest.version };
  };
  let current = await appFor();
  const stopWatching = watchCurrentVersion(settings.indexDir, settings.reloadIntervalMs, async (version) => {
    try {
      current = await appFor();
      logger.log('info', 'index_reloaded', { version: current.version });
    } catch (error) {
      logger.log('error', 'index_reload_failed', { version, message: error instanceof Error ? error.message : String(error) });
    }
  }, (error) => logger.log('error', 'index_reload_failed', { message: error instanceof Error ? error.message : String(error) }));

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: (request, env) => current.app.fetch(request, env), hostname: settings.host, port: settings.port }, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  return {
    url: `http://${host}:${port}/`,
    async close() {
      stopWatching();
      stopRetention();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      await store.close();
      editorSql.close();
    },
  };
}
