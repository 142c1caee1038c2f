/**
 * Removes personal data from a citizen's text before anything is logged, stored or sent to a
 * language model (GDPR Art. 5(1)(c), DSK Orientierungshilfe KI 2024). Each match is replaced by
 * a neutral placeholder, so editors still see what kind of question it was.
 *
 * Pattern-based on purpose: it must run in every runtime, instantly, without a model. Order
 * matters: IBANs and e-mail addresses before phone numbers (they contain digit runs), dates
 * before file numbers.
 */
const RULES: Array<[RegExp, string]> = [
  // E-mail addresses.
  [/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu, '[E-Mail]'],
  // IBAN: two letters, two check digits, 11–30 alphanumerics, optionally grouped by spaces.
  [/\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}\b/g, '[IBAN]'],
  // Dates (birth dates among them): 1.2.1980, 01.02.80, 1980-02-01, "1. Februar 1980".
  [/\b\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)?\d{2}\b/g, '[Datum]'],
  [/\b(?:19|20)\d{2}-\d{2}-\d{2}\b/g, '[Datum]'],
  [/\b\d{1,2}\.\s?(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\s+(?:19|20)\d{2}\b/gi, '[Datum]'],
  // Phone numbers: +49 / 0 prefix, then digits with spaces, slashes or dashes (at least 6 digits).
  [/(?:\+|00)\d{1,3}[\s/-]?(?:\(0\)\s?)?\d[\d\s/-]{5,}\d|\b0\d{2,5}\s?[/-]?\s?\d[\d\s-]{3,}\d\b/g, '[Telefon]'],
  // File numbers (Aktenzeichen, Kundennummer …) introduced by their label.
  [/\b(?:Aktenzeichen|Az\.?|Geschäftszeichen|Kundennummer|Kunden-Nr\.?|Versichertennummer|Personalnummer|Vorgangsnummer|Ausweisnummer)\s*:?\s*[\p{L}\p{N}./-]*\d[\p{L}\p{N}./-]*/giu, '[Aktenzeichen]'],
  // Street addresses: "Musterstraße 12a", "Am Hafen 3", "Hauptstr. 5".
  [/\b[\p{Lu}][\p{L}-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer)\s+\d+\s?[a-z]?\b/gu, '[Adresse]'],
  // Postcode + town.
  [/\b\d{5}\s+[\p{Lu}][\p{L}-]+/gu, '[Ort]'],
  // Names introduced as names: "ich heiße …", "mein Name ist …", "Herr/Frau …".
  [/\b(ich heiße|ich heisse|mein Name ist|mein Name lautet|Name:)\s+[\p{Lu}][\p{L}-]+(?:\s+[\p{Lu}][\p{L}-]+)?/giu, '$1 [Name]'],
  [/\b(Herr|Herrn|Frau|Dr\.)\s+[\p{Lu}][\p{L}-]+(?:\s+[\p{Lu}][\p{L}-]+)?/gu, '$1 [Name]'],
  // Long digit runs that survived (tax ids, insurance numbers …).
  [/\b\d{8,}\b/g, '[Nummer]'],
];

/** Returns the text with personal data replaced by placeholders such as "[E-Mail]". */
export function scrubPersonalData(text: string): string {
  let out = text;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}

const PLACEHOLDER = /\[(?:E-Mail|IBAN|Datum|Telefon|Aktenzeichen|Adresse|Ort|Name|Nummer)\]/g;

/** Scrubbed text without its placeholders, for retrieval: "[E-Mail]" is no word to search for. */
export function withoutPlaceholders(scrubbed: string): string {
  return scrubbed.replace(PLACEHOLDER, ' ').replace(/\s{2,}/g, ' ').trim();
}
