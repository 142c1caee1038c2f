import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Text } from 'domhandler';
import type { FaqEntry } from './faq-jsonld.js';

/**
 * Inline styles that hide text from a visitor: `display:none`, `visibility:hidden`, `font-size:0`,
 * off-screen positioning (`left:-9999px`, `text-indent:-9999px`) and `clip: rect(0 0 0 0)`.
 */
const HIDDEN_STYLE =
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?:\.0+)?(?:px|pt|em|rem|%)?\s*(?:!important\s*)?(?:;|$)|(?:left|top|text-indent|margin-left)\s*:\s*-\d{3,}(?:\.\d+)?(?:px|em|rem|pt)|clip\s*:\s*rect\(\s*0)/i;

/**
 * Removes what a visitor cannot read on the page: `hidden`, `aria-hidden="true"`, `<template>`,
 * `<noscript>` and elements hidden by their inline style. Returns the removed text, so FAQ data
 * can be checked against it (a question only in hidden text is not the page's content).
 *
 * Exception: a collapsed accordion or tab panel, i.e. a hidden element whose id a button's
 * `aria-controls` names. The visitor opens it with one click (jQuery and Bootstrap accordions
 * collapse with exactly these attributes), so it is visible content. So is `hidden="until-found"`,
 * which the browser's find-in-page opens.
 */
export function removeHidden($: CheerioAPI): string {
  const openable = new Set($('[aria-controls]').map((_, el) => ($(el).attr('aria-controls') ?? '').split(/\s+/)).get());
  const hidden = $('body').find('[hidden], [aria-hidden="true"], [style], template, noscript').filter((_, el) => {
    const $el = $(el);
    if (el.tagName === 'template' || el.tagName === 'noscript') return true;
    if ($el.attr('hidden') === 'until-found' || openable.has($el.attr('id') ?? '')) return false;
    return $el.is('[hidden], [aria-hidden="true"]') || HIDDEN_STYLE.test($el.attr('style') ?? '');
  });
  const text = hidden.map((_, el) => textOf($, el)).get().join(' ');
  hidden.remove();
  return text;
}

/** An element's text with a space between text nodes, so "<h1>T</h1><h2>Wer…" does not read "TWer…". */
export function textOf($: CheerioAPI, el: AnyNode): string {
  return $(el).find('*').addBack().contents().filter((_, node) => node.type === 'text').map((_, node) => (node as Text).data).get().join(' ');
}

/**
 * Structured FAQ data is page content only when a visitor can read it: a question that appears in
 * the visible text is kept; one that appears only in hidden text is dropped (it was hidden on
 * purpose, or is stale); one that appears nowhere in the HTML is most likely rendered by
 * JavaScript and is kept as `unverified`, so it is searchable but never quoted as an answer.
 */
export function checkFaqsAgainstPage(faqs: readonly FaqEntry[], visibleText: string, hiddenText: string): FaqEntry[] {
  const visible = comparable(visibleText);
  const hidden = comparable(hiddenText);
  return faqs.flatMap((faq) => {
    const question = comparable(faq.question);
    if (visible.includes(question)) return [faq];
    if (hidden.includes(question)) return [];
    return [{ ...faq, unverified: true as const }];
  });
}

function comparable(text: string): string {
  return ` ${text.toLocaleLowerCase('de-DE').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}
