import { load, type CheerioAPI } from 'cheerio';
import { flattenJsonLd, jsonLdTypes, readJsonLd } from './json-ld.js';

export interface FaqEntry {
  question: string;
  answer: string;
  /** The question is not visible in the page's HTML (a JavaScript-rendered FAQ): page text, not a checked answer. */
  unverified?: true;
}

/**
 * Reads schema.org FAQPage data from JSON-LD blocks. Handles the shapes CMSs emit: a single
 * object, an array, or an `@graph`, and `mainEntity` as one Question or a list. Answer text may
 * contain HTML (Google allows a few tags), which cheerio reduces to text.
 */
export function extractJsonLdFaqs($: CheerioAPI): FaqEntry[] {
  const entries: FaqEntry[] = [];
  for (const node of readJsonLd($)) {
    if (!jsonLdTypes(node).includes('FAQPage')) continue;
    for (const q of flattenJsonLd(node['mainEntity'])) {
      if (!jsonLdTypes(q).includes('Question')) continue;
      const question = plain(q['name']);
      const accepted = flattenJsonLd(q['acceptedAnswer'])[0];
      const answer = accepted ? plain(accepted['text']) : '';
      if (question && answer) entries.push({ question, answer });
    }
  }
  return entries;
}

function plain(value: unknown): string {
  if (typeof value !== 'string') return '';
  return load(value, null, false).root().text().replace(/\s+/g, ' ').trim();
}
