import { FetchProblem, type HttpResponse } from './fetcher.js';
import { canonicalizeUrl } from '../url.js';

const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);

export interface RedirectOptions {
  maxRedirects: number;
  /** Why the crawl must not go to this hop (out of scope, robots.txt), or null to follow it. */
  checkHop: (url: string) => Promise<string | null> | string | null;
}

/**
 * Follows redirects one hop at a time, so every hop is counted, checked against the crawl scope
 * and robots.txt, and fetched politely like any other request (fetch's own following would hide
 * all of that). Loops (a → b → a) and chains longer than `maxRedirects` become a FetchProblem
 * that names the chain.
 *
 * @example
 * const { response, url } = await followRedirects(start, (u) => fetchOnce(u, opts), { maxRedirects: 5, checkHop: () => null });
 */
export async function followRedirects(
  startUrl: string,
  fetchHop: (url: string) => Promise<HttpResponse>,
  options: RedirectOptions,
): Promise<{ response: HttpResponse; url: string; chain: string[] }> {
  const chain = [startUrl];
  let url = startUrl;
  for (;;) {
    const response = await fetchHop(url);
    const location = response.headers.get('location');
    if (!REDIRECT_STATUS.has(response.status) || !location) return { response, url, chain };
    const next = canonicalizeUrl(location, url);
    if (!next) throw new FetchProblem(`redirected to unsupported address ${location}`, 'redirect');
    if (chain.includes(next)) throw new FetchProblem(`redirect loop: ${[...chain, next].join(' → ')}`, 'redirect');
    if (chain.length - 1 >= options.maxRedirects) throw new FetchProblem(`more than ${options.maxRedirects} redirects: ${chain.join(' → ')} → …`, 'redirect');
    const refusal = await options.checkHop(next);
    if (refusal) throw new FetchProblem(`redirected to ${next}: ${refusal}`, 'redirect');
    chain.push(next);
    url = next;
  }
}
