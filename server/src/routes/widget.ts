import { Hono, type Context } from 'hono';
import { ApiError } from '../http/api-error.js';
import { widgetFingerprint, type WidgetBundle } from '../widget/widget-bundle.js';

/**
 * The widget's files. CORS is open on all of them: a cross-origin script pinned with
 * Subresource Integrity and the module chunks it imports are fetched in CORS mode.
 *
 * - GET /widget.js — the current version (cached briefly, so updates arrive);
 * - GET /widget.<hash>.js — the same bytes under a content-hashed name, cached forever, so hosts can pin it with Subresource Integrity;
 * - GET /widget.json — `{ "src", "integrity" }` for hosts that pin the versioned file with SRI;
 *   `src` is under `publicUrl` (server.publicUrl), or relative to widget.json: the Host header
 *   and scheme of a request say nothing reliable behind a proxy and can be forged;
 * - GET /widget/<chunk>.js — code widget.js imports on demand (names carry a content hash).
 */
export function widgetRoutes(bundle: WidgetBundle | undefined, publicUrl?: string) {
  const base = publicUrl ? (publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`) : undefined;
  const fingerprint = bundle ? widgetFingerprint(bundle.script) : undefined;
  const app = new Hono();
  const script = (c: Context, body: string, cache: string) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', cache);
    c.header('Access-Control-Allow-Origin', '*');
    return c.body(body);
  };
  const requireBundle = (): WidgetBundle => {
    if (!bundle) throw new ApiError(404, 'WIDGET_NOT_BUILT', 'Das Widget wurde nicht gebaut (npm run build).');
    return bundle;
  };
  app.get('/widget.js', (c) => script(c, requireBundle().script, 'public, max-age=300'));
  app.get('/widget.json', async (c) => {
    requireBundle();
    const { file, integrity } = (await fingerprint)!;
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cache-Control', 'public, max-age=300');
    return c.json({ src: base ? new URL(file, base).href : file, integrity });
  });
  app.get('/:file{widget\\.[0-9a-f]{16}\\.js}', async (c) => {
    const current = requireBundle();
    if (c.req.param('file') !== (await fingerprint)!.file) {
      throw new ApiError(404, 'NOT_FOUND', 'Diese Version des Widgets gibt es auf diesem Server nicht (mehr); die aktuelle nennt /widget.json.');
    }
    return script(c, current.script, 'public, max-age=31536000, immutable');
  });
  app.get('/widget/:file', (c) => {
    const body = requireBundle().chunks.get(c.req.param('file'));
    if (body === undefined) throw new ApiError(404, 'NOT_FOUND', 'Diese Adresse gibt es nicht.');
    return script(c, body, 'public, max-age=31536000, immutable');
  });
  return app;
}
