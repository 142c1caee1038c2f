import { load } from 'cheerio';
import { readJsonLdContacts, takeContactBlocks } from './contacts.js';
import { toIsoDate } from './dates.js';
import { extractJsonLdFaqs, type FaqEntry } from './faq-jsonld.js';
import { readBlocks, type ContentBlock } from './blocks.js';
import { findMainContent, removeFurniture } from './main-content.js';
import { removeOverlays } from './overlays.js';
import { pageLanguage, pageTitle } from './page-metadata.js';
import { checkFaqsAgainstPage, removeHidden, textOf } from './visibility.js';

export type { ContentBlock };
export { LIST_ITEM } from './blocks.js';

export interface PageLink {
  /** As written in the page (relative or absolute). */
  href: string;
  /** Link text, kept because it is often the only title a linked PDF has. */
  text: string;
}

export interface ExtractedPage {
  title: string;
  lang: string;
  canonical: string | null;
  noindex: boolean;
  nofollow: boolean;
  /** Every followable link on the page (navigation included: it is how a crawler finds pages). */
  links: PageLink[];
  /** The main content in reading order. */
  blocks: ContentBlock[];
  /**
   * FAQ entries from schema.org JSON-LD whose questions are visible on the page, plus those not
   * in the page's HTML at all (rendered by JavaScript), marked `unverified`. Questions found only
   * in hidden text are left out.
   */
  faqs: FaqEntry[];
  /** Date the page says it was last changed (meta tags, `dateModified`, "Stand: 25.11.2026"), ISO. */
  modified: string | null;
}

export interface ExtractOptions {
  /** CSS selector of the main content (`crawl.contentSelector`); found automatically otherwise. */
  contentSelector?: string;
  /** CSS selectors removed from the main content (`crawl.excludeSelectors`). */
  excludeSelectors?: readonly string[];
  /** Language when the page declares none. */
  defaultLang?: string;
  /** The response's Content-Language header, used when `<html lang>` is missing. */
  contentLanguage?: string | null;
}

const DROPPED = 'script, style, noscript, template, svg, iframe, object, embed, canvas, button, select, textarea, input';
const MODIFIED_META = [
  'meta[name="last-modified"]', 'meta[name="dcterms.modified"]', 'meta[name="DC.date.modified"]', 'meta[name="dc.date.modified"]',
  'meta[property="article:modified_time"]', 'meta[itemprop="dateModified"]', 'meta[name="date"]',
];
/** "Stand: 25.11.2026", "Zuletzt aktualisiert am 3.2.2026": how German authority pages date themselves. */
const VISIBLE_DATE = /\b(?:Stand|Zuletzt (?:geändert|aktualisiert)|Letzte Änderung|Aktualisiert|Letzte Aktualisierung)(?: am)?:?\s*(\d{1,2}\.\d{1,2}\.\d{4})/;

/**
 * Reads a page's metadata, links and main content.
 *
 * Steps: metadata, links and JSON-LD first (they live in <head>, navigation and <script>); then
 * non-content elements are dropped; the main region is found (`findMainContent`) and cleared of
 * furniture; finally it is walked in document order into headings and text blocks, with
 * `<details>` items, microdata Questions and question-style `<dl>` lists kept as FAQ entries.
 *
 * @example
 * const page = extractPage(html, 'https://www.example.de/antrag/', { defaultLang: 'de' });
 */
export function extractPage(html: string, pageUrl: string, options: ExtractOptions = {}): ExtractedPage {
  const $ = load(html);
  const robots = $('meta[name="robots"]').map((_, m) => $(m).attr('content') ?? '').get().join(',').toLowerCase();
  const canonicalHref = $('link[rel="canonical"]').attr('href');
  const links = $('a[href]')
    .filter((_, a) => !/\bnofollow\b/i.test($(a).attr('rel') ?? ''))
    .map((_, a) => ({ href: $(a).attr('href')!, text: collapse($(a).text()) || ($(a).attr('title') ?? '') }))
    .get();
  const structuredFaqs = extractJsonLdFaqs($);
  const jsonLdContacts = readJsonLdContacts($);
  const metaModified = MODIFIED_META.map((s) => toIsoDate($(s).attr('content'))).find(Boolean)
    ?? toIsoDate($('time[itemprop="dateModified"]').attr('datetime'));

  // Only what a visitor can read is indexed: hidden text, banners and dialogs go first.
  const hiddenText = removeHidden($);
  removeOverlays($);
  $(DROPPED).remove();
  const title = pageTitle($);
  const faqs = checkFaqsAgainstPage(structuredFaqs, textOf($, $('body').get(0) ?? $.root().get(0)!), hiddenText);
  const root = findMainContent($, options.contentSelector);
  // Contact boxes leave the content before furniture removal, which would drop those in sidebars.
  const pageContacts = takeContactBlocks($, root, jsonLdContacts);
  removeFurniture($, root, options.excludeSelectors);

  const blocks = [...readBlocks($, root), ...pageContacts];

  return {
    title,
    lang: pageLanguage($, options),
    canonical: canonicalHref ? safeResolve(canonicalHref, pageUrl) : null,
    noindex: /\bnoindex\b|\bnone\b/.test(robots),
    nofollow: /\bnofollow\b|\bnone\b/.test(robots),
    links,
    blocks,
    faqs,
    modified: metaModified ?? toIsoDate(VISIBLE_DATE.exec(collapse(root.text()))?.[1]),
  };
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function safeResolve(href: string, base: string): string | null {
  try {
    return new URL(href, base).toString();
  } catch {
    return null;
  }
}
