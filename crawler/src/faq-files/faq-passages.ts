import type { CollectedDocument, PassageDraft } from '../read/read-document.js';
import type { FaqFileEntry } from './faq-files.js';

/**
 * FAQ-file entries become FAQ passages linked to their source page, with its title when the
 * page was crawled (so results group under the page), else the question as title.
 */
export function faqFilePassages(entries: readonly FaqFileEntry[], documents: readonly CollectedDocument[], defaultLang: string, warnings: string[]): PassageDraft[] {
  const pageOf = new Map(documents.map((d) => [d.url, d.passages[0]]));
  return entries.map((entry) => {
    const page = pageOf.get(entry.source);
    if (!page) warnings.push(`${entry.location}: source ${entry.source} was not found in this crawl; the answer is indexed, but its citation may lead nowhere`);
    return {
      url: entry.source,
      anchor: entry.anchor,
      title: page?.title ?? entry.question,
      section: entry.question,
      text: entry.answer,
      lang: entry.lang ?? page?.lang ?? defaultLang,
      kind: 'faq' as const,
      origin: 'faq-file' as const,
      ...(entry.alternatives.length ? { alternatives: entry.alternatives } : {}),
      ...(entry.easyLanguage ? { easyLanguage: entry.easyLanguage } : {}),
      ...(entry.contact ? { contact: entry.contact } : {}),
      ...(entry.validUntil ? { validUntil: entry.validUntil } : {}),
      ...(entry.modified ? { modified: entry.modified } : {}),
    };
  });
}

