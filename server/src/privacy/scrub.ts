import { PERSONAL_DATA_KINDS, PLACEHOLDERS, type PersonalDataKind } from './personal-data-kinds.js';

/**
 * Removes personal data from a citizen's text before anything is logged, stored or sent to a
 * language model or embedding endpoint (GDPR Art. 5(1)(c), DSK Orientierungshilfe KI 2024). Each
 * match is replaced by a neutral placeholder, so editors still see what kind of question it was.
 *
 * Pattern-based on purpose: it must run in every runtime, instantly, without a model. The kinds
 * and their order are in personal-data-kinds.ts (linear time is argued there).
 */
export type Scrubber = (text: string) => string;

export interface ScrubberOptions {
  /**
   * Phone numbers and e-mail addresses that are the authority's own (see `collectPublicContacts`):
   * a citizen quoting the hotline from the website gives away nothing about themselves.
   */
  publicContacts?: ReadonlySet<string>;
}

/** Comparable form of a phone number ("+49 221 809-0" = "0221 8090") or e-mail address. */
export function contactKey(kind: 'phone' | 'email', text: string): string {
  if (kind === 'email') return `email:${text.toLowerCase()}`;
  let digits = text.replace(/\(0\)/g, '').replace(/\D/g, '');
  if (text.trim().startsWith('+')) digits = `00${digits}`;
  if (digits.startsWith('0049')) digits = `0${digits.slice(4)}`;
  return `phone:${digits}`;
}

/** Phone numbers and e-mail addresses published in the given texts (the indexed pages). */
export function collectPublicContacts(texts: Iterable<string>): Set<string> {
  const found = new Set<string>();
  const kinds = PERSONAL_DATA_KINDS.filter((k) => k.publicContact);
  for (const text of texts) {
    for (const kind of kinds) {
      for (const match of text.matchAll(kind.pattern)) {
        const replaced = typeof kind.replace === 'string' ? kind.replace : kind.replace(match[0], ...(match.slice(1) as string[]));
        if (replaced !== match[0]) found.add(contactKey(kind.publicContact!, match[0]));
      }
    }
  }
  return found;
}

export function createScrubber(options: ScrubberOptions = {}): Scrubber {
  const allowed = options.publicContacts;
  const rules = PERSONAL_DATA_KINDS.map((kind): [RegExp, (match: string, ...rest: unknown[]) => string] => [kind.pattern, replacerFor(kind, allowed)]);
  return (text) => {
    let out = text;
    for (const [pattern, replace] of rules) out = out.replace(pattern, replace);
    return out;
  };
}

function replacerFor(kind: PersonalDataKind, allowed: ReadonlySet<string> | undefined) {
  return (match: string, ...rest: unknown[]): string => {
    if (kind.publicContact && allowed?.has(contactKey(kind.publicContact, match))) return match;
    // String.replace passes the groups, then the offset and the whole input (no named groups here).
    const groups = rest.slice(0, -2) as Array<string | undefined>;
    if (typeof kind.replace !== 'string') return kind.replace(match, ...(groups as string[]));
    return kind.replace.replace(/\$(\d)/g, (_, n: string) => groups[Number(n) - 1] ?? '');
  };
}

const defaultScrubber = createScrubber();

/** Returns the text with personal data replaced by placeholders such as "[E-Mail]". */
export function scrubPersonalData(text: string): string {
  return defaultScrubber(text);
}

const PLACEHOLDER = new RegExp(`\\[(?:${PLACEHOLDERS.join('|')})\\]`, 'g');

/** Scrubbed text without its placeholders, for retrieval: "[E-Mail]" is no word to search for. */
export function withoutPlaceholders(scrubbed: string): string {
  return scrubbed.replace(PLACEHOLDER, ' ').replace(/\s{2,}/g, ' ').trim();
}
