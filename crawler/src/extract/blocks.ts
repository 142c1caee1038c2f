import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { isMicrodataQuestion, readDefinitionListFaqs, readMicrodataQuestion } from './faq-markup.js';
import { CONTACT_PLACEHOLDER, readContactPlaceholder, type ContactBlock } from './contacts.js';
import { dataTableRows, isDataTable } from './data-table.js';
import { INLINE_TAGS } from './inline-tags.js';

export type ContentBlock =
  | { kind: 'heading'; level: number; text: string; id: string | null }
  /** `link`: the block is (almost) all link text, an item of a list of links. */
  | { kind: 'text'; text: string; link?: true }
  | { kind: 'faq'; question: string; answer: string; id: string | null }
  | ContactBlock;

/**
 * List items and table rows start their line with this mark in passage text, so an answer can
 * keep a list as a list ("… folgende Unterlagen:" followed by its items) instead of quoting one
 * item as if it were a sentence. It is no word, so search and embeddings ignore it.
 */
export const LIST_ITEM = '• ';

const BLOCK_TEXT = new Set(['p', 'li', 'dt', 'dd', 'pre', 'blockquote', 'td', 'th', 'figcaption', 'caption', 'address']);

/**
 * Walks the main region in document order into headings and text blocks, with `<details>` items,
 * microdata Questions and question-style `<dl>` lists kept as FAQ entries.
 */
export function readBlocks($: CheerioAPI, root: ReturnType<CheerioAPI>): ContentBlock[] {
  const blocks: ContentBlock[] = [];
  for (const child of root.contents().toArray()) walk($, child, blocks);
  return blocks;
}

function walk($: CheerioAPI, node: AnyNode, out: ContentBlock[]): void {
  if (node.type === 'text') {
    const text = collapse(node.data);
    if (text) appendText(out, text, !/^\s/.test(node.data) && /^[.,;:!?)]/.test(text));
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
  const contact = readContactPlaceholder($, el);
  if (contact) return void out.push(contact);
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
  if (name === 'table' && isDataTable($, el, (cell) => hasBlockChildren($, cell))) {
    for (const row of dataTableRows($, el)) out.push({ kind: 'text', text: `${LIST_ITEM}${row}` });
    out.push({ kind: 'text', text: '' });
    return;
  }
  if (name === 'li' && !hasBlockChildren($, el)) {
    const text = collapse($(el).text());
    if (text) out.push({ kind: 'text', text: `${LIST_ITEM}${text}`, ...linkMark($, el, text) });
    return;
  }
  if (name === 'br') {
    out.push({ kind: 'text', text: '' });
    return;
  }
  if (BLOCK_TEXT.has(name) && !hasBlockChildren($, el)) {
    const text = collapse($(el).text());
    if (text) out.push({ kind: 'text', text, ...linkMark($, el, text) });
    return;
  }
  for (const child of el.children) walk($, child, out);
  // An inline element's text joins its neighbours; a block element ends a paragraph.
  if (!INLINE_TAGS.has(name)) out.push({ kind: 'text', text: '' });
}

/** Adds loose text to the open paragraph (an empty text block closes a paragraph). */
function appendText(out: ContentBlock[], text: string, attached = false): void {
  const last = out[out.length - 1];
  // "<b>gebührenfrei</b>." : punctuation written straight after an element belongs to its word.
  if (last?.kind === 'text' && last.text) last.text = `${last.text}${attached ? '' : ' '}${text}`;
  else if (last?.kind === 'text') last.text = text;
  else out.push({ kind: 'text', text });
}

/** Link lists ("Das könnte Sie auch interessieren") are items whose text is nearly all a link's. */
function linkMark($: CheerioAPI, el: Element, text: string): { link?: true } {
  const linked = collapse($(el).find('a').text()).length;
  return linked > 0 && linked >= LINK_TEXT_SHARE * text.length ? { link: true } : {};
}
const LINK_TEXT_SHARE = 0.8;

function hasBlockChildren($: CheerioAPI, el: Element): boolean {
  return $(el).children(`p, ul, ol, dl, table, div, h1, h2, h3, h4, h5, h6, details, blockquote, pre, ${CONTACT_PLACEHOLDER}`).length > 0;
}

/** CMSs often put the id on a wrapping <section> instead of the heading. */
function parentSectionId($: CheerioAPI, el: Element): string | null {
  const parent = el.parent;
  if (!parent || parent.type !== 'tag' || !['section', 'article', 'div'].includes((parent as Element).tagName)) return null;
  const first = $(parent).children().first().get(0);
  return first === el ? ($(parent).attr('id') ?? null) : null;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
