import { fetchOnce, type HttpResponse } from './fetcher.js';
import type { HostScheduler } from './host-scheduler.js';
import { followRedirects } from './redirects.js';
import { withRetries, type RetryPolicy } from './retry.js';

export interface DocumentFetcherOptions {
  userAgent: string;
  timeoutMs: number;
  maxBytes: number;
  maxPdfBytes: number;
  maxRedirects: number;
  retry: RetryPolicy;
  scheduler: HostScheduler;
  /** Why a redirect target must not be fetched, or null. */
  checkHop: (url: string) => Promise<string | null>;
  /** Validators from the previous crawl for a URL, to send a conditional request. */
  validators: (url: string) => { etag?: string | undefined; lastModified?: string | undefined } | undefined;
  /** Counts requests actually sent, retries and redirect hops included. */
  onRequest?: () => void;
}

/**
 * How the crawler GETs a URL: every hop of a redirect chain and every retry is one request that
 * waits for its host's turn (politeness), 429 and 5xx pause the whole host for the backoff, and a
 * URL known from the previous crawl is asked for conditionally (If-None-Match /
 * If-Modified-Since), so an unchanged page costs a "304 Not Modified" and no body.
 */
export function createDocumentFetcher(options: DocumentFetcherOptions): (url: string) => Promise<HttpResponse> {
  const maxBytes = (contentType: string) => (/pdf|octet-stream/i.test(contentType) ? options.maxPdfBytes : options.maxBytes);
  const fetchHop = (url: string) => {
    const origin = new URL(url).origin;
    const known = options.validators(url);
    const headers: Record<string, string> = {};
    if (known?.etag) headers['if-none-match'] = known.etag;
    if (known?.lastModified) headers['if-modified-since'] = known.lastModified;
    return withRetries(
      () =>
        options.scheduler.run(origin, () => {
          options.onRequest?.();
          return fetchOnce(url, { userAgent: options.userAgent, timeoutMs: options.timeoutMs, maxBytes, headers });
        }),
      options.retry,
      async (ms) => options.scheduler.pause(origin, ms),
    );
  };
  return async (url) => {
    const { response } = await followRedirects(url, fetchHop, { maxRedirects: options.maxRedirects, checkHop: options.checkHop });
    return response;
  };
}
