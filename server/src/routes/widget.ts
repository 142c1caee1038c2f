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
