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
}

/** The link a citation or search result points to: the page, scrolled to the section. */
export function passageUrl(passage: Pick<Passage, 'url' | 'anchor'>): string {
  if (!passage.anchor) return passage.url;
  // Text fragments (`:~:text=…`) are stored already encoded; element ids are not.
  return passage.anchor.startsWith(':~:') ? `${passage.url}#${passage.anchor}` : `${passage.url}#${encodeURIComponent(passage.anchor)}`;
}

/**
 * Which text a passage is searched under, with weights. Headings and the title count extra
 * because a page called "Kraftfahrzeughilfe" is about that even where its paragraphs say "Auto".
 * Index time (BM25 build) and query time (highlighting, answer selection) both use this.
 */
export function passageFields(passage: Pick<Passage, 'title' | 'section' | 'text'>): Array<{ text: string; weight: number }> {
  return [
    { text: passage.title, weight: 1 },
    { text: passage.section ?? '', weight: 2 },
    { text: passage.text, weight: 1 },
  ];
}

/** The text given to the embedder for a passage: title and heading give context to short sections. */
export function passageEmbeddingText(passage: Pick<Passage, 'title' | 'section' | 'text'>): string {
  return [passage.title, passage.section, passage.text].filter(Boolean).join('\n');
}
