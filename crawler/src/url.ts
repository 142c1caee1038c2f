/**
 * Query parameters that only track campaigns or carry sessions. They would make the same page look
 * like many (and session ids make endless URL spaces), so they are removed before anything else.
 * The session names are those of the common server stacks: PHP, Java, ColdFusion, ASP, Zen Cart.
 */
const TRACKING_PARAMS =
  /^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_[a-z]+|_ga|_gl|_hsenc|_hsmi|mkt_tok|phpsessid|jsessionid|sid|sessionid|session_id|sessid|cfid|cftoken|aspsessionid[a-z]*|zenid|oscsid)$/i;

/**
 * The one form of a URL used for deduplication: no fragment, no tracking or session parameters,
 * sorted query, default ports dropped (URL does that), lower-case host (URL does that too).
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
  // Java servlets append ";jsessionid=…" to the path; ASP.NET's cookieless sessions put "(S(…))" in it.
  url.pathname = url.pathname.replace(/;jsessionid=[^/]*$/i, '').replace(/\/\(S\([a-z0-9]+\)\)(?=\/)/gi, '');
  const params = [...url.searchParams].filter(([k]) => !TRACKING_PARAMS.test(k)).sort(([a], [b]) => a.localeCompare(b));
  url.search = new URLSearchParams(params).toString();
  return url.toString();
}

/**
 * The key under which a URL counts as seen. `/antrag` and `/antrag/` are the same page on nearly
 * every CMS (one usually redirects to the other), so only the first form met is fetched.
 */
export function dedupeKey(canonicalUrl: string): string {
  const url = new URL(canonicalUrl);
  if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/+$/, '');
  return url.toString();
}
