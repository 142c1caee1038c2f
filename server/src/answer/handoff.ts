import type { Passage } from '@auskunft/core';
import type { Handoff } from './answer.js';

/**
 * The human contact the chat points to when it cannot answer: the configured one, else the
 * indexed page that is evidently the contact page (title or path says "Kontakt").
 */
export function resolveHandoff(passages: readonly Passage[], contactUrl?: string, contactLabel?: string): Handoff | null {
  if (contactUrl) {
    const page = passages.find((p) => p.url === contactUrl);
    return { url: contactUrl, title: contactLabel ?? page?.title ?? 'Kontakt' };
  }
  const byTitle = passages.find((p) => /\bkontakt/i.test(p.title));
  const byPath = passages.find((p) => /\/kontakt/i.test(new URL(p.url).pathname));
  const page = byTitle ?? byPath;
  return page ? { url: page.url, title: contactLabel ?? page.title } : null;
}
