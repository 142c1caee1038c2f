import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { extractJsonLdFaqs, type FaqEntry } from './faq.js';

export type ContentBlock =
  | { kind: 'heading'; level: number; text: string; id: string | null }
  | { kind: 'text'; text: string }
  | { kind: 'faq'; question: string; answer: string; id: string | null };

export interface ExtractedPage {
  title: string;
  lang: string;
  canonical: string | null;
  noindex: boolean;
  nofollow: boolean;
  /** Every link target on the page (navigation included: it is how a crawler finds pages). */
  links: string[];
  /** The main content in reading order. */
  blocks: ContentBlock[];
  /** FAQ entries from schema.org JSON-LD. */
  faqs: FaqEntry[];
}

/** Tried in order; the first that exists and holds text is the main content. */
const MAIN_SELECTORS = ['main', '[role="main"]', 'article', '#content', '#inhalt', '.content', '#main'];
/** Page furniture: never content, wherever it sits. */
const BOILERPLATE = 'nav, aside, footer, [role="navigation"], [role="contentinfo"], [role="complementary"], [aria-hidden="true"], .breadcrumb, .skip-link, form';
const DROPPED = 'script, style, noscript, template, svg, iframe, object, embed, canvas, button, select, textarea, input';
const BLOCK_TEXT = new Set(['p', 'li', 'dt', 'dd', 'pre', 'blockquote', 'td', 'th', 'figcaption', 'caption', 'address']);
const MIN_MAIN_TEXT = 40;

/**
 * Reads a page's metadata, links and main content.
 *
 * Steps: metadata and JSON-LD first (they live in <head> and <script>); then non-content
 * elements are dropped; the main region is found by landmark selectors, else the body without
 * its banner, navigation and footer; finally the region is walked in document order into
 * headings and text blocks, with `<details>` items kept as question/answer pairs.
 */
export function extractPage(html: string, pageUrl: string): ExtractedPage {
  const $ = load(html);
  const robots = ($('meta[name="robots"]').attr('content') ?? '').toLowerCase();
  const canonicalHref = $('link[rel="canonical"]').attr('href');
  const links = $('a[href]')
    .filter((_, a) => !/\bnofollow\b/i.test($(a).attr('rel') ?? ''))
    .map((_, a) => $(a).attr('href')!)
    .get();
  const faqs = extractJsonLdFaqs($);
  const lang = ($('html').attr('lang') ?? '').trim() || 'de';
  const title = pageTitle($);

  $(DROPPED).remove();
  const root = findMainRoot($);
  root.find(BOILERPLATE).remove();

  const blocks: ContentBlock[] = [];
  for (const child of root.contents().toArray()) walk($, child, blocks);

  return {
    title,
    lang,
    canonical: canonicalHref ? safeResolve(canonicalHref, pageUrl) : null,
    noindex: /\bnoindex\b|\bnone\b/.test(robots),
    nofollow: /\bnofollow\b|\bnone\b/.test(robots),
    links,
    blocks,
    faqs,
  };
}

function findMainRoot($: CheerioAPI) {
  for (const selector of MAIN_SELECTORS) {
    const candidate = $(selector).first();
    if (candidate.length && collapse(candidate.text()).length >= MIN_MAIN_TEXT) return candidate;
  }
  const body = $('body');
  // Without a main landmark, the top-level banner and footer are the site's, not the page's.
  body.children('header, [role="banner"]').remove();
  return body;
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
  if (name === 'br') {
    out.push({ kind: 'text', text: '' });
    return;
  }
  if (BLOCK_TEXT.has(name) && !hasBlockChildren($, el)) {
    const text = collapse($(el).text());
    if (text) out.push({ kind: 'text', text });
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
  // "Seitentitel | Name der Behörde" → the part before the site suffix.
  return collapse($('title').text()).split(/\s+[|–—-]\s+/)[0] ?? '';
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
