import type { ContactRecord } from './contact.js';

/** One retrievable unit: a section of a page (or one FAQ entry) with a link straight to it. */
export interface Passage {
  /** Position in passages.json; also the label of its vector in the HNSW file. */
  id: number;
  /** Canonical page URL without fragment. */
  url: string;
  /** Fragment id of the section's heading on the page, if it has (or was given) one. */
  anchor: string | null;
  /** Page title (the page's h1, else <title> without the site suffix). */
  title: string;
  /** Heading trail inside the page, e.g. "Antrag › Unterlagen"; null for the page intro. */
  section: string | null;
  text: string;
  /** BCP 47 language of the page (`<html lang>`), e.g. "de". */
  lang: string;
  kind: 'section' | 'faq';
  /**
   * Where the text came from; absent means an HTML page. Only 'faq-file' entries are answers the
   * editors reviewed; 'faq-markup' is a question and answer from a crawled page's own markup
   * (JSON-LD, microdata, `<details>`, `<dl>`), and 'faq-markup-unverified' one from JSON-LD whose
   * question is not visible in the page's HTML (kept as a plain section, never quoted as a FAQ).
   */
  origin?: 'html' | 'pdf' | 'faq-file' | 'faq-markup' | 'faq-markup-unverified';
  /** FAQ: other ways citizens ask the same question (editor-curated). Indexed like the question. */
  alternatives?: string[];
  /** FAQ: the editors' answer in Leichte Sprache, shown on request. */
  easyLanguage?: string;
  /** FAQ: a human contact for this topic (text, e.g. "Frau Beispiel, 0221 555-123"). */
  contact?: string;
  /**
   * Set on the short passage that stands for a page's contact block (its text is the contact as
   * one line, see `contactText`); the hand-off reads the record, answers normally do not quote it.
   */
  contactRecord?: ContactRecord;
  /** FAQ: ISO date after which the entry must no longer be used. */
  validUntil?: string;
  /** PDF: 1-based page number the text is on (the anchor is then `page=N`). */
  pageNumber?: number;
  /** ISO date the source was last modified (Last-Modified header, or the editor's date). */
  modified?: string;
  /**
   * Set by the crawler (chunk.ts, write/site-templates.ts): 'template' for text repeated across
   * many pages of the site, 'links' for a section that mostly lists other pages. Which of them
   * are searched at all: `unsearchedPassages`.
   */
  role?: 'template' | 'links';
}

/** The link a citation or search result points to: the page, scrolled to the section. */
export function passageUrl(passage: Pick<Passage, 'url' | 'anchor'>): string {
  if (!passage.anchor) return passage.url;
  // Text fragments (`:~:text=…`) and PDF open parameters (`page=3`, RFC 8118) are stored ready
  // to use; element ids are encoded here.
  return passage.anchor.startsWith(':~:') || /^page=\d+$/.test(passage.anchor)
    ? `${passage.url}#${passage.anchor}`
    : `${passage.url}#${encodeURIComponent(passage.anchor)}`;
}

/**
 * Which text a passage is searched under, with weights. Headings and the title count extra
 * because a page called "Kraftfahrzeughilfe" is about that even where its paragraphs say "Auto".
 * Index time (BM25 build) and query time (highlighting, answer selection) both use this.
 */
export function passageFields(passage: Pick<Passage, 'title' | 'section' | 'text' | 'alternatives'>): Array<{ text: string; weight: number }> {
  return [
    { text: passage.title, weight: 1 },
    // The section's own heading says what it is about; the headings above it are shared with its
    // sibling sections and so tell less about which one answers (the deep link).
    { text: passage.section?.split(' › ').slice(0, -1).join(' › ') ?? '', weight: 1 },
    { text: passage.section?.split(' › ').at(-1) ?? '', weight: 3 },
    { text: (passage.alternatives ?? []).join('\n'), weight: 2 },
    { text: passage.text, weight: 1 },
  ];
}

/** The text given to the embedder for a passage: title and heading give context to short sections. */
export function passageEmbeddingText(passage: Pick<Passage, 'title' | 'section' | 'text'>): string {
  return [passage.title, passage.section, passage.text].filter(Boolean).join('\n');
}

/**
 * Ids of the passages that search leaves out, so a result or a deep link never points at them:
 * site templates, and link lists on pages with content of their own (the page is found by its
 * content, the listed topics by their own pages). A hub page that is nothing but lists keeps
 * its lists searchable; the server ranks them below the pages they list. Index time (no
 * postings) and query time (no vector hits) use this one rule.
 */
export function unsearchedPassages(passages: ReadonlyArray<Pick<Passage, 'id' | 'url' | 'kind' | 'role'>>): Set<number> {
  const hasContent = new Set(passages.filter((p) => p.kind === 'faq' || !p.role).map((p) => p.url));
  return new Set(passages.filter((p) => p.role === 'template' || (p.role === 'links' && hasContent.has(p.url))).map((p) => p.id));
}
