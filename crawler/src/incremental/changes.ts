import type { Passage } from '@auskunft/core';
import type { CollectedDocument } from '../read/read-document.js';
import type { PreviousIndex } from './previous-index.js';

/** Documents of this crawl compared with the previous version, for the report. */
export function compareWithPrevious(documents: readonly CollectedDocument[], previous: PreviousIndex | null): { added: number; changed: number; unchanged: number; kept: number } {
  const counts = { added: 0, changed: 0, unchanged: 0, kept: 0 };
  for (const document of documents) {
    const before = previous?.passagesOf(document.url);
    if (document.keptFrom) counts.kept++;
    else if (!before) counts.added++;
    else if (document.notModified || sameText(before, document.passages)) counts.unchanged++;
    else counts.changed++;
  }
  return counts;
}

function sameText(a: ReadonlyArray<Pick<Passage, 'text' | 'section'>>, b: ReadonlyArray<Pick<Passage, 'text' | 'section'>>): boolean {
  return a.length === b.length && a.every((p, i) => p.text === b[i]!.text && p.section === b[i]!.section);
}

type FaqFields = Pick<Passage, 'url' | 'anchor' | 'section' | 'text' | 'alternatives' | 'easyLanguage' | 'contact' | 'validUntil' | 'lang'>;

/**
 * The editors' FAQ entries compared with the previous version: an entry is the same entry when
 * its source and question are; it changed when anything a citizen sees or a search matches did.
 */
export function compareFaqFiles(entries: readonly FaqFields[], previous: PreviousIndex | null): { added: number; changed: number; unchanged: number; removed: number } {
  const key = (p: FaqFields) => `${p.url}#${p.anchor ?? ''}\u0000${p.section ?? ''}`;
  const content = (p: FaqFields) => JSON.stringify([p.text, p.alternatives ?? [], p.easyLanguage ?? null, p.contact ?? null, p.validUntil ?? null, p.lang]);
  const before = new Map((previous?.faqFilePassages() ?? []).map((p) => [key(p), content(p)]));
  const counts = { added: 0, changed: 0, unchanged: 0, removed: 0 };
  const seen = new Set<string>();
  for (const entry of entries) {
    const k = key(entry);
    seen.add(k);
    const old = before.get(k);
    if (old === undefined) counts.added++;
    else if (old === content(entry)) counts.unchanged++;
    else counts.changed++;
  }
  counts.removed = [...before.keys()].filter((k) => !seen.has(k)).length;
  return counts;
}
