import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { toIsoDate } from './dates.js';
import { extractJsonLdFaqs, type FaqEntry } from './faq-jsonld.js';
import { isMicrodataQuestion, readDefinitionListFaqs, readMicrodataQuestion } from './faq-markup.js';
import { findMainContent, removeFurniture } from './main-content.js';

export type ContentBlock =
  | { kind: 'heading'; level: number; text: string; id: string | null }
  /** `link`: the block is (almost) all link text, an item of a list of links. */
  | { kind: 'text'; text: string; link?: true }
  | { kind: 'faq'; question: string; answer: string; id: string | null };

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
  /** FAQ entries from schema.org JSON-LD. */
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
const BLOCK_TEXT = new Set(['p', 'li', 'dt', 'dd', 'pre', 'blockquote', 'td', 'th', 'figcaption', 'caption', 'address']);
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
  const faqs = extractJsonLdFaqs($);
  const title = pageTitle($);
  const metaModified = MODIFIED_META.map((s) => toIsoDate($(s).attr('content'))).find(Boolean)
    ?? toIsoDate($('time[itemprop="dateModified"]').attr('datetime'));

  $(DROPPED).remove();
  const root = findMainContent($, options.contentSelector);
  removeFurniture($, root, options.excludeSelectors);

  const blocks: ContentBlock[] = [];
  for (const child of root.contents().toArray()) walk($, child, blocks);

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

function pageLanguage($: CheerioAPI, options: ExtractOptions): string {
  const declared = $('html').attr('lang') ?? $('html').attr('xml:lang') ?? $('meta[http-equiv="content-language" i]').attr('content') ?? options.contentLanguage ?? '';
  // Content-Language may list several ("de, en"); the first is the page's main language.
  return declared.split(',')[0]!.trim() || options.defaultLang || 'de';
}

function walk($: CheerioAPI, node: AnyNode, out: ContentBlock[]): void {
  if (node.type === 'text') {
    const text = collapse(node.data);
    if (text) appendText(out, text);
    return;
  }
  if (node.type !== 'tag') return;
  const el = node as Element;
  const name = el.tagName.toLowerCase();
  const heading = /^h([1-6])$/.exec(name);
  if (heading) {
    const text = collapse($(el).text());
    if (text) out.push({ kind: 'heading', level: Number(heading[1]), text, id: $(el).attr('id') ?? parentSectionId($, el) });
    return;
  }
  if (name === 'details') {
    const summary = $(el).children('summary').first();
    const question = collapse(summary.text());
    const answer = collapse($(el).clone().children('summary').remove().end().text());
    if (question && answer) {
      out.push({ kind: 'faq', question, answer, id: $(el).attr('id') ?? summary.attr('id') ?? null });
      return;
    }
  }
  if (isMicrodataQuestion($, el)) {
    const faq = readMicrodataQuestion($, el);
    if (faq) return void out.push({ kind: 'faq', ...faq });
  }
  if (name === 'dl') {
    const faqs = readDefinitionListFaqs($, el);
    if (faqs) return void out.push(...faqs.map((f) => ({ kind: 'faq' as const, ...f })));
  }
  if (name === 'br') {
    out.push({ kind: 'text', text: '' });
    return;
  }
  if (BLOCK_TEXT.has(name) && !hasBlockChildren($, el)) {
    const text = collapse($(el).text());
    if (text) out.push({ kind: 'text', text, ...(isLinkText($, el, text) ? { link: true as const } : {}) });
    return;
  }
  for (const child of el.children) walk($, child, out);
  // An inline element's text joins its neighbours; a block element ends a paragraph.
  if (!INLINE.has(name)) out.push({ kind: 'text', text: '' });
}

const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'i', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr']);

/** Adds loose text to the open paragraph (an empty text block closes a paragraph). */
function appendText(out: ContentBlock[], text: string): void {
  const last = out[out.length - 1];
  if (last?.kind === 'text' && last.text) last.text = `${last.text} ${text}`;
  else if (last?.kind === 'text') last.text = text;
  else out.push({ kind: 'text', text });
}

/** Link lists ("Das könnte Sie auch interessieren") are items whose text is nearly all a link's. */
function isLinkText($: CheerioAPI, el: Element, text: string): boolean {
  const linked = collapse($(el).find('a').text()).length;
  return linked > 0 && linked >= LINK_TEXT_SHARE * text.length;
}
const LINK_TEXT_SHARE = 0.8;

function hasBlockChildren($: CheerioAPI, el: Element): boolean {
  return $(el).children('p, ul, ol, dl, table, div, h1, h2, h3, h4, h5, h6, details, blockquote, pre').length > 0;
}

/** CMSs often put the id on a wrapping <section> instead of the heading. */
function parentSectionId($: CheerioAPI, el: Element): string | null {
  const parent = el.parent;
  if (!parent || parent.type !== 'tag' || !['section', 'article', 'div'].includes((parent as Element).tagName)) return null;
  const first = $(parent).children().first().get(0);
  return first === el ? ($(parent).attr('id') ?? null) : null;
}

function pageTitle($: CheerioAPI): string {
  const h1 = collapse($('main h1, [role="main"] h1, article h1').first().text() || $('h1').first().text());
  if (h1) return h1;
  // "Seitentitel | Name der Behörde", but also "Gemeinde Musterhausen - Seitentitel": the part that
  // is not the site's name (as the logo, og:site_name or application-name give it).
  const parts = collapse($('title').text()).split(/\s+[|–—-]\s+|:\s+/).filter(Boolean);
  const siteNames = new Set(
    [$('meta[property="og:site_name"]').attr('content'), $('meta[name="application-name"]').attr('content'),
      ...$('#logo img, .logo img, a[rel="home"] img, header img, body img').slice(0, 3).map((_, img) => $(img).attr('alt')).get()]
      .map((name) => collapse(name ?? '').toLowerCase())
      .filter(Boolean),
  );
  return parts.find((part) => !siteNames.has(part.toLowerCase())) ?? parts[0] ?? '';
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
