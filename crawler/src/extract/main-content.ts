import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { INLINE_TAGS } from './inline-tags.js';

/** Landmarks tried in order; within one, the match holding the most non-link text wins. */
const MAIN_SELECTORS = ['main', '[role="main"]', 'article', '#content', '#inhalt', '#main-content', '#maincontent', '#main', '.main-content', '.content'];
/** Landmarks by which the page itself says where its main content is. */
const DECLARED_MAIN = new Set(['main', '[role="main"]']);
/** Less non-link text than this is not a page's main content (an empty <main> in a teaser page). */
const MIN_MAIN_TEXT = 40;
/** A region whose text is mostly link text is navigation, whatever it is called. */
const MAX_LINK_DENSITY = 0.5;
/** Paragraphs shorter than this (labels, "mehr…") say nothing about where the content is. */
const MIN_PARAGRAPH_CHARS = 25;
/**
 * Class and id words of page furniture in German CMS templates (TYPO3 "marginal" columns, Drupal
 * "sidebar-first", Government Site Builder "navService"). Regions named so are never main content.
 */
export const FURNITURE_NAME = /(^|[\s_-])(nav|navi|navigation|menu|menue|sidebar|marginal|marginalspalte|footer|header|kopf|fuss|breadcrumbs?|brotkrumen|teaser|related|social|share|cookie|banner|toolbar|tabs|pager|pagination|skip|servicenavigation|navservice)([\s_-]|$)/i;

/**
 * Finds the element holding a page's main content without per-site code:
 * 1. the configured selector (`crawl.contentSelector`), if it matches;
 * 2. a landmark (`<main>`, `role="main"`, `<article>`, `#content`, …) with enough non-link text;
 * 3. else the element with the densest prose, scored as Readability does (see `densestRegion`;
 *    link-heavy or furniture-named regions lose), widened to its parent while that parent adds
 *    prose in sibling blocks (TYPO3 renders each content element as its own `<div class="frame">`);
 * 4. else the body without its top-level banner and footer.
 */
export function findMainContent($: CheerioAPI, contentSelector?: string): Cheerio<AnyNode> {
  if (contentSelector) {
    const configured = $(contentSelector);
    if (configured.length && collapse(configured.text()).length > 0) return configured.length === 1 ? configured : $('<div>').append(configured.clone());
  }
  for (const selector of MAIN_SELECTORS) {
    let best: Cheerio<AnyNode> | null = null;
    let bestText = 0;
    // The page declares its main content: a list of links there (a forms overview, an A–Z of
    // services) is the content, as it is on authority sites. Guessed regions must be prose.
    const declared = DECLARED_MAIN.has(selector);
    $(selector).each((_, el) => {
      const candidate = $(el);
      const { text, linkText } = measure($, candidate);
      const value = declared ? text : text - linkText;
      if (value > bestText && (declared || linkText / Math.max(text, 1) < MAX_LINK_DENSITY)) [best, bestText] = [candidate, value];
    });
    if (best && bestText >= MIN_MAIN_TEXT) return best;
  }
  const densest = densestRegion($);
  if (densest) return densest;
  const body = $('body');
  body.children('header, [role="banner"], footer, [role="contentinfo"]').remove();
  return body;
}

