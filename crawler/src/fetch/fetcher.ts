import type { SkipCategory } from '../report.js';

/** One HTTP exchange as the crawler needs it: status, headers and (for 200 only) the body bytes. */
export interface HttpResponse {
  url: string;
  status: number;
  headers: Headers;
  /** The body of a 200 response; null for every other status. */
  body: Uint8Array | null;
}

export interface FetchOptions {
  userAgent: string;
  timeoutMs: number;
  /** Body size limit for a content type; 0 = unlimited. */
  maxBytes: (contentType: string) => number;
  /** Extra request headers, e.g. If-None-Match for a conditional request. */
  headers?: Record<string, string>;
}

/** Why a URL produced no document; it lands in the crawl report with this reason. */
export class FetchProblem extends Error {
  constructor(
    readonly reason: string,
    readonly category: SkipCategory,
    /** Worth another attempt (timeouts, dropped connections); size limits and loops are not. */
    readonly retryable = false,
  ) {
    super(reason);
  }
}

const ACCEPT = 'text/html,application/xhtml+xml;q=0.9,application/pdf;q=0.8,*/*;q=0.1';

/**
 * GETs one URL without following redirects (the caller counts hops and checks each target), with
 * our user agent, a timeout over headers and body, and a size limit that depends on the content
 * type. Bodies of non-200 responses are discarded unread.
 */
export async function fetchOnce(url: string, options: FetchOptions): Promise<HttpResponse> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { 'user-agent': options.userAgent, accept: ACCEPT, ...options.headers },
      redirect: 'manual',
      signal,
    });
  } catch (error) {
    throw describeNetworkError(error, options.timeoutMs);
  }
  if (response.status !== 200) {
    await response.body?.cancel().catch(() => undefined);
    return { url, status: response.status, headers: response.headers, body: null };
  }
  const limit = options.maxBytes(response.headers.get('content-type') ?? '');
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (limit > 0 && declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw new FetchProblem(`larger than ${limit} bytes (${declared})`, 'too-large');
  }
  try {
    return { url, status: 200, headers: response.headers, body: await readLimited(response, limit) };
  } catch (error) {
    if (error instanceof FetchProblem) throw error;
    throw describeNetworkError(error, options.timeoutMs);
  }
}

async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (maxBytes > 0 && total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new FetchProblem(`larger than ${maxBytes} bytes`, 'too-large');
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function describeNetworkError(error: unknown, timeoutMs: number): FetchProblem {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return new FetchProblem(`timed out after ${timeoutMs} ms`, 'network', true);
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return new FetchProblem(`request failed${cause || (error instanceof Error ? `: ${error.message}` : '')}`, 'network', true);
}
