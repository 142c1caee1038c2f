export interface FetchedPage {
  /** URL after redirects. */
  url: string;
  status: number;
  contentType: string;
  body: string;
}

export interface FetchOptions {
  userAgent: string;
  timeoutMs: number;
  /** 0 = unlimited. */
  maxBytes: number;
}

/** Why a URL produced no page; it lands in the crawl report with this reason. */
export class FetchProblem extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * GETs one URL with our user agent, a timeout and a body size limit. Redirects are followed by
 * fetch (at most 20 hops, per the Fetch standard) and the final URL is returned so the caller can
 * check that it is still in scope.
 */
export async function fetchPage(url: string, options: FetchOptions): Promise<FetchedPage> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { 'user-agent': options.userAgent, accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' },
      redirect: 'follow',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') throw new FetchProblem(`timed out after ${options.timeoutMs} ms`);
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    throw new FetchProblem(`request failed${cause || (error instanceof Error ? `: ${error.message}` : '')}`);
  }
  const contentType = response.headers.get('content-type') ?? '';
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (options.maxBytes > 0 && declared > options.maxBytes) {
    await response.body?.cancel();
    throw new FetchProblem(`larger than ${options.maxBytes} bytes (${declared})`);
  }
  const body = response.ok ? await readLimited(response, options.maxBytes) : (await response.body?.cancel(), '');
  return { url: response.url || url, status: response.status, contentType, body };
}

async function readLimited(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (maxBytes > 0 && total > maxBytes) {
      await reader.cancel();
      throw new FetchProblem(`larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  // Pages in German authorities' CMSs are UTF-8 in practice; a declared legacy charset is honoured.
  const charset = /charset=([^;]+)/i.exec(response.headers.get('content-type') ?? '')?.[1]?.trim() ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
