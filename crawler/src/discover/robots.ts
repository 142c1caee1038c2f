import robotsParserModule from 'robots-parser';

// robots-parser is CommonJS typed as `export default`; Node's ESM loader hands us the function itself.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

export interface RobotsRules {
  isAllowed(url: string): boolean;
  /** Why a URL is not allowed, for the crawl report. */
  refusal: string;
  /** Crawl-delay in milliseconds, if the site asks for one. */
  crawlDelayMs: number | undefined;
  sitemaps: string[];
}

/**
 * Fetches and parses an origin's robots.txt (RFC 9309) with robots-parser. Per the RFC, a 4xx
 * means "no rules" and an unreachable or 5xx robots.txt means "assume complete disallow".
 */
export async function loadRobots(origin: string, userAgent: string, timeoutMs: number): Promise<RobotsRules> {
  const robotsUrl = new URL('/robots.txt', origin).toString();
  let text = '';
  let unavailable: string | null = null;
  try {
    const response = await fetch(robotsUrl, { headers: { 'user-agent': userAgent }, signal: AbortSignal.timeout(timeoutMs) });
    if (response.ok) text = await response.text();
    else if (response.status >= 500) unavailable = `HTTP ${response.status}`;
  } catch (error) {
    unavailable = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : 'unreachable';
  }
  if (unavailable) {
    return { isAllowed: () => false, refusal: `robots.txt ${unavailable}, which means "disallow everything" (RFC 9309)`, crawlDelayMs: undefined, sitemaps: [] };
  }
  const robots = robotsParser(robotsUrl, text);
  const delay = robots.getCrawlDelay(userAgent);
  return {
    isAllowed: (url) => robots.isAllowed(url, userAgent) !== false,
    refusal: 'disallowed by robots.txt',
    crawlDelayMs: delay === undefined ? undefined : delay * 1000,
    sitemaps: robots.getSitemaps(),
  };
}
