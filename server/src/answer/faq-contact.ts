import type { Passage } from '@auskunft/core';
import type { Handoff } from './answer.js';

const PHONE = /(?:\+49|0)[\d\s/()-]{5,}\d/;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;

/**
 * The hand-off for an editors' FAQ entry: the people its `contact` names ("Team
 * Kraftfahrzeughilfe, Telefon 0221 555-3045"), on top of the general contact page. The editors
 * wrote that contact for exactly this topic, so it is more useful than the general one.
 */
export function faqHandoff(passage: Passage, general: Handoff | null): Handoff | null {
  const text = passage.contact?.trim();
  if (!text) return general;
  const phone = PHONE.exec(text)?.[0].trim();
  const email = EMAIL.exec(text)?.[0];
  const name = text.split(/,|;|\b(?:Telefon|Tel\.|E-Mail|Mail)\b/i)[0]!.trim() || text;
  const url = general?.url ?? passage.url;
  return {
    url,
    title: general?.title ?? name,
    contact: { name, ...(phone ? { phone } : {}), ...(email ? { email } : {}), url, origin: 'faq' },
  };
}