/** Elements that are a paragraph of prose; loose text elsewhere is a paragraph of its container. */
const PARAGRAPHS = new Set(['p', 'pre', 'li', 'dd', 'dt', 'blockquote', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption', 'address']);
/** Widen to the parent when its other children add at least this share of prose (TYPO3 frames). */
const SIBLING_PROSE_SHARE = 0.3;

/**
 * Readability's scoring, on text runs: every run of at least MIN_PARAGRAPH_CHARS outside links is
 * a paragraph (score: 1, plus one per comma, plus one per 100 characters up to 3). A paragraph
 * element credits its container fully and the container's parent half; loose text (old table
 * layouts put it straight into a <td>) credits the element holding it the same way.
 */
function densestRegion($: CheerioAPI): Cheerio<Element> | null {
  const scores = new Map<Element, number>();
  const prose = new Map<Element, number>();
  const credit = (el: Element | null, amount: number) => {
    if (el && el.tagName !== 'body' && el.tagName !== 'html') scores.set(el, (scores.get(el) ?? 0) + amount);
  };
  $('body').find('*').contents().each((_, node) => {
    if (node.type !== 'text') return;
    const text = collapse(node.data);
    if (text.length < MIN_PARAGRAPH_CHARS || $(node).closest('a').length) return;
    let block = node.parent as Element | null;
    while (block && INLINE_TAGS.has(block.tagName)) block = block.parent as Element | null;
    if (!block || block.type !== 'tag') return;
    const container = PARAGRAPHS.has(block.tagName) ? blockParent(block) : block;
    if (!container) return;
    const score = 1 + (text.match(/,/g)?.length ?? 0) + Math.min(Math.floor(text.length / 100), 3);
    credit(container, score);
    credit(blockParent(container), score / 2);
    for (let el: Element | null = container; el && el.type === 'tag'; el = el.parent as Element | null) prose.set(el, (prose.get(el) ?? 0) + text.length);
  });
  const weighted = (el: Element) => {
    const { text, linkText } = measure($, $(el));
    const named = `${$(el).attr('id') ?? ''} ${$(el).attr('class') ?? ''}`;
    return (scores.get(el) ?? 0) * (1 - linkText / Math.max(text, 1)) * (FURNITURE_NAME.test(named) ? 0.2 : 1);
  };
  let best: Element | null = null;
  let bestScore = 0;
  for (const el of scores.keys()) {
    const score = weighted(el);
    if (score > bestScore) [best, bestScore] = [el, score];
  }
  if (!best) return null;
  for (let parent = blockParent(best); parent && parent.tagName !== 'body'; parent = blockParent(parent)) {
    const inside = prose.get(best) ?? 0;
    const outside = (prose.get(parent) ?? 0) - inside;
    const { text, linkText } = measure($, $(parent));
    if (outside < inside * SIBLING_PROSE_SHARE || linkText / Math.max(text, 1) >= MAX_LINK_DENSITY) break;
    best = parent;
  }
  return $(best);
}

function blockParent(el: Element): Element | null {
  let parent = el.parent as Element | null;
  while (parent && parent.type === 'tag' && INLINE_TAGS.has(parent.tagName)) parent = parent.parent as Element | null;
  return parent && parent.type === 'tag' ? parent : null;
}

function measure($: CheerioAPI, el: Cheerio<AnyNode>): { text: number; linkText: number } {
  const text = collapse(el.text()).length;
  let linkText = 0;
  el.find('a').each((_, a) => void (linkText += collapse($(a).text()).length));
  return { text, linkText };
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Page furniture by element or role: never content, wherever it sits. */
const FURNITURE_ELEMENTS = 'nav, aside, footer, [role="navigation"], [role="contentinfo"], [role="complementary"], [role="search"], form';
/**
 * Furniture by class or id inside the main region. Narrower than FURNITURE_NAME: "header" and
 * "teaser" wrap real content inside a main region (a content header holds the h1; an overview
 * page consists of teasers), so only names that never do are removed.
 */
const FURNITURE_INSIDE = /(^|[\s_-])(nav|navi|navigation|menu|menue|sidebar|marginal|marginalspalte|breadcrumbs?|brotkrumen|related|social|share|socialshare|cookie|toolbar|pager|pagination|skip|skiplinks?|servicenavigation|navservice|print|drucken|druckversion)([\s_-]|$)/i;

/** Removes navigation, asides, breadcrumbs, share bars and the like from the main region. */
export function removeFurniture($: CheerioAPI, root: Cheerio<AnyNode>, extraSelectors: readonly string[] = []): void {
  root.find(FURNITURE_ELEMENTS).remove();
  for (const selector of extraSelectors) root.find(selector).remove();
  root.find('[class], [id]').each((_, el) => {
    const named = `${$(el).attr('id') ?? ''} ${$(el).attr('class') ?? ''}`;
    if (FURNITURE_INSIDE.test(named)) $(el).remove();
  });
}
