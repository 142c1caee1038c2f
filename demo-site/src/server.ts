import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readContentFile, listPublicPages, readPage } from './content.js';
import { sendPlain, sendRepresentation } from './http-response.js';
import { renderNotFound, renderPage, type RenderContext } from './render-page.js';
import { latestMtime, renderRobotsTxt, renderSitemap } from './robots-sitemap.js';
import { notFoundFile, resolveAssetPath, resolvePagePath } from './site-files.js';

const HTML = 'text/html; charset=utf-8';
const HOST_HEADER = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

export interface HandlerOptions {
  /** Origin used when the request has no usable Host header, e.g. 'http://127.0.0.1:41234' */
  fallbackOrigin: () => string;
  injectBeforeBodyEnd?: string;
}

function requestOrigin(req: IncomingMessage, fallback: () => string): string {
  const host = req.headers.host;
  return host && HOST_HEADER.test(host) ? `http://${host}` : fallback();
}

/** Splits the raw request target without normalising it, so '/../x' stays visible as such. */
function splitTarget(target: string): { path: string; query: string } {
  const end = target.search(/[?#]/);
  const path = end < 0 ? target : target.slice(0, end);
  const query = end >= 0 && target[end] === '?' ? target.slice(end).replace(/#.*$/, '') : '';
  return { path, query };
}

async function sendNotFound(req: IncomingMessage, res: ServerResponse, context: RenderContext, urlPath: string): Promise<void> {
  const content = await readContentFile(notFoundFile);
  if (!content) return sendPlain(req, res, 404, 'Seite nicht gefunden');
  sendRepresentation(req, res, { status: 404, contentType: HTML, body: renderNotFound(content, context, urlPath) });
}

async function sendAsset(req: IncomingMessage, res: ServerResponse, file: string, type: string): Promise<boolean> {
  try {
    const [body, info] = await Promise.all([readFile(file), stat(file)]);
    sendRepresentation(req, res, { status: 200, contentType: type, body, lastModified: info.mtime });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

async function route(req: IncomingMessage, res: ServerResponse, options: HandlerOptions): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendPlain(req, res, 405, 'Methode nicht erlaubt', { Allow: 'GET, HEAD' });
  }
  const origin = requestOrigin(req, options.fallbackOrigin);
  const context: RenderContext = { origin, injectBeforeBodyEnd: options.injectBeforeBodyEnd };
  const { path, query } = splitTarget(req.url ?? '/');

  if (path === '/robots.txt') {
    return sendRepresentation(req, res, { status: 200, contentType: 'text/plain; charset=utf-8', body: renderRobotsTxt(origin) });
  }
  if (path === '/sitemap.xml') {
    const pages = await listPublicPages();
    return sendRepresentation(req, res, {
      status: 200,
      contentType: 'application/xml; charset=utf-8',
      body: renderSitemap(origin, pages),
      lastModified: latestMtime(pages),
    });
  }
  const asset = resolveAssetPath(path);
  if (asset && (await sendAsset(req, res, asset.file, asset.type))) return;

  const resolved = resolvePagePath(path);
  const page = resolved && (await readPage(resolved.urlPath));
  if (!resolved || !page) return sendNotFound(req, res, context, path);
  if (!resolved.hasTrailingSlash) {
    return sendPlain(req, res, 301, `Verschoben nach ${resolved.urlPath}`, { Location: resolved.urlPath + query });
  }
  sendRepresentation(req, res, {
    status: 200,
    contentType: HTML,
    body: await renderPage(page, context),
    lastModified: page.mtime,
  });
}

export function createRequestHandler(options: HandlerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    route(req, res, options).catch((error: unknown) => {
      console.error('[demo-site]', error);
      if (res.headersSent) res.destroy();
      else sendPlain(req, res, 500, 'Interner Serverfehler');
    });
  };
}
