import { Hono } from 'hono';
import { ApiError } from '../api-error.js';

/**
 * GET /widget.js. CORS is open because host pages may load it with Subresource Integrity, which
 * requires a CORS response for cross-origin scripts.
 */
export function widgetRoute(script: string | undefined) {
  return new Hono().get('/', (c) => {
    if (script === undefined) throw new ApiError(404, 'WIDGET_NOT_BUILT', 'Das Widget wurde nicht gebaut (npm run build).');
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Access-Control-Allow-Origin', '*');
    return c.body(script);
  });
}

/**
 * GET /widget/<file>: the code widget.js loads on demand, e.g. the chat (`chat-<hash>.js`, an
 * ES module it imports on first open). The names carry a content hash, so a response never
 * changes and may be cached for a year. CORS is open because browsers fetch cross-origin
 * modules in CORS mode.
 */
export function widgetFilesRoute(files: ReadonlyMap<string, string>) {
  return new Hono().get('/:file', (c) => {
    const body = files.get(c.req.param('file'));
    if (body === undefined) throw new ApiError(404, 'NOT_FOUND', 'Diese Adresse gibt es nicht.');
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    c.header('Access-Control-Allow-Origin', '*');
    return c.body(body);
  });
}
