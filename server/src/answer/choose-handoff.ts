import { passageUrl, type ContactRecord, type Passage } from '@auskunft/core';
import type { Contact, Handoff } from './answer.js';
import { configuredContactFor, contactFromText, type ConfiguredContact } from './configured-contacts.js';
import type { ContactDirectory, DirectoryContact } from './contact-directory.js';

export interface ChooseHandoffInput {
  /** The passages the answer cites, most important first; for a declined question, the ones nearest its topic. */
  citedPassages: readonly Pick<Passage, 'url' | 'anchor' | 'section' | 'kind' | 'contact' | 'contactRecord'>[];
  /** The editors' `contact` of the FAQ entry that answered; taken from a cited FAQ passage when absent. */
  faqEntryContact?: string | undefined;
  /** `handoff.contacts`, longest prefix first (parseConfiguredContacts). */
  config: readonly ConfiguredContact[];
  contacts: ContactDirectory;
  /** The configured or detected general contact page (resolveHandoff). */
  general: Handoff | null;
}

/**
 * Who the citizen is sent to when a person has to help, most specific first, for the first cited
 * passage that leads anywhere:
 * 1. the editors' mapping for its URL (`handoff.contacts`), which wins over anything crawled;
 * 2. the contact block of its section (for an editors' FAQ entry: the `contact` they wrote for
 *    it), else of its page, else of the nearest page above it;
 * then the `contact` of an FAQ entry given or cited; then the general contact.
 * The hand-off's link stays the general contact page where there is one ("all contacts"); the
 * chosen team is in `contact`.
 */
export function chooseHandoff(input: ChooseHandoffInput): Handoff | null {
  const { general } = input;
  for (const passage of input.citedPassages) {
    const configured = configuredContactFor(input.config, passage.url);
    if (configured) {
      const { url, ...details } = configured.contact;
      return withContact(general, { ...details, url: url ?? general?.url ?? passage.url, origin: 'config' });
    }
    if (passage.contactRecord) return withContact(general, fromRecord(passage.contactRecord, passageUrl(passage), passage.contactRecord.scope ? 'section' : 'page'));
    // An editors' FAQ entry is its own section: the contact they wrote for it is that section's.
    if (passage.kind === 'faq' && passage.contact) return withContact(general, { ...contactFromText(passage.contact), url: general?.url ?? passage.url, origin: 'faq' });
    const section = input.contacts.section(passage);
    if (section) return withContact(general, fromDirectory(section, 'section'));
    const page = input.contacts.page(passage.url);
    if (page) return withContact(general, fromDirectory(page, 'page'));
    const parent = input.contacts.parent(passage.url);
    if (parent) return withContact(general, fromDirectory(parent, 'parent'));
  }
  const faq = input.citedPassages.find((p) => p.kind === 'faq' && p.contact);
  const faqContact = input.faqEntryContact ?? faq?.contact;
  if (faqContact) return withContact(general, { ...contactFromText(faqContact), url: faq?.url ?? general?.url ?? input.citedPassages[0]?.url ?? '', origin: 'faq' });
  return general;
}

function withContact(general: Handoff | null, contact: Contact): Handoff {
  if (contact.origin === 'general' || !general) return { url: general?.url ?? contact.url, title: general?.title ?? contact.name, contact };
  return { ...general, contact };
}

function fromDirectory(found: DirectoryContact, origin: Contact['origin']): Contact {
  return fromRecord(found.record, found.url, origin);
}

function fromRecord(record: ContactRecord, url: string, origin: Contact['origin']): Contact {
  const { scope: _scope, ...details } = record;
  return { ...details, url, origin };
}

/**
 * The general hand-off with the contact details of the general contact page, where the crawl
 * found a contact block there (or JSON-LD): the fallback when nothing more specific is known.
 */
export function generalHandoff(general: Handoff | null, contacts: ContactDirectory): Handoff | null {
  if (!general || general.contact) return general;
  const found = contacts.page(general.url);
  return found ? { ...general, contact: fromDirectory(found, 'general') } : general;
}

/** chooseHandoff with the index's contacts and the settings bound: what an answer context carries. */
export type HandoffChooser = (citedPassages: readonly Passage[]) => Handoff | null;

export function handoffChooser(deps: { contacts: ContactDirectory; config: readonly ConfiguredContact[]; general: Handoff | null }): HandoffChooser {
  const general = generalHandoff(deps.general, deps.contacts);
  return (citedPassages) => chooseHandoff({ citedPassages, config: deps.config, contacts: deps.contacts, general });
}
