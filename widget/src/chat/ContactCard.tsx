import type { Contact } from '../api/chat';
import { safeUrl } from '../text/url';
import type { ChatStrings } from './i18n';

/** `tel:` with digits only ("+49 (0)221 555-0" → "+492215550"), or null when it is no number. */
export function telHref(phone: string): string | null {
  const digits = phone.replace(/\(0\)/g, '').replace(/[^\d+]/g, '');
  return /^\+?\d{3,}$/.test(digits) ? `tel:${digits}` : null;
}

/** `mailto:` for a plain address; anything else (several addresses, parameters) stays text. */
export function mailHref(email: string): string | null {
  return /^[^\s@<>"?&]+@[^\s@<>"?&]+\.[a-z]{2,}$/i.test(email) ? `mailto:${email}` : null;
}

interface Props {
  contact: Contact;
  /** The general contact page (the hand-off's URL). */
  allUrl: string;
  apiBase: string;
  strings: ChatStrings;
  /** False where the name is already shown (the hand-off bar's summary). */
  named?: boolean;
}

/**
 * The people who can help, as the authority publishes them: name, phone (a tel: link, so a
 * phone dials it), e-mail (mailto:), address, opening hours, and the page with all contacts.
 * A description list, so screen readers say what each line is. The contact comes from the
 * server's configuration or the editors' FAQ, never from model output; its links are only
 * http(s), tel: and mailto:.
 */
export function ContactCard({ contact, allUrl, apiBase, strings, named = true }: Props) {
  const page = safeUrl(contact.url, apiBase);
  const all = safeUrl(allUrl, apiBase) ?? page;
  const tel = contact.phone ? telHref(contact.phone) : null;
  const mail = contact.email ? mailHref(contact.email) : null;
  const rows: Array<[string, string | undefined, string | null]> = [
    [strings.contactPhone, contact.phone, tel],
    [strings.contactEmail, contact.email, mail],
    [strings.contactAddress, contact.address, null],
    [strings.contactHours, contact.hours, null],
  ];
  return (
    <div class="contact">
      {named && <p class="contact-name">{page && page !== all ? <a href={page}>{contact.name}</a> : contact.name}</p>}
      <dl>
        {rows.map(([label, value, href]) =>
          value ? (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{href ? <a href={href}>{value}</a> : value}</dd>
            </div>
          ) : null,
        )}
      </dl>
      {all && <a class="contact-all" href={all}>{strings.contactAll}</a>}
    </div>
  );
}
