import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = {
  status?: number;
  type?: string;
  body?: string | Buffer;
  location?: string;
  headers?: Record<string, string>;
  /** Answer only after this many ms (a slow server). */
  delayMs?: number;
  /** Close the connection without answering (a server going down mid-request). */
  drop?: boolean;
};
/** A fixed response, or one computed per request (`hit` counts from 1 per path). */
export type Handler = Route | ((request: { origin: string; headers: IncomingHttpHeaders; hit: number }) => Route);

export interface FixtureSiteOptions {
  /** Send an ETag with every 200 and answer a matching If-None-Match with 304, as CMSs do. */
  etags?: boolean;
}

/**
 * Serves a fixture site from a path → response map on 127.0.0.1. The map stays live: tests edit
 * it between crawls to change or delete pages. Counts requests per path and keeps their headers.
 */
export async function serveSite(routes: Record<string, Handler>, options: FixtureSiteOptions = {}) {
  const hits = new Map<string, number>();
  const requests: Array<{ path: string; headers: IncomingHttpHeaders; status: number }> = [];
  let origin = '';
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    const hit = (hits.get(path) ?? 0) + 1;
    hits.set(path, hit);
    const entry = routes[path];
    const route = typeof entry === 'function' ? entry({ origin, headers: req.headers, hit }) : entry;
    if (!route) {
      requests.push({ path, headers: req.headers, status: 404 });
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      return void res.end('<html><body><main><h1>Seite nicht gefunden</h1></main></body></html>');
    }
    if (route.drop) {
      requests.push({ path, headers: req.headers, status: 0 });
      return void req.socket.destroy();
    }
    const headers: Record<string, string> = { 'content-type': route.type ?? 'text/html; charset=utf-8', ...route.headers };
    if (route.location) headers['location'] = new URL(route.location, origin).toString();
    let status = route.status ?? 200;
    if (options.etags && status === 200) {
      headers['etag'] = `"${createHash('sha1').update(route.body ?? '').digest('hex')}"`;
      if (req.headers['if-none-match'] === headers['etag']) status = 304;
    }
    requests.push({ path, headers: req.headers, status });
    const send = () => {
      if (res.destroyed) return;
      res.writeHead(status, headers);
      res.end(status === 304 ? undefined : (route.body ?? ''));
    };
    if (route.delayMs) setTimeout(send, route.delayMs);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    origin,
    hits,
    requests,
    routes,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export type FixtureSite = Awaited<ReturnType<typeof serveSite>>;

/** A page in a minimal CMS layout: banner, navigation and footer around the main content. */
export function page(title: string, main: string, links: string[] = [], head = ''): Route {
  const nav = links.map((href) => `<li><a href="${href}">${href}</a></li>`).join('');
  return {
    body: `<!doctype html><html lang="de"><head><title>${title} | Fixture-Amt</title>${head}</head><body>
<header>Fixture-Amt</header><nav><ul>${nav}</ul></nav>
<main><h1>${title}</h1>${main}</main><footer>Impressum</footer></body></html>`,
  };
}
