import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = { status?: number; type?: string; body?: string; location?: string; headers?: Record<string, string> };

/** Serves a fixture site from a path → response map on 127.0.0.1; counts requests per path. */
export async function serveSite(routes: Record<string, Route | ((origin: string) => Route)>) {
  const hits = new Map<string, number>();
  let origin = '';
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const entry = routes[path];
    const route = typeof entry === 'function' ? entry(origin) : entry;
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      return void res.end('<html><body><main><h1>Seite nicht gefunden</h1></main></body></html>');
    }
    const headers: Record<string, string> = { 'content-type': route.type ?? 'text/html; charset=utf-8', ...route.headers };
    if (route.location) headers['location'] = new URL(route.location, origin).toString();
    res.writeHead(route.status ?? 200, headers);
    res.end(route.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    origin,
    hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A page in a minimal CMS layout: banner, navigation and footer around the main content. */
export function page(title: string, main: string, links: string[] = []): Route {
  const nav = links.map((href) => `<li><a href="${href}">${href}</a></li>`).join('');
  return {
    body: `<!doctype html><html lang="de"><head><title>${title} | Fixture-Amt</title></head><body>
<header>Fixture-Amt</header><nav><ul>${nav}</ul></nav>
<main><h1>${title}</h1>${main}</main><footer>Impressum</footer></body></html>`,
  };
}
