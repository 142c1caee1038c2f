import { contactText, splitSentences as sentencesOf, type Passage } from '@auskunft/core';
import { isContactHeading, type ContactBlock } from './extract/contacts.js';
import type { ContentBlock } from './extract/extract.js';
import type { FaqEntry } from './extract/faq-jsonld.js';

export type ChunkDraft = Pick<Passage, 'anchor' | 'section' | 'text' | 'kind' | 'origin' | 'role' | 'contactRecord'>;

/** A section of at least this many paragraphs, this much of it link text, is a list of links. */
const LINK_LIST_ITEMS = 3;
const LINK_LIST_SHARE = 0.6;

export interface ChunkOptions {
  maxChars: number;
}

/**
 * Cuts a page's content into passages, one per section (heading), so that a citation can link
 * straight to the part of the page that answers. Long sections are split at paragraph
 * boundaries; the page's h1 is the title, not a section. FAQ items become one passage each;
 * JSON-LD questions that are also visible as headings replace those sections instead of
 * duplicating them.
 *
 * Anchors: the heading's own `id` (or that of a <section> it opens); otherwise a text fragment
 * (`:~:text=Überschrift`, https://wicg.github.io/scroll-to-text-fragment/), which modern browsers
 * scroll to and others treat as the page top. Never an invented id: it would not exist on the page.
 */
export function chunkPage(blocks: readonly ContentBlock[], faqs: readonly FaqEntry[], options: ChunkOptions): ChunkDraft[] {
  const drafts: ChunkDraft[] = [];
  const trail: Array<{ level: number; text: string }> = [];
  let current = { anchor: null as string | null, section: null as string | null, paragraphs: [] as string[] };
  // Contact passages follow the text of the section they sit in.
  let contacts: ChunkDraft[] = [];
  // Characters of the open section's paragraphs that are link text (extract.ts marks them).
  let linkChars = 0;

  const flush = () => {
    const chars = current.paragraphs.reduce((n, p) => n + p.length, 0);
    // A related-links box or a hub page's list names topics that the linked pages explain: it is
    // kept, but marked so that it ranks below them (retrieve.ts).
    const links = current.paragraphs.length >= LINK_LIST_ITEMS && linkChars >= LINK_LIST_SHARE * chars;
    for (const text of splitParagraphs(current.paragraphs, options.maxChars)) {
      drafts.push({ anchor: current.anchor, section: current.section, text, kind: 'section', ...(links ? { role: 'links' as const } : {}) });
    }
    drafts.push(...contacts);
    contacts = [];
    current = { ...current, paragraphs: [] };
    linkChars = 0;
  };

  for (const block of blocks) {
    if (block.kind === 'heading') {
      flush();
      if (block.level === 1) {
        trail.length = 0;
        current = { anchor: block.id, section: null, paragraphs: [] };
        continue;
      }
      while (trail.length && trail[trail.length - 1]!.level >= block.level) trail.pop();
      trail.push({ level: block.level, text: block.text });
      current = { anchor: block.id ?? textFragment(block.text), section: trail.map((t) => t.text).join(' › '), paragraphs: [] };
    } else if (block.kind === 'contact') {
      contacts.push(contactDraft(block, trail, current.anchor));
    } else if (block.kind === 'faq') {
      flush();
      drafts.push({ anchor: block.id ?? textFragment(block.question), section: block.question, text: block.answer, kind: 'faq', origin: 'faq-markup' });
    } else if (block.text) {
      current.paragraphs.push(block.text);
      if (block.link) linkChars += block.text.length;
    }
  }
  flush();
  return mergeJsonLdFaqs(drafts, faqs, options.maxChars);
}

/**
 * A contact box becomes one short passage of its own (so its phone number stays findable) that
 * carries the contact record. It belongs to the section it sits in: a box headed at the same
 * level as the sections ("Ihr Kontakt" as h2) is the page's, one headed deeper or not at all
 * belongs to the section around it; sidebar and JSON-LD contacts are the page's.
 */
