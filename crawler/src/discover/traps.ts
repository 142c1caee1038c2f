export interface TrapOptions {
  /** 0 = no limit. */
  maxQueryChars: number;
  /** 0 = no limit. */
  maxDateVariants: number;
}

/** A path segment seen this often in one URL means relative links that keep stacking up. */
const MAX_SEGMENT_REPEATS = 3;
/** Deeper paths than this do not occur on real authority sites; generated ones do. */
const MAX_PATH_SEGMENTS = 25;
/** A year next to a month: `2026/11`, `2026-11-25`, `202611`, `11.2026`. */
const YEAR_MONTH = /(?<!\d)(19|20)\d{2}[-/._]?(0[1-9]|1[0-2])(?!\d)|(?<!\d)(0?[1-9]|1[0-2])[-/._](19|20)\d{2}(?!\d)|(?<!\d)(19|20)\d{2}\/([1-9])(?!\d)/;

/**
 * Recognises URL spaces that never end, so the crawl stays bounded by the site's real size:
 * relative links that stack path segments (`/a/b/a/b/a/b/`), generated query strings of
 * unbounded length, and calendars whose "next month" link always leads to one more page.
 * Session ids are already gone at this point (`canonicalizeUrl`).
 *
 * Calendars are recognised by shape: the URL with every number replaced, counted only when it
 * holds a year with a month (`/kalender/2031/07/`, `?datum=2031-07-01`, `?jahr=2031&monat=7`).
 * Numbered pages (`/presse/meldung-123/`, `/seite/2019/`) are never limited: a number that merely
 * looks like a year is an id.
 *
 * Returns a checker that remembers the URLs it has let through; it gives the reason for a trap or null.
 */
export function createTrapDetector(options: TrapOptions): (url: string) => string | null {
  const variantsByShape = new Map<string, number>();
  return (href) => {
    const url = new URL(href);
    const query = url.search.slice(1);
    if (options.maxQueryChars > 0 && query.length > options.maxQueryChars) {
      return `crawler trap: query string of ${query.length} characters (crawl.maxQueryChars is ${options.maxQueryChars})`;
    }
    const segments = url.pathname.split('/').filter(Boolean);
    if (segments.length > MAX_PATH_SEGMENTS) return `crawler trap: ${segments.length} path segments`;
    const counts = new Map<string, number>();
    for (const segment of segments) {
      const n = (counts.get(segment) ?? 0) + 1;
      if (n >= MAX_SEGMENT_REPEATS) return `crawler trap: path segment "${segment}" repeats ${n} times`;
      counts.set(segment, n);
    }
    const target = url.pathname + url.search;
    if (options.maxDateVariants > 0 && isDateLike(target, url.searchParams)) {
      const shape = `${url.origin}${target.replace(/\d+/g, '#')}`;
      const seen = (variantsByShape.get(shape) ?? 0) + 1;
      if (seen > options.maxDateVariants) {
        return `crawler trap: more than ${options.maxDateVariants} date variants of ${shape} (calendar?, crawl.maxDateVariants)`;
      }
      variantsByShape.set(shape, seen);
    }
    return null;
  };
}

function isDateLike(target: string, params: URLSearchParams): boolean {
  if (YEAR_MONTH.test(target)) return true;
  const values = [...params.values()];
  return values.some((v) => /^(19|20)\d{2}$/.test(v)) && values.some((v) => /^(0?[1-9]|1[0-2])$/.test(v));
}
