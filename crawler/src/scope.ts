/**
 * Query parameters that only track campaigns or sessions. They would make the same page look
 * like many (and sessions ids make endless URL spaces), so they are removed before anything else.
 */
const TRACKING_PARAMS = /^(utm_[a-z]+|fbclid|gclid|msclkid|mc_[a-z]+|_ga|phpsessid|jsessionid|sid|sessionid)$/i;

/**
 * The one form of a URL used for deduplication: no fragment, no tracking parameters, sorted
 * query, default ports dropped (URL does that), lower-case host (URL does that too).
 * Returns null for anything that is not http(s).
 */
export function canonicalizeUrl(href: string, base?: string): string | null {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  // Some CMSs append ";jsessionid=…" to the path.
  url.pathname = url.pathname.replace(/;jsessionid=[^/]*$/i, '');
  const params = [...url.searchParams].filter(([k]) => !TRACKING_PARAMS.test(k)).sort(([a], [b]) => a.localeCompare(b));
  url.search = new URLSearchParams(params).toString();
  return url.toString();
}

/** A URL is in scope when it shares the origin of a start URL and lies at or below its path. */
export function createScope(startUrls: readonly string[]): (url: string) => boolean {
  const roots = startUrls.map((s) => {
    const u = new URL(s);
    return { origin: u.origin, path: u.pathname.replace(/[^/]*$/, '') };
  });
  return (url) => {
    const u = new URL(url);
    return roots.some((r) => u.origin === r.origin && u.pathname.startsWith(r.path));
  };
}

const NON_HTML_EXTENSIONS = /\.(pdf|docx?|xlsx?|pptx?|odt|ods|zip|gz|jpe?g|png|gif|svg|webp|ico|mp[34]|avi|mov|css|js|json|xml|txt|ics|vcf)$/i;

/** Skips links that are obviously not HTML pages before spending a request on them. */
export function looksLikePage(url: string): boolean {
  return !NON_HTML_EXTENSIONS.test(new URL(url).pathname);
}