function contactDraft(block: ContactBlock, trail: ReadonlyArray<{ level: number; text: string }>, sectionAnchor: string | null): ChunkDraft {
  const around = block.pageLevel ? [] : trail.filter((t) => !block.heading || t.level < block.heading.level);
  // A section headed "Zuständig" or "Kontakt" is itself the page's contact section.
  const headed = around.length && !block.heading && isContactHeading(around.at(-1)!.text) ? around.pop()! : null;
  const scope = around.length ? around.map((t) => t.text).join(' › ') : null;
  const heading = block.heading?.text ?? headed?.text ?? 'Kontakt';
  // Outside the main content a text fragment could land on the navigation's "Kontakt" link instead.
  const anchor = block.heading?.id ?? (block.pageLevel ? null : block.heading ? textFragment(block.heading.text) : around.length || headed ? sectionAnchor : null);
  return {
    anchor,
    section: scope ? `${scope} › ${heading}` : heading,
    text: contactText(block.contact),
    kind: 'section',
    contactRecord: { ...block.contact, scope },
  };
}

function mergeJsonLdFaqs(drafts: ChunkDraft[], faqs: readonly FaqEntry[], maxChars: number): ChunkDraft[] {
  const out = [...drafts];
  for (const faq of faqs) {
    if (faq.unverified) {
      // Not visible in the HTML: searchable page text, but not an answer to quote as a FAQ.
      const pieces = splitParagraphs([faq.answer], maxChars);
      out.push(...pieces.map((text) => ({ anchor: null, section: faq.question, text, kind: 'section' as const, origin: 'faq-markup-unverified' as const })));
      continue;
    }
    const key = comparable(faq.question);
    const matches = out.filter((d) => d.section !== null && comparable(lastHeading(d.section)) === key);
    const anchor = matches[0]?.anchor ?? textFragment(faq.question);
    const firstAt = matches.length ? out.indexOf(matches[0]!) : out.length;
    for (const m of matches) out.splice(out.indexOf(m), 1);
    const pieces = splitParagraphs([faq.answer], maxChars).map((text) => ({ anchor, section: faq.question, text, kind: 'faq' as const, origin: 'faq-markup' as const }));
    out.splice(Math.min(firstAt, out.length), 0, ...pieces);
  }
  return out;
}

function lastHeading(section: string): string {
  return section.split(' › ').pop() ?? section;
}

function comparable(text: string): string {
  return text.toLocaleLowerCase('de-DE').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Packs paragraphs into pieces of at most `maxChars`; an oversized paragraph is cut at sentences. */
export function splitParagraphs(paragraphs: readonly string[], maxChars: number): string[] {
  const units = paragraphs.flatMap((p) => (p.length <= maxChars ? [p] : splitSentences(p, maxChars)));
  const pieces: string[] = [];
  let piece = '';
  for (const unit of units) {
    if (piece && piece.length + 1 + unit.length > maxChars) {
      pieces.push(piece);
      piece = unit;
    } else {
      piece = piece ? `${piece}\n${unit}` : unit;
    }
  }
  if (piece) pieces.push(piece);
  return pieces;
}

function splitSentences(paragraph: string, maxChars: number): string[] {
  const sentences = sentencesOf(paragraph);
  const out: string[] = [];
  let piece = '';
  for (const s of sentences) {
    for (const part of s.length > maxChars ? hardWrap(s, maxChars) : [s]) {
      if (piece && piece.length + 1 + part.length > maxChars) {
        out.push(piece);
        piece = part;
      } else piece = piece ? `${piece} ${part}` : part;
    }
  }
  if (piece) out.push(piece);
  return out;
}

function hardWrap(text: string, maxChars: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > maxChars) {
    const cut = rest.lastIndexOf(' ', maxChars);
    const at = cut > maxChars / 2 ? cut : maxChars;
    out.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  if (rest) out.push(rest);
  return out;
}

/** A scroll-to-text fragment for a heading; '-', ',' and '&' are syntax there and get escaped. */
export function textFragment(text: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  const enc = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D');
  if (text.length <= 80 || words.length <= 8) return `:~:text=${enc(text)}`;
  return `:~:text=${enc(words.slice(0, 6).join(' '))},${enc(words.slice(-2).join(' '))}`;
}
