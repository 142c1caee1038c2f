import { createHash } from 'node:crypto';
import type { Passage } from '@auskunft/core';
import { chunkPage, splitParagraphs } from '../chunk.js';
import { toIsoDate } from '../extract/dates.js';
import { extractPage, type ExtractOptions } from '../extract/extract.js';
import type { HttpResponse } from '../fetch/fetcher.js';
import { decodeHtml } from './decode.js';
import { extractPdf } from './pdf.js';
import { readRobotsHeader } from './robots-header.js';
import { sniffBody } from './sniff.js';
import { boundHtml, MAX_NESTING, PageTooComplex } from './bound-html.js';
import { canonicalizeUrl } from '../url.js';

/** A passage before it gets its id (its position in the finished index). */
export type PassageDraft = Omit<Passage, 'id'>;

/** One indexed HTML page or PDF file. */
export interface CollectedDocument {
  url: string;
  kind: 'html' | 'pdf';
  passages: PassageDraft[];
  /** Hash of the passages' text, to recognise the same content under another URL or unchanged. */
  hash: string;
  /** Taken unchanged from the previous version after a "304 Not Modified". */
  notModified: boolean;
  /** Taken from the previous version because the page failed temporarily in this crawl. */
  keptFrom?: { version: string; reason: string };
}

export interface HtmlDocument {
  title: string;
  /** Links as absolute canonical URLs with their text, [] when the page says nofollow. */
  links: Array<[string, string]>;
  noindex: boolean;
  /** The page's `<link rel=canonical>`, canonicalised. */
  canonical: string | null;
  passages: Omit<PassageDraft, 'url'>[];
  hash: string;
  /** Set when the page exceeded a limit of `boundHtml` but was still read. */
  note?: string;
}

export interface DocumentOptions extends ExtractOptions {
  maxPassageChars: number;
  /** The sitemap's <lastmod>, used when the page itself states no date. */
  sitemapLastmod?: string | undefined;
  /** Matched against X-Robots-Tag directives for one crawler (`crawl.userAgent`). */
  userAgent?: string;
}

/**
 * Reads an HTML response into passages. The page's own date (meta tags, "Stand: …") wins over
 * the sitemap's, which wins over Last-Modified: CMSs send the time the HTML was generated there.
 */
export function readHtmlDocument(response: HttpResponse, options: DocumentOptions): HtmlDocument {
  const contentType = response.headers.get('content-type') ?? '';
  const bounded = boundHtml(decodeHtml(response.body ?? new Uint8Array(0), contentType));
  if ('refused' in bounded) throw new PageTooComplex(`not read: ${bounded.refused}`);
  const page = extractPage(bounded.html, response.url, {
    ...options,
    contentLanguage: response.headers.get('content-language'),
  });
  const modified = page.modified ?? toIsoDate(options.sitemapLastmod) ?? toIsoDate(response.headers.get('last-modified'));
  const drafts = chunkPage(page.blocks, page.faqs, { maxChars: options.maxPassageChars });
  const passages = drafts.map((d) => ({ title: page.title, lang: page.lang, ...d, ...(modified ? { modified } : {}) }));
  const header = readRobotsHeader(response.headers, options.userAgent ?? '');
  const links: Array<[string, string]> = [];
  if (!page.nofollow && !header.nofollow) {
    for (const link of page.links) {
      const url = canonicalizeUrl(link.href, response.url);
      if (url) links.push([url, link.text]);
    }
  }
  return {
    title: page.title,
    links,
    noindex: page.noindex || header.noindex,
    canonical: page.canonical ? canonicalizeUrl(page.canonical) : null,
    passages,
    hash: hashPassages(passages),
    ...(bounded.flattened ? { note: `HTML nested ${bounded.depth} levels deep; tags below level ${MAX_NESTING} were ignored, their text was kept` } : {}),
  };
}

/**
 * Reads a PDF response into one or more passages per page, each cited as `file.pdf#page=N`.
 * Title: the document's own (if it is a real one), else the text of the link that led here,
 * else the file name. Throws when pdf.js cannot read the file.
 */
export async function readPdfDocument(response: HttpResponse, linkText: string, options: DocumentOptions & { defaultLang: string }): Promise<{ passages: PassageDraft[]; hash: string }> {
  const pdf = await extractPdf(response.body ?? new Uint8Array(0));
  const title = pdf.title ?? (linkText.trim() || fileName(response.url));
  const modified = pdf.modified ?? toIsoDate(options.sitemapLastmod) ?? toIsoDate(response.headers.get('last-modified'));
  const lang = pdf.lang ?? options.defaultLang;
  const passages: PassageDraft[] = [];
  pdf.pages.forEach((text, index) => {
    const pageNumber = index + 1;
    for (const piece of splitParagraphs(text ? [text] : [], options.maxPassageChars)) {
      passages.push({
        url: response.url, anchor: `page=${pageNumber}`, title, section: `Seite ${pageNumber}`, text: piece, lang, kind: 'section',
        origin: 'pdf', pageNumber, ...(modified ? { modified } : {}),
      });
    }
  });
  return { passages, hash: hashPassages(passages) };
}

export function hashPassages(passages: ReadonlyArray<Pick<Passage, 'title' | 'section' | 'text'>>): string {
  const hash = createHash('sha256');
  for (const p of passages) hash.update(`${p.title}\u0000${p.section ?? ''}\u0000${p.text}\u0001`);
  return hash.digest('base64url');
}

function fileName(url: string): string {
  const name = new URL(url).pathname.split('/').pop() ?? url;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/**
 * HTML, PDF or something the crawler does not index, from the Content-Type and the first bytes:
 * a body labelled HTML that starts like a PDF is read as one, and one holding binary data is not
 * read at all ('binary'), so no garbage becomes a passage.
 */
export function responseKind(response: HttpResponse): 'html' | 'pdf' | 'binary' | 'other' {
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') {
    const sniffed = sniffBody(response.body ?? new Uint8Array(0));
    return sniffed === 'text' ? 'html' : sniffed;
  }
  if (type === 'application/pdf' || type === 'application/x-pdf') return 'pdf';
  const head = new TextDecoder('latin1').decode((response.body ?? new Uint8Array(0)).subarray(0, 512)).trimStart();
  // Servers label downloads application/octet-stream, or send no type at all.
  if ((type === '' || type.endsWith('octet-stream')) && head.startsWith('%PDF-')) return 'pdf';
  if (type === '' && /^(<!doctype html|<html|<head|<body)/i.test(head)) return 'html';
  return 'other';
}
