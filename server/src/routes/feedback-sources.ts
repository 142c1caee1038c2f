import { passageUrl, type Passage } from '@auskunft/core';

/**
 * Feedback names the sources of the rated answer. They are stored and shown to editors as
 * links, so only addresses of the indexed pages are kept: anything else (free text, a
 * `javascript:` URL, a page elsewhere, a query string with someone's e-mail) is dropped.
 * A section anchor is kept only when it is one the index has.
 */
export function createSourceFilter(passages: readonly Pick<Passage, 'url' | 'anchor'>[]): (sources: readonly string[]) => string[] {
  const pages = new Set<string>();
  const sections = new Set<string>();
  for (const p of passages) {
    pages.add(p.url);
    sections.add(passageUrl(p));
  }
  return (sources) => {
    const kept: string[] = [];
    for (const source of sources) {
      const url = parseUrl(source.trim());
      if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) continue;
      const page = url.href.replace(/#.*$/, '');
      const known = sections.has(url.href) ? url.href : pages.has(page) ? page : null;
      if (known && !kept.includes(known)) kept.push(known);
    }
    return kept;
  };
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
