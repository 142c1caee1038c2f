import { z } from 'zod';
import type { Contact } from './answer.js';

/** A contact the editors assigned to every page under a URL prefix (`handoff.contacts`). */
export interface ConfiguredContact {
  /** A path ("/inklusionsamt/kraftfahrzeughilfe/") or a full URL prefix. */
  prefix: string;
  contact: Omit<Contact, 'origin' | 'url'> & { url?: string };
}

const text = z.string().trim().min(1).max(300);
const details = z.strictObject({
  name: text,
  person: text.optional(),
  phone: text.optional(),
  email: text.optional(),
  address: text.optional(),
  hours: text.optional(),
  url: z.url({ protocol: /^https?$/ }).optional(),
});
const prefix = z.string().trim().refine((p) => p.startsWith('/') || /^https?:\/\/[^/]+/.test(p), 'muss mit "/" oder "https://" beginnen');
/** "Team Kraftfahrzeughilfe, 0221 555-3045" is as good as the object form. */
const entryValue = z.union([text, details]);
const mapping = z.union([
  z.record(prefix, entryValue),
  z.array(details.extend({ prefix })),
]);

const FIELDS = ['name', 'person', 'phone', 'email', 'address', 'hours', 'url'];

/**
 * Why a `handoff.contacts` value cannot be used (German, for the editors who write it), or null.
 * Accepted: `{"/pfad/": "Team, Telefon"}`, `{"/pfad/": {"name": …, "phone": …}}`, or an array of
 * such objects with a `prefix`.
 */
export function checkConfiguredContacts(value: unknown): string | null {
  const problem = firstProblem(value);
  return problem && `handoff.contacts ist ungültig ${problem}. Erwartet wird z. B. {"/inklusionsamt/kraftfahrzeughilfe/": {"name": "Team Kraftfahrzeughilfe", "phone": "0221 555-3045"}}.`;
}

function firstProblem(value: unknown): string | null {
  const entries: Array<[string, string, unknown]> = Array.isArray(value)
    ? value.map((v, i) => [`beim ${i + 1}. Eintrag`, typeof v === 'object' && v !== null ? String((v as Record<string, unknown>)['prefix'] ?? '') : '', v])
    : Object.entries(value as Record<string, unknown>).map(([k, v]) => [`bei ${k}`, k, v]);
  for (const [where, key, entry] of entries) {
    if (!prefix.safeParse(key).success) return `${where}: der Pfad „${key}“ muss mit "/" oder "https://" beginnen`;
    if (typeof entry === 'string') {
      if (!text.safeParse(entry).success) return `${where}: der Kontakt ist leer oder länger als 300 Zeichen`;
      continue;
    }
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return `${where}: erwartet wird ein Text oder ein Objekt mit "name"`;
    const fields = Object.entries(entry as Record<string, unknown>).filter(([k]) => !(Array.isArray(value) && k === 'prefix'));
    const unknown = fields.find(([k]) => !FIELDS.includes(k));
    if (unknown) return `${where}: unbekanntes Feld „${unknown[0]}“ (erlaubt: ${FIELDS.join(', ')})`;
    if (!fields.some(([k]) => k === 'name')) return `${where}: „name“ fehlt`;
    for (const [k, v] of fields) {
      const ok = k === 'url' ? details.shape.url.safeParse(v).success : text.safeParse(v).success;
      if (!ok) return `${where}: „${k}“ ${k === 'url' ? 'ist keine http(s)-Adresse' : 'ist leer, kein Text oder länger als 300 Zeichen'}`;
    }
  }
  return null;
}

/** The checked setting as a list, longest prefix first (the most specific mapping wins). */
export function parseConfiguredContacts(value: unknown): ConfiguredContact[] {
  if (value === undefined || value === null) return [];
  const parsed = mapping.parse(value);
  const entries: ConfiguredContact[] = Array.isArray(parsed)
    ? parsed.map(({ prefix: p, ...contact }) => ({ prefix: p, contact: withoutEmpty(contact) }))
    : Object.entries(parsed).map(([p, v]) => ({ prefix: p.trim(), contact: typeof v === 'string' ? contactFromText(v) : withoutEmpty(v) }));
  return entries.sort((a, b) => b.prefix.length - a.prefix.length);
}

/** The configured contact for a page URL, if a prefix covers it. */
export function configuredContactFor(contacts: readonly ConfiguredContact[], url: string): ConfiguredContact | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  return contacts.find((c) => (c.prefix.startsWith('/') ? path.startsWith(c.prefix) || `${path}/` === c.prefix : url.startsWith(c.prefix)));
}

const PHONE = /(?:\+49|\(?0\d{2,5}\)?)[\d\s/()-]{3,}\d/;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;

/**
 * A contact written as one line ("Frau Beispiel, 0221 555-123, beispiel@amt.example"), as the
 * editors write it in FAQ files and in `handoff.contacts`: the phone number and e-mail address
 * are recognised, the rest is the name.
 */
export function contactFromText(line: string): ConfiguredContact['contact'] {
  const phone = PHONE.exec(line)?.[0].trim();
  const email = EMAIL.exec(line)?.[0];
  let name = line;
  for (const part of [phone, email]) if (part) name = name.replace(part, '');
  name = name.replace(/\b(?:Telefon|Tel\.|E-Mail|Mail)\s*:?/gi, '').replace(/[\s,;:–-]+$|^[\s,;:–-]+/g, '').replace(/\s*,\s*,\s*/g, ', ').trim();
  return withoutEmpty({ name: name || line.trim(), phone, email });
}

function withoutEmpty<T extends Record<string, string | undefined>>(obj: T): { [K in keyof T]: Exclude<T[K], undefined> } & { name: string } {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined && v !== '')) as never;
}
