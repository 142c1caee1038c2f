import type { Manifest, Passage } from '@auskunft/core';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { ApiError } from './http/api-error.js';
import type { ChatGenerator } from './answer/generate-llm.js';
import { answerContext } from './assemble.js';
import type { ServerSettings } from './config.js';
import type { Logger } from './http/log.js';
import { createLogger } from './http/log.js';
import { createMetrics, type Metrics } from './http/metrics.js';
import { rateLimit, type RateWindows } from './http/rate-limit.js';
import { assertSafeSettings } from './http/safe-settings.js';
import { createClientAddressResolver, rateLimitAddress, truncatedNetwork } from './http/trusted-proxy.js';
import { createClientKeyer } from './privacy/client-key.js';
import { collectPublicContacts, createScrubber } from './privacy/scrub.js';
import type { Retriever } from './retrieve/retrieve.js';
import { chatRoute } from './routes/chat.js';
import { editorRoute } from './routes/editor.js';
import { editorConsoleRoute } from './routes/editor-console.js';
import type { PasswordHasher } from './editor/auth.js';
import type { EditorStore } from './editor/editor-store.js';
import type { EditorOverlay } from './editor/overlay.js';
import { feedbackRoute } from './routes/feedback.js';
import { createSourceFilter } from './routes/feedback-sources.js';
import { healthRoute } from './routes/health.js';
import { metricsRoute } from './routes/metrics.js';
import { searchRoute } from './routes/search.js';
import { widgetRoutes } from './routes/widget.js';
import { createNullStore, type Store } from './store/store.js';
import type { WidgetBundle } from './widget/widget-bundle.js';

export interface AppDeps {
  retriever: Retriever;
  manifest: Manifest;
  passages: readonly Passage[];
  settings: ServerSettings;
  /** Feedback and query log; the null store keeps nothing. */
  store?: Store;
  /** A chat model; without one, answers are extractive. */
  generator?: ChatGenerator;
  /** The client's network address as the runtime sees it (never stored; see privacy/client-key.ts). */
  clientAddress?: (c: Context) => string | null;
  metrics?: Metrics;
  logger?: Logger;
  /** The built widget; its routes answer 404 when it was not built. */
  widget?: WidgetBundle;
  /** The editors' console (/editor/); without it only the token-protected report is served. */
  editor?: { store: EditorStore; passwords: PasswordHasher; overlay: EditorOverlay };
  /**
   * Rate-limit windows shared by several processes, and the key they count a client address
   * under; default: counted in this process under a salted HMAC (privacy/client-key.ts).
   */
  rateLimits?: { windows: RateWindows; clientKey: (address: string) => Promise<string> };
}

/**
 * The whole HTTP surface, independent of the runtime: the Node and Worker entries only load the
 * index, pick implementations (vectors, store, model), assemble the retriever (assemble.ts) and
 * hand them in here.
 */
