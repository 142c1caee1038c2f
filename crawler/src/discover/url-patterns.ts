/**
 * Include/exclude patterns as web teams write them: a path prefix where `*` matches any
 * characters, e.g. `/inklusionsamt/`, `*?print=1`, `/service/*.pdf`. Matched against
 * the URL's path plus query string, from the start. Written by hand instead of using a glob
 * library because glob syntax gives `?` and `[...]` special meanings, and both appear in URLs.
 */
export function compileUrlPattern(pattern: string): (url: string) => boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const regex = new RegExp(`^${source}`);
  return (url) => {
    const u = new URL(url);
    return regex.test(decodeURIComponentSafe(u.pathname) + u.search) || regex.test(u.pathname + u.search);
  };
}

/** Why a URL is filtered out by the include/exclude patterns, or null when it may be crawled. */
export function createUrlFilter(include: readonly string[], exclude: readonly string[]): (url: string) => string | null {
  const includes = include.map((p) => ({ p, test: compileUrlPattern(p) }));
  const excludes = exclude.map((p) => ({ p, test: compileUrlPattern(p) }));
  return (url) => {
    const excluded = excludes.find((e) => e.test(url));
    if (excluded) return `excluded by crawl.exclude pattern "${excluded.p}"`;
    if (includes.length > 0 && !includes.some((i) => i.test(url))) return 'outside the crawl.include patterns';
    return null;
  };
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
