import { extractText, getDocumentProxy, getMeta } from 'unpdf';
import { toIsoDate } from '../extract/dates.js';

export interface ExtractedPdf {
  /** Title from the document's metadata, if it is a real one (see `usableTitle`). */
  title: string | null;
  /** Text per page, index 0 = page 1; empty strings for pages without text. */
  pages: string[];
  /** ModDate from the metadata as ISO date. */
  modified: string | null;
  lang: string | null;
}

/**
 * Reads the text layer of a PDF page by page with unpdf (Mozilla's pdf.js), so every passage can
 * cite its page as `file.pdf#page=N` (RFC 8118 open parameters). Scanned PDFs without a text
 * layer give empty pages; the caller reports them. Throws on files pdf.js cannot open.
 */
export async function extractPdf(bytes: Uint8Array): Promise<ExtractedPdf> {
  // pdf.js takes ownership of the buffer it is given, so it gets a copy; verbosity 0 keeps its
  // repair notes ("Indexing all PDF objects") off the console: a broken file lands in the report.
  const doc = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  try {
    const { text } = await extractText(doc, { mergePages: false });
    const { info } = await getMeta(doc).catch(() => ({ info: {} as Record<string, unknown> }));
    return {
      title: usableTitle(info['Title']),
      pages: text.map(joinLines),
      modified: pdfDate(info['ModDate']),
      lang: typeof info['Language'] === 'string' && info['Language'] ? info['Language'] : null,
    };
  } finally {
    await doc.destroy();
  }
}

/**
 * Office exports fill Title with the file name or "Microsoft Word - Dokument1.docx"; such titles
 * are worse than the link text that points to the PDF, so they count as missing.
 */
function usableTitle(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const title = value.replace(/\s+/g, ' ').trim();
  if (!title || /^(microsoft (word|excel|powerpoint)|untitled|unbenannt|dokument\d*$|document\d*$)/i.test(title)) return null;
  if (/\.(docx?|odt|pdf|xlsx?|pptx?|rtf|indd|qxp)$/i.test(title)) return null;
  return title;
}

/**
 * Joins the lines of a PDF page into running text: a line ending in a hyphen before a lower-case
 * letter was hyphenated by the layout ("Antrags-\nstellung"), while "Kfz-\nHilfe" keeps its hyphen.
 */
function joinLines(page: string): string {
  return page
    .replace(/(\p{L})-\n(\p{Ll})/gu, '$1$2')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** PDF dates look like `D:20261125103000+01'00'` (ISO 32000-1 §7.9.4). */
function pdfDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^D:(\d{4})(\d{2})?(\d{2})?/.exec(value);
  return m ? toIsoDate(`${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`) : null;
}
