/**
 * A contact block as an authority page publishes it ("Ihr Kontakt", "Ansprechpartner", a
 * schema.org ContactPoint): the team or role, and the ways to reach it. Only what the page shows
 * is kept; a staff member's name only where the page itself names them.
 */
export interface ContactRecord {
  /** Team, office or role, e.g. "Team Kraftfahrzeughilfe". */
  name: string;
  /** A named person, where the page shows one (e.g. "Frau Aylin Demir"). */
  person?: string;
  phone?: string;
  email?: string;
  address?: string;
  /** Opening or telephone hours as written on the page. */
  hours?: string;
  /**
   * Heading trail of the section the block belongs to ("Kündigung › Ablauf"); null when it is
   * the contact for the whole page (a sidebar box, JSON-LD, or a "Kontakt" section of its own).
   */
  scope: string | null;
}

/**
 * The contact as one short searchable sentence, so "Telefonnummer Kraftfahrzeughilfe" finds it
 * and an extractive answer quoting it gives every way to reach the team at once.
 */
export function contactText(contact: Omit<ContactRecord, 'scope'>): string {
  const who = contact.person ? `${contact.name} (${contact.person})` : contact.name;
  const ways = [contact.phone && `Telefon ${contact.phone}`, contact.email && `E-Mail ${contact.email}`].filter(Boolean).join(', ');
  const parts = [ways, contact.address && `Anschrift: ${contact.address}`, contact.hours && `erreichbar ${contact.hours}`].filter(Boolean);
  return `${who}: ${parts.join('; ')}.`.replace(/\.\.$/, '.');
}
