/**
 * Reads the X-Robots-Tag response header, which says for any file type what `<meta name="robots">`
 * says inside HTML: `noindex`, `nofollow`, `none`. Directives after "name:" (`googlebot: noindex`)
 * concern only that crawler; ours is the product token of `crawl.userAgent` ("AuskunftBot").
 * Several headers arrive joined by ", ", which reads the same way.
 */
export function readRobotsHeader(headers: Headers, userAgent: string): { noindex: boolean; nofollow: boolean } {
  const value = headers.get('x-robots-tag');
  const result = { noindex: false, nofollow: false };
  if (!value) return result;
  const ours = userAgent.split('/')[0]!.trim().toLowerCase();
  let agent: string | null = null;
  for (const raw of value.split(',')) {
    let token = raw.trim().toLowerCase();
    const prefixed = /^([a-z0-9_-]+)\s*:\s*(.*)$/.exec(token);
    if (prefixed && prefixed[1] !== 'unavailable_after') [agent, token] = [prefixed[1]!, prefixed[2]!.trim()];
    if (agent !== null && agent !== ours) continue;
    if (token === 'noindex' || token === 'none') result.noindex = true;
    if (token === 'nofollow' || token === 'none') result.nofollow = true;
  }
  return result;
}