export function createApp(deps: AppDeps) {
  const { settings } = deps;
  assertSafeSettings(settings);
  const store = deps.store ?? createNullStore();
  const metrics = deps.metrics ?? createMetrics();
  const logger = deps.logger ?? createLogger({ enabled: settings.logEnabled, level: settings.logLevel });
  const keyer = deps.rateLimits?.clientKey ?? createClientKeyer();
  const windows = deps.rateLimits?.windows;
  const resolveAddress = createClientAddressResolver({ trustProxy: settings.trustProxy, hops: settings.trustProxyHops, trustedProxies: settings.trustedProxies });
  const address = (c: Context) => resolveAddress(deps.clientAddress?.(c) ?? null, c.req.header('x-forwarded-for'));
  const clientKey = async (c: Context) => {
    const a = address(c);
    return a ? keyer(rateLimitAddress(a)) : null;
  };
  // The authority's own phone numbers and e-mail addresses, as its pages publish them, are no
  // personal data of the citizen who quotes them.
  const scrub = createScrubber({ publicContacts: collectPublicContacts(deps.passages.map((p) => p.text)) });
  const remember = (what: string, promise: Promise<unknown>) =>
    promise.catch((error: unknown) => logger.log('error', 'store_failed', { what, message: error instanceof Error ? error.message : String(error) }));

  const app = new Hono();
  app.use('*', requestId());
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    const route = c.req.routePath === '/*' ? 'unmatched' : c.req.routePath;
    metrics.observeRequest(route, c.req.method, c.res.status, seconds);
    const client = address(c);
    logger.log(c.res.status >= 500 ? 'error' : 'info', 'request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      route,
      status: c.res.status,
      ms: Math.round(seconds * 1000),
      ...(settings.logClientNetwork ? { network: truncatedNetwork(client) } : {}),
    });
  });
  app.use('*', secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }));
  app.use(
    '/api/*',
    cors({
      origin: settings.corsOrigins.includes('*') ? '*' : (origin) => (settings.corsOrigins.includes(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Content-Type'],
      exposeHeaders: ['Retry-After', 'X-Request-Id'],
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
  app.use('/api/search', rateLimit({ limit: settings.searchRateLimit, windowMs: 60_000, clientKey, name: 'search', ...(windows ? { windows } : {}) }));
  const chatLimit = rateLimit({ limit: settings.chatRateLimit, windowMs: 60_000, clientKey, name: 'chat', ...(windows ? { windows } : {}) });
  app.use('/api/chat', chatLimit);
  app.use('/api/feedback', chatLimit);

  app.route(
    '/api/search',
    searchRoute({
      retriever: deps.retriever,
      maxQueryChars: settings.maxQueryChars,
      results: settings.searchResults,
      cacheSize: settings.searchCacheSize,
      scrub,
      onSearch: (query, results) => {
        if (settings.queryLog) remember('query', store.logQuery({ at: new Date().toISOString(), kind: 'search', query, results, confident: null, generated: null }));
      },
    }),
  );
  app.route(
    '/api/chat',
    chatRoute({
      answers: answerContext(settings, { retriever: deps.retriever, passages: deps.passages, generator: deps.generator, logger }),
      maxQueryChars: settings.maxQueryChars,
      maxHistoryTurns: settings.maxHistoryTurns,
      disclosure: settings.disclosure,
      scrub,
      logger,
      onAnswer: (question, answer) => {
        metrics.observeAnswer(answer.generated, answer.confident);
        if (settings.queryLog) {
          remember('query', store.logQuery({ at: new Date().toISOString(), kind: 'chat', query: question, results: answer.sources.length, confident: answer.confident, generated: answer.generated }));
        }
      },
    }),
  );
  app.route('/api/feedback', feedbackRoute(store, { maxQueryChars: settings.maxQueryChars, keepSources: createSourceFilter(deps.passages), scrub }));
  // The report first: it answers /editor/unanswered by token, before the console asks for a session.
  app.route('/editor', editorRoute({ token: settings.editorToken, store, retriever: deps.retriever, retentionDays: settings.retentionDays, clientKey }));
  if (deps.editor) {
    app.route(
      '/editor',
      editorConsoleRoute({
        editorStore: deps.editor.store,
        passwords: deps.editor.passwords,
        overlay: deps.editor.overlay,
        store,
        retriever: deps.retriever,
        passages: deps.passages,
        answers: (retriever) => answerContext(settings, { retriever, passages: deps.passages, generator: deps.generator }),
        clientKey,
        trustProxy: settings.trustProxy,
        sessionMinutes: settings.editorSessionMinutes,
        maxLoginFailures: settings.editorMaxLoginFailures,
        maxAnswerChars: settings.editorMaxAnswerChars,
        retentionDays: settings.retentionDays,
      }),
    );
  }
  app.route('/healthz', healthRoute(deps.manifest));
  app.route('/metrics', metricsRoute(metrics));
  app.route('/', widgetRoutes(deps.widget, settings.publicUrl));

  app.notFound((c) => new ApiError(404, 'NOT_FOUND', 'Diese Adresse gibt es nicht.').toResponse(c));
  app.onError((error, c) => {
    if (error instanceof ApiError) return error.toResponse(c);
    logger.log('error', 'unhandled', { requestId: c.get('requestId'), message: error instanceof Error ? error.message : String(error) });
    return new ApiError(500, 'INTERNAL', 'Es ist ein interner Fehler aufgetreten. Bitte versuchen Sie es später erneut.').toResponse(c);
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
