/**
 * Nesting deeper than this is flattened. Real pages stay far below 100 levels; the extraction
 * walks the tree recursively and ran out of stack at about 5,000, and parse5 needed about two
 * minutes for 100,000 nested `<div>`s, blocking every other fetch meanwhile.
 */
export const MAX_NESTING = 256;
/** A page with more elements than this is not read (the largest real pages have some tens of thousands). */
export const MAX_ELEMENTS = 200_000;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements whose content is not markup: skipped to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
/** Elements a following sibling of the same kind closes implicitly (`<li>a<li>b`, `<p>a<p>b`). */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option']);
/** How far up the open elements an end tag looks for its start tag; a stray end tag is ignored. */
const END_TAG_REACH = 32;

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)(?:[^>"']|"[^"]*"|'[^']*')*>|<[!?][^>]*>/g;

/** A page `boundHtml` refuses to parse; the message is the reason for the report. */
export class PageTooComplex extends Error {}

export type BoundedHtml = { html: string; depth: number; elements: number; flattened: boolean } | { refused: string; depth: number; elements: number };

/**
 * Bounds the work one page can cause before the real parse. One linear pass over the tags (no
 * recursion, no tree; htmlparser2 and parse5 both slow down quadratically on deep nesting)
 * measures nesting depth and element count, closing `<p>`/`<li>`/`<td>` and the like the way
 * browsers do. A page within both limits is returned unchanged. A page nested deeper than
 * `MAX_NESTING` is rewritten without the tags below that level, keeping all their text, so what
 * is readable is still indexed. A page with more than `MAX_ELEMENTS` elements is refused.
 */
export function boundHtml(html: string): BoundedHtml {
  const measured = scan(html, false);
  if (measured.elements > MAX_ELEMENTS) return { refused: `more than ${MAX_ELEMENTS} HTML elements (${measured.elements})`, depth: measured.depth, elements: measured.elements };
  if (measured.depth <= MAX_NESTING) return { html, depth: measured.depth, elements: measured.elements, flattened: false };
  return { html: scan(html, true).html, depth: measured.depth, elements: measured.elements, flattened: true };
}

function scan(html: string, rewrite: boolean): { depth: number; elements: number; html: string } {
  const open: string[] = [];
  const out: string[] = [];
  let deepest = 0;
  let elements = 0;
  let copiedTo = 0;
  /** Drops the tag at [start, end) from the rewritten page. */
  const drop = (start: number, end: number) => {
    if (!rewrite) return;
    out.push(html.slice(copiedTo, start));
    copiedTo = end;
  };
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(html); match; match = TOKEN.exec(html)) {
    const [tag, closing, rawName] = match;
    if (!rawName) continue;
    const name = rawName.toLowerCase();
    const start = match.index;
    const end = start + tag.length;
    if (closing) {
      let at = open.length - 1;
      while (at >= 0 && at >= open.length - END_TAG_REACH && open[at] !== name) at--;
      if (at < 0 || open[at] !== name) continue;
      if (at >= MAX_NESTING) drop(start, end);
      open.length = at;
      continue;
    }
    elements++;
    if (SELF_CLOSING_SIBLINGS.has(name) && open[open.length - 1] === name) open.pop();
    const selfClosed = VOID.has(name) || tag.endsWith('/>');
    if (!selfClosed) open.push(name);
    const level = open.length + (selfClosed ? 1 : 0);
    if (level > deepest) deepest = level;
    let skipTo = end;
    if (RAW_TEXT.has(name) && !selfClosed) {
      const endTag = new RegExp(`</${name}`, 'ig');
      endTag.lastIndex = end;
      skipTo = endTag.exec(html)?.index ?? html.length;
      TOKEN.lastIndex = skipTo;
    }
    // A dropped script or style takes its content along: it must not turn into page text.
    if (level > MAX_NESTING) drop(start, skipTo);
  }
  if (rewrite) out.push(html.slice(copiedTo));
  return { depth: deepest, elements, html: out.join('') };
}
