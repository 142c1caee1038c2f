import { resolveSettings } from '@auskunft/core';
import { createApp, serverSettings } from '../src/index.js';
import { createSqliteStore } from '../src/store/sqlite.js';
import type { ApiTarget } from './api-suite.js';
import { API_SUITE_ENV } from './api-suite-env.js';
import { buildDemoIndex, openTestIndex } from './demo-index.js';

const CLIENT_HEADER = 'x-test-client-address';

/**
 * The Node app serving the demo index with the suites' settings: hnswlib-node vectors, SQLite
 * store, in-process requests. `close` stops the demo site and removes the index.
 */
export async function startNodeApiTarget() {
  const demo = await buildDemoIndex();
  const settings = resolveSettings(serverSettings, { env: API_SUITE_ENV });
  const { index, retriever } = await openTestIndex(demo.outDir, settings);
  const store = createSqliteStore(':memory:');
  const app = createApp({
    retriever,
    manifest: index.manifest,
    passages: index.passages,
    settings,
    store,
    widget: { script: '/* widget */', chunks: new Map([['chat-abc123.js', 'export const chat = 1;']]) },
    // @hono/node-server's connection info is not there for in-process requests; the suite names its client.
    clientAddress: (c) => c.req.header(CLIENT_HEADER) ?? null,
  });
  const target: ApiTarget = {
    request: (path, init, client) => {
      const headers = new Headers(init?.headers);
      headers.set(CLIENT_HEADER, client);
      return app.request(path, { ...init, headers });
    },
    index: { version: demo.report.version, passages: demo.report.passages },
    storedFeedback: () => store.listFeedback('1970-01-01'),
    storedQueries: () => store.listQueries('1970-01-01'),
  };
  // The demo index and its retriever stay available for apps with other settings.
  return { ...target, demo, loaded: index, retriever, close: () => demo.close() };
}
