import { getConnInfo } from '@hono/node-server/conninfo';
import { createEmbedderFromSettings, type EmbedderSettings } from '@auskunft/core';
import { createApp, type AppDeps } from '../app.js';
import type { ServerSettings } from '../config.js';
import { watchCurrentVersion } from './index-watch.js';
import { createLogger } from '../http/log.js';
import { createMetrics } from '../http/metrics.js';
import { listen } from './listen.js';
import { createNodeParts } from './node-parts.js';
import { openIndexOnDisk } from './open-index.js';

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
  const parts = await createNodeParts(settings, logger);
  const { store, editor, generator, widget } = parts;
  const metrics = createMetrics();
  // One app per index version; requests go to the current one. Store, metrics and logger
  // outlive versions, so a reload loses nothing but in-flight rate-limit windows.
  const appFor = async () => {
    const { index, retriever } = await openIndexOnDisk(settings, embedder, editor.overlay);
    const app = createApp({
      ...{ retriever, manifest: index.manifest, passages: index.passages, settings, store, logger, metrics, editor },
      ...(generator ? { generator } : {}),
      clientAddress: (c) => getConnInfo(c).remote.address ?? null,
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

  const server = await listen((request, env) => current.app.fetch(request, env), settings.host, settings.port);
  return {
    url: server.url,
    async close() {
      stopWatching();
      await server.close();
      await parts.close();
    },
  };
}
