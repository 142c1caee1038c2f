import type { Manifest, Passage } from '@auskunft/core';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { ApiError } from './api-error.js';
import { resolveHandoff } from './answer/handoff.js';
import type { ServerSettings } from './config.js';
import type { Retriever } from './retrieve/retrieve.js';
import { chatRoute } from './routes/chat.js';
import { healthRoute } from './routes/health.js';
import { searchRoute } from './routes/search.js';
import { widgetRoute } from './routes/widget.js';

export interface AppDeps {
  retriever: Retriever;
  manifest: Manifest;
  passages: readonly Passage[];
  settings: ServerSettings;
  /** Contents of widget.js; the route answers 404 when the widget was not built. */
  widgetScript?: string;
}

/**
 * The whole HTTP surface, independent of the runtime: `node.ts` (and later a Worker entry) only
 * load the index, pick implementations and hand them in here.
 */
export function createApp(deps: AppDeps) {
  const { settings } = deps;
  const app = new Hono();

  app.use('*', secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }));
  app.use(
    '/api/*',
    cors({
      origin: settings.corsOrigins.includes('*') ? '*' : (origin) => (settings.corsOrigins.includes(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Content-Type'],
      maxAge: 600,
    }),
  );
  if (settings.maxBodyBytes > 0) {
    app.use(
      '/api/*',
      bodyLimit({
        maxSize: settings.maxBodyBytes,
        onError: (c) => new ApiError(413, 'BODY_TOO_LARGE', `Die Anfrage ist zu groß. Erlaubt sind höchstens ${settings.maxBodyBytes} Bytes.`).toResponse(c),
      }),
    );
  }

  app.route('/api/search', searchRoute({ retriever: deps.retriever, maxQueryChars: settings.maxQueryChars, results: settings.searchResults }));
  app.route(
    '/api/chat',
    chatRoute({
      retriever: deps.retriever,
      maxQueryChars: settings.maxQueryChars,
      maxHistoryTurns: settings.maxHistoryTurns,
      minCoverage: settings.minAnswerCoverage,
      handoff: resolveHandoff(deps.passages, settings.contactUrl, settings.contactLabel),
    }),
  );
  app.route('/healthz', healthRoute(deps.manifest));
  app.route('/widget.js', widgetRoute(deps.widgetScript));

  app.notFound((c) => new ApiError(404, 'NOT_FOUND', 'Diese Adresse gibt es nicht.').toResponse(c));
  app.onError((error, c) => {
    if (error instanceof ApiError) return error.toResponse(c);
    console.error('[auskunft] request failed:', error);
    return new ApiError(500, 'INTERNAL', 'Es ist ein interner Fehler aufgetreten. Bitte versuchen Sie es später erneut.').toResponse(c);
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
