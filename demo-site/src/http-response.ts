import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Representation {
  status: number;
  contentType: string;
  body: string | Buffer;
  /** Sent as Last-Modified and used for If-Modified-Since */
  lastModified?: Date;
  headers?: Record<string, string>;
}

export function computeEtag(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

function stripWeak(tag: string): string {
  return tag.startsWith('W/') ? tag.slice(2) : tag;
}

/** RFC 9110 §13.1.2: weak comparison; '*' matches any current representation. */
export function etagMatches(ifNoneMatch: string, etag: string): boolean {
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || stripWeak(tag) === stripWeak(etag));
}

function notModifiedSince(ifModifiedSince: string, lastModified: Date): boolean {
  const since = Date.parse(ifModifiedSince);
  if (Number.isNaN(since)) return false;
  // HTTP dates have whole-second precision.
  return Math.floor(lastModified.getTime() / 1000) <= Math.floor(since / 1000);
}

/** Is the client's cached copy still fresh? If-None-Match takes precedence over If-Modified-Since. */
export function isNotModified(req: IncomingMessage, etag: string, lastModified: Date | undefined): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined) return etagMatches(ifNoneMatch, etag);
  const ifModifiedSince = req.headers['if-modified-since'];
  if (ifModifiedSince !== undefined && lastModified) return notModifiedSince(ifModifiedSince, lastModified);
  return false;
}

/** Sends a representation with ETag/Last-Modified; answers 304 for fresh conditional GET/HEAD of 200 responses. */
export function sendRepresentation(req: IncomingMessage, res: ServerResponse, rep: Representation): void {
  const body = typeof rep.body === 'string' ? Buffer.from(rep.body, 'utf8') : rep.body;
  const etag = computeEtag(body);
  const headers: Record<string, string> = {
    ETag: etag,
    'Cache-Control': 'no-cache',
    ...rep.headers,
  };
  if (rep.lastModified) headers['Last-Modified'] = rep.lastModified.toUTCString();

  if (rep.status === 200 && isNotModified(req, etag, rep.lastModified)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  headers['Content-Type'] = rep.contentType;
  headers['Content-Length'] = String(body.length);
  res.writeHead(rep.status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

export function sendPlain(req: IncomingMessage, res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  const body = Buffer.from(text, 'utf8');
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(body.length), ...headers });
  res.end(req.method === 'HEAD' ? undefined : body);
}
