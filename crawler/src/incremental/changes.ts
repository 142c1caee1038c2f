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
