import type { Passage } from '@auskunft/core';

type Draft = Omit<Passage, 'id'>;

/** What the pass learned about the site's templates, for the manifest. */
export interface SiteTemplates {
  /** A line on at least this many pages is the site's, not the page's. */
  minPages: number;
  /** Distinct lines found on at least `minPages` pages. */
  repeatedLines: number;
  /** Passages made of such lines: searched never, shown never. */
  templatePassages: number;
  /**
   * Passages that are mostly links to other pages (link items, titles of crawled pages): not
   * searched on a page with content of its own, else ranked below the pages they list
   * (`unsearchedPassages`).
   */
  linkListPassages: number;
}

/** Share of `minPages` in the number of pages: a line on 5 % of the pages is furniture. */
const REPEAT_SHARE = 0.05;
/** Never fewer pages than this: on a small site two pages may well share a sentence. */
const MIN_REPEAT_PAGES = 3;
/** A passage this much made of repeated lines (by characters) is a template block. */
const TEMPLATE_SHARE = 0.8;
/** A passage this much made of repeated lines and other pages' titles is a link list. */
const LINK_LIST_SHARE = 0.6;
/** A link list has at least this many lines; one line naming another page is a sentence. */
const LINK_LIST_LINES = 3;

/**
 * Recognises the site's own templates from the crawl itself, with no per-site selectors: text
 * that repeats across many pages (a contact box, a "Schnell gefunden" list, a consent notice
 * that extraction left in) and sections that only list other pages (related links, hub pages).
 * Runs over all passages of a crawl before they are indexed and sets `role`: 'template' passages
 * are left out of search, so a deep link never points at one; 'links' passages are left out too
 * on pages with content of their own, and rank below the pages they link to on hub pages that
 * are nothing but lists (`unsearchedPassages` in core). FAQ entries are never marked. Deterministic: the same passages always get
 * the same roles, so an incremental crawl (whose reused passages keep their text) agrees with a
 * full one.
 *
 * @example const { passages, learned } = markSiteTemplates(drafts);
 */
export function markSiteTemplates<T extends Draft>(drafts: readonly T[]): { passages: T[]; learned: SiteTemplates } {
  const pages = new Set(drafts.map((d) => d.url)).size;
  const minPages = Math.max(MIN_REPEAT_PAGES, Math.ceil(pages * REPEAT_SHARE));
  const pagesByLine = new Map<string, Set<string>>();
  for (const draft of drafts) {
    if (draft.kind === 'faq') continue;
    for (const line of linesOf(draft)) {
      let urls = pagesByLine.get(line);
      if (!urls) pagesByLine.set(line, (urls = new Set()));
      urls.add(draft.url);
    }
  }
  const repeated = new Set([...pagesByLine].filter(([, urls]) => urls.size >= minPages).map(([line]) => line));
  const titles = new Map<string, Set<string>>();
  for (const draft of drafts) {
    const key = comparable(draft.title);
    if (!key) continue;
    let urls = titles.get(key);
    if (!urls) titles.set(key, (urls = new Set()));
    urls.add(draft.url);
  }
  const namesOtherPage = (line: string, url: string) => [...(titles.get(line) ?? [])].some((u) => u !== url);

  let templatePassages = 0;
  let linkListPassages = 0;
  const passages = drafts.map((draft) => {
    // 'template' depends on the whole crawl and is decided anew; 'links' from chunking (a list of
    // link items on the page itself) stays.
    const { role: previous, ...rest } = draft;
    const plain = (previous === 'links' ? draft : rest) as T;
    if (draft.kind === 'faq') return plain as T;
    const lines = linesOf(draft);
    const total = lines.reduce((n, l) => n + l.length, 0);
    if (total === 0) return plain as T;
    let repeatedChars = 0;
    let linkChars = 0;
    for (const line of lines) {
      if (repeated.has(line)) repeatedChars += line.length;
      else if (namesOtherPage(line, draft.url)) linkChars += line.length;
    }
    if (repeatedChars / total >= TEMPLATE_SHARE) {
      templatePassages++;
      return { ...plain, role: 'template' } as T;
    }
    if (previous === 'links' || (lines.length >= LINK_LIST_LINES && (repeatedChars + linkChars) / total >= LINK_LIST_SHARE)) {
      linkListPassages++;
      return { ...plain, role: 'links' } as T;
    }
    return plain as T;
  });
  return { passages, learned: { minPages, repeatedLines: repeated.size, templatePassages, linkListPassages } };
}

/** A passage's lines (paragraphs, list items) in a form that ignores case, spacing and punctuation. */
function linesOf(draft: Draft): string[] {
  return draft.text.split('\n').map(comparable).filter(Boolean);
}

function comparable(text: string): string {
  return text.toLocaleLowerCase('de-DE').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
