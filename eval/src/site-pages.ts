import { normaliseText } from './text-match.js';

/** What the labels are checked against: each public page's ids and its visible text. */
export interface SitePage {
  path: string;
  /** Every id attribute on the page. */
  ids: Set<string>;
  /** Ids that can become a section URL: on a heading (h1–h6) or on a <section>. */
  sectionIds: Set<string>;
  /** Visible text of the page's <main> (or body), normalised with normaliseText. */
  text: string;
}

export type SiteMap = Map<string, SitePage>;

/** Reads one page's ids and text from its HTML. */
export function readSitePage(path: string, html: string): SitePage {
  const ids = new Set<string>();
  const sectionIds = new Set<string>();
  for (const match of html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?\sid="([^"]+)"/g)) {
    ids.add(match[2]!);
    if (/^(?:h[1-6]|section)$/i.test(match[1]!)) sectionIds.add(match[2]!);
  }
  const main = /<main\b[\s\S]*?<\/main>/i.exec(html)?.[0] ?? html;
  const text = normaliseText(
    decodeEntities(
      main
        .replace(/<!--[\s\S]*?-->/g, ' ')
        .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
        .replace(/<[^>]+>/g, ' '),
    ),
  );
  return { path, ids, sectionIds, text };
}

/** Fetches the given page paths from a running site and reads them. */
export async function fetchSiteMap(siteUrl: string, paths: readonly string[]): Promise<{ site: SiteMap; html: Map<string, string> }> {
  const site: SiteMap = new Map();
  const html = new Map<string, string>();
  for (const path of paths) {
    const res = await fetch(new URL(path, siteUrl), { headers: { 'user-agent': 'AuskunftEval/0.1' } });
    if (!res.ok) throw new Error(`Die Seite ${path} der Demo-Website antwortet mit HTTP ${res.status}.`);
    const body = await res.text();
    html.set(path, body);
    site.set(path, readSitePage(path, body));
  }
  return { site, html };
}

function decodeEntities(text: string): string {
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
}
