import type { SourceWire } from '@auskunft/core/api';

export interface CitationCheck {
  valid: boolean;
  /** German descriptions of every problem, for --misses. */
  problems: string[];
}

/**
 * A reply's citations are valid when every "[n]" in the text has a source with that n, and every
 * source points to a page of the index or the site (`isKnownUrl`). Answers that cite nothing and
 * have no sources are valid too: declining is not a citation error.
 */
export function checkCitations(answer: string, sources: readonly SourceWire[], isKnownUrl: (url: string) => boolean): CitationCheck {
  const problems: string[] = [];
  const numbers = new Set(sources.map((s) => s.n));
  for (const match of answer.matchAll(/\[(\d+)\]/g)) {
    const n = Number(match[1]);
    if (!numbers.has(n)) problems.push(`[${n}] im Text hat keine Quelle`);
  }
  for (const source of sources) {
    if (!isKnownUrl(source.url)) problems.push(`Quelle [${source.n}] ${source.url} ist keine Seite des Index oder der Website`);
  }
  return { valid: problems.length === 0, problems: [...new Set(problems)] };
}

/** The site-relative path of a URL ('/inklusionsamt/faq/'), without query or fragment. */
export function pagePath(url: string): string {
  try {
    return new URL(url, 'http://site.invalid/').pathname;
  } catch {
    return url;
  }
}

/** The path plus an id fragment ('/kontakt/#anschrift'); text fragments (#:~:text=) are dropped. */
export function sectionPath(url: string): string {
  try {
    const parsed = new URL(url, 'http://site.invalid/');
    const hash = parsed.hash.startsWith('#:~:') ? '' : parsed.hash;
    return parsed.pathname + hash;
  } catch {
    return url;
  }
}
