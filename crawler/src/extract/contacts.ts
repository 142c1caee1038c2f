import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { ContactRecord } from '@auskunft/core';
import { flattenJsonLd, jsonLdTypes, readJsonLd } from './json-ld.js';

/** A contact block found on a page, before the chunker knows which section it belongs to. */
export type ContactDetails = Omit<ContactRecord, 'scope'>;

export interface ContactBlock {
  kind: 'contact';
  contact: ContactDetails;
  /** The block's own heading ("Ihr Kontakt", level 3); it decides which section the block belongs to. */
  heading: { level: number; text: string; id: string | null } | null;
  /** True for blocks outside the main content (sidebar, JSON-LD): they are the whole page's contact. */
  pageLevel: boolean;
}

/** Headings of contact boxes on German authority pages. */
const CONTACT_HEADING = /^(?:ihr(?:e)?\s+)?(?:kontakt(?:e|person(?:en)?|daten)?|ansprechpartner(?:in|innen)?|ansprechperson(?:en)?|zuständig(?:keit|e stelle)?|so erreichen sie (?:uns|mich)|fragen\??\s*(?:wir helfen|rufen sie)|haben sie fragen)\b/i;
const HEADING_CANDIDATES = 'h2, h3, h4, h5, h6, strong, b, th, caption, dt, legend, p, span, div, header';
/** A contact box is short; a longer element is a whole section that merely mentions a phone number. */
const MAX_BLOCK_CHARS = 900;
const MAX_HEADING_CHARS = 70;
/** Site furniture: the footer's general address is not the contact of every page. */
const SITE_FURNITURE = 'header, footer, nav, [role="banner"], [role="contentinfo"], [role="navigation"], [role="search"]';
/** Regions inside the main content that the extractor drops; a box there is still the page's. */
const ASIDE = 'aside, [role="complementary"]';
const CONTENT_REGION = 'main, article, section, [role="main"], .frame, .ce-bodytext';
const SCHEMA_TYPES = /(?:^|\/)(ContactPoint|Organization|GovernmentOrganization|GovernmentOffice|LocalBusiness|Person|LocalGovernment|CivicStructure)$/;
/** The element a contact box in the main content is replaced with (see readContactPlaceholder). */
export const CONTACT_PLACEHOLDER = 'auskunft-contact';
const PLACEHOLDER = CONTACT_PLACEHOLDER;

const PHONE = /(?:\+49[\s\d/()-]{6,}\d|\(?0\d{2,5}\)?[\s/-]*\d[\d\s-]{2,}\d)/;
const PHONE_LABEL = /^(?:telefon|tel\.?|fon|phone|rufnummer|servicenummer|hotline)\b\s*:?\s*/i;
const FAX_LABEL = /^(?:fax|telefax)\b/i;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const EMAIL_LABEL = /^(?:e-?mail|mail)\b\s*:?\s*/i;
const HOURS_LABEL = /^(?:sprechzeiten|öffnungszeiten|servicezeiten|telefonzeiten|erreichbarkeit|telefonische erreichbarkeit|sprechstunden?|beratungszeiten)\b\s*:?\s*/i;
const WEEKDAY = /\b(?:mo(?:ntag)?|di(?:enstag)?|mi(?:ttwoch)?|do(?:nnerstag)?|fr(?:eitag)?|sa(?:mstag)?|so(?:nntag)?)\b\.?.*\d{1,2}(?:[.:]\d{2})?\s*(?:uhr|-|–|bis)/i;
const POSTCODE = /\b\d{5}\s+\p{Lu}/u;
const STREET = /(?:stra(?:ß|ss)e|str\.|weg|platz|allee|ring|gasse|ufer|kante|damm|markt)\s*\d+\s*[a-z]?\b|^(?:raum|zimmer|haus|gebäude|etage|postfach)\b/i;
const ADDRESS_LABEL = /^(?:anschrift|adresse|besucheranschrift|postanschrift|hausanschrift|dienstsitz)\b\s*:?\s*/i;
const PERSON = /(?:^|(?<=[,;–(]\s*))(?:Frau|Herr)\s+(?:(?:Dr|Prof)\.\s+)?\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+)*/u;

/**
 * Reads the contacts a page publishes and takes visible contact boxes out of its content, so
 * that their lines (phone numbers, opening hours) do not become the page's answer passages.
 *
 * Recognised: schema.org ContactPoint/Organization/Person in JSON-LD and microdata, hCards
 * (`vcard`, `h-card`), `<address>` blocks, and boxes headed "Kontakt", "Ansprechpartner(in)",
 * "Ihr Kontakt", "Zuständig" … that hold a phone number or e-mail address (TYPO3 content
 * elements, table layouts). Header, footer and navigation are skipped: the site-wide address
 * there is the general contact, not this page's.
 *
 * A box inside the main content is replaced by a placeholder that the extractor's walk turns
 * into a contact block in reading order (see `readContactPlaceholder`); every other contact is
 * returned as a page-level block. Call after JSON-LD has been read and before `<script>`s are
 * dropped, with the main region already found.
 */
export function takeContactBlocks($: CheerioAPI, root: Cheerio<AnyNode>, jsonLdContacts: readonly ContactDetails[] = []): ContactBlock[] {
  const pageLevel: ContactBlock[] = [];
  const rootEl = root.get(0);
  const seen = new Set<Element>();
  const take = (el: Element, contact: ContactDetails | null, heading: ContactBlock['heading']) => {
    if (!contact || overlaps(seen, el)) return;
    seen.add(el);
    const inMain = !!rootEl && rootEl !== el && contains(rootEl, el) && $(el).parentsUntil(rootEl as Element).filter(ASIDE).length === 0 && !$(el).is(ASIDE);
    const block: ContactBlock = { kind: 'contact', contact, heading, pageLevel: !inMain };
    if (inMain) $(el).replaceWith($(`<${PLACEHOLDER}>`).attr('data-contact', JSON.stringify(block)));
    else pageLevel.push(block);
  };

  // Structured markup first: it names its fields, so it beats reading lines.
  $('[itemscope][itemtype]').each((_, el) => {
    if (!SCHEMA_TYPES.test(($(el).attr('itemtype') ?? '').trim()) || isFurniture($, el)) return;
    if ($(el).parents('[itemscope][itemtype]').filter((_, p) => SCHEMA_TYPES.test($(p).attr('itemtype') ?? '')).length) return;
    take(el, readMicrodata($, el), boxHeading($, el));
  });
  $('.vcard, .h-card').each((_, el) => {
    if (isFurniture($, el)) return;
    take(el, readHCard($, el), boxHeading($, el));
  });
  $(HEADING_CANDIDATES).each((_, el) => {
    const text = collapse($(el).text());
    if (!text || text.length > MAX_HEADING_CHARS || !CONTACT_HEADING.test(text) || isFurniture($, el)) return;
    if (overlaps(seen, el)) return;
    const box = contactBox($, el, text);
    if (box) take(box, readLines($, box, text), boxHeading($, box));
  });
  $('address').each((_, el) => {
    if (isFurniture($, el) || overlaps(seen, el)) return;
    const details = readLines($, el, null);
    if (details && (details.phone || details.email)) take(el, details, null);
  });

  const jsonLd = jsonLdContacts.map((contact): ContactBlock => ({ kind: 'contact', contact, heading: null, pageLevel: true }));
  const all = [...pageLevel, ...jsonLd];
  // The same contact in JSON-LD and in a visible box is one contact.
  return all.filter((b, i) => !all.slice(0, i).some((a) => sameContact(a.contact, b.contact)) && !placedInMain($, root, b.contact));
}

/** Whether a heading introduces contact details ("Ihr Kontakt", "Ansprechpartnerin", "Zuständig"). */
export function isContactHeading(text: string): boolean {
  return text.length <= MAX_HEADING_CHARS && CONTACT_HEADING.test(text.trim());
}

/** The contact block a placeholder stands for, or null for any other element. */
export function readContactPlaceholder($: CheerioAPI, el: Element): ContactBlock | null {
  if (el.tagName.toLowerCase() !== PLACEHOLDER) return null;
  try {
    return JSON.parse($(el).attr('data-contact') ?? '') as ContactBlock;
  } catch {
    return null;
  }
}

function placedInMain($: CheerioAPI, root: Cheerio<AnyNode>, contact: ContactDetails): boolean {
  return root.find(PLACEHOLDER).toArray().some((el) => {
    const block = readContactPlaceholder($, el);
    return !!block && sameContact(block.contact, contact);
  });
}

function sameContact(a: ContactDetails, b: ContactDetails): boolean {
  const digits = (s?: string) => (s ?? '').replace(/\D/g, '').replace(/^49/, '0');
  if (a.phone && b.phone) return digits(a.phone) === digits(b.phone);
  if (a.email && b.email) return a.email.toLowerCase() === b.email.toLowerCase();
  return false;
}

/** In the site's header, footer or navigation; a content element's own <header> (TYPO3 frames) does not count. */
function isFurniture($: CheerioAPI, el: Element): boolean {
  const region = $(el).closest(SITE_FURNITURE);
  if (!region.length) return false;
  const tag = (region.get(0) as Element).tagName.toLowerCase();
  if ((tag === 'header' || tag === 'footer') && region.parent().closest(CONTENT_REGION).length) return isFurniture($, region.parent().get(0) as Element);
  return true;
}

function overlaps(seen: ReadonlySet<Element>, el: Element): boolean {
  return [...seen].some((s) => s === el || contains(s, el) || contains(el, s));
}

function contains(ancestor: AnyNode, node: AnyNode): boolean {
  for (let p = node.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

/**
 * The element that holds a contact heading and its details: the nearest ancestor that starts with
 * the heading and holds a phone number or e-mail address, as long as it stays a short box without
 * other headings (a longer one is a section that happens to mention a number).
 */
function contactBox($: CheerioAPI, heading: Element, headingText: string): Element | null {
  for (let el = heading.parent; el && el.type === 'tag'; el = el.parent) {
    const tag = (el as Element).tagName.toLowerCase();
    if (tag === 'body' || tag === 'html' || tag === 'main' || tag === 'tr' || tag === 'thead' || tag === 'tbody') continue;
    const $el = $(el as Element);
    const text = collapse($el.text());
    if (text.length > MAX_BLOCK_CHARS || !text.startsWith(headingText)) return null;
    const otherHeadings = $el.find('h1, h2, h3, h4, h5, h6').filter((_, h) => h !== heading && !contains(heading, h) && !CONTACT_HEADING.test(collapse($(h).text())));
    if (otherHeadings.length) return null;
    if ($el.find('a[href^="tel:"], a[href^="mailto:"]').length || PHONE.test(text.slice(headingText.length)) || EMAIL.test(text)) return el as Element;
  }
  return null;
}

/** The heading a box starts with, for deciding which section it belongs to. */
function boxHeading($: CheerioAPI, box: Element): ContactBlock['heading'] {
  const h = $(box).find('h1, h2, h3, h4, h5, h6').first();
  if (!h.length) return null;
  const text = collapse(h.text());
  if (!text || !collapse($(box).text()).startsWith(text)) return null;
  return { level: Number(h.get(0)!.tagName.slice(1)), text, id: h.attr('id') ?? null };
}

/**
 * A box's lines (line breaks, block elements, table rows), sorted into name, person, phone,
 * e-mail, address and hours. `tel:` and `mailto:` links give phone and e-mail when present.
 */
function readLines($: CheerioAPI, box: Element, headingText: string | null): ContactDetails | null {
  const lines = textLines($, box);
  if (headingText && lines[0] && collapse(lines[0]).startsWith(headingText)) {
    const rest = collapse(lines[0]).slice(headingText.length).replace(/^[\s:–-]+/, '');
    lines[0] = rest;
  }
  const telLink = $(box).find('a[href^="tel:"]').first();
  const mailLink = $(box).find('a[href^="mailto:"]').first();
  let phone = telLink.length ? collapse(telLink.text()) || decodeURIComponent(telLink.attr('href')!.slice(4)) : undefined;
  let email = mailLink.length ? mailAddress(mailLink.attr('href')!) ?? collapse(mailLink.text()) : undefined;
  let person: string | undefined;
  const names: string[] = [];
  const address: string[] = [];
  const hours: string[] = [];
  let inHours = false;
  for (const raw of lines) {
    const line = collapse(raw);
    if (!line) continue;
    if (FAX_LABEL.test(line)) continue;
    if (HOURS_LABEL.test(line)) {
      inHours = true;
      const rest = line.replace(HOURS_LABEL, '');
      if (rest) hours.push(rest);
      continue;
    }
    if (PHONE_LABEL.test(line) || (!phone && PHONE.test(line) && !POSTCODE.test(line) && !WEEKDAY.test(line))) {
      inHours = false;
      const found = PHONE.exec(line);
      phone ??= found?.[0].trim();
      // "Team Budget für Arbeit, Telefon 0221 555-3080": the words before the number name the team.
      const before = found ? line.slice(0, found.index).replace(/[\s,;:–-]*(?:telefon|tel\.?|fon|unter)?[\s:]*$/i, '') : '';
      if (before && !PHONE_LABEL.test(line)) names.push(before);
      continue;
    }
    if (EMAIL_LABEL.test(line) || EMAIL.test(line)) {
      inHours = false;
      email ??= EMAIL.exec(line)?.[0];
      continue;
    }
    if (WEEKDAY.test(line) || (inHours && /\b(?:uhr|nach vereinbarung|termin)\b/i.test(line))) {
      hours.push(line);
      continue;
    }
    inHours = false;
    if (ADDRESS_LABEL.test(line) || POSTCODE.test(line) || STREET.test(line)) {
      const rest = line.replace(ADDRESS_LABEL, '');
      if (rest) address.push(rest);
      continue;
    }
    const who = PERSON.exec(line);
    if (who && !person) {
      person = who[0];
      const role = (line.slice(0, who.index) + ' ' + line.slice(who.index + who[0].length)).replace(/[()]/g, '').replace(/^[\s,:–-]+|[\s,:–-]+$/g, '').trim();
      if (role) names.push(role);
      continue;
    }
    if (/^(?:(?:persönlich|telefonisch|montags?|nur)\b|nach vereinbarung)/i.test(line) || /^[(\[]/.test(line)) continue;
    names.push(line);
  }
  if (!phone && !email) return null;
  const name = names[0] ?? (headingText && !/^(?:ihr(?:e)?\s+)?(?:kontakt|ansprech)/i.test(headingText) ? headingText : undefined) ?? person ?? headingText ?? 'Kontakt';
  return compact({
    name: name.replace(/:$/, ''),
    person: person && person !== name ? person : undefined,
    phone,
    email,
    address: address.join(', ') || undefined,
    hours: hours.join(', ') || undefined,
  });
}

const LINE_BREAKING = new Set(['p', 'div', 'li', 'tr', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'section', 'header', 'footer', 'table', 'ul', 'ol', 'dl', 'article', 'aside', 'caption', 'figure']);
/** A label and its value written as separate elements ("<dt>Telefon</dt><dd>0221 …</dd>", table cells) read as one line. */
const SAME_LINE = new Set(['td', 'th', 'dd']);

/** Text split where the page breaks lines: <br>, block elements and table rows. */
function textLines($: CheerioAPI, box: Element): string[] {
  const lines: string[] = [''];
  const visit = (node: AnyNode) => {
    if (node.type === 'text') {
      lines[lines.length - 1] += node.data;
      return;
    }
    if (node.type !== 'tag') return;
    const el = node as Element;
    const tag = el.tagName.toLowerCase();
    if (tag === 'script' || tag === 'style') return;
    const breaks = LINE_BREAKING.has(tag);
    if (breaks || tag === 'dt') lines.push('');
    if (SAME_LINE.has(tag)) lines[lines.length - 1] += ' ';
    for (const child of el.children) visit(child);
    if (breaks) lines.push('');
  };
  visit(box);
  return lines.map(collapse).filter(Boolean);
}

function readMicrodata($: CheerioAPI, el: Element): ContactDetails | null {
  const own = (prop: string) => {
    const found = $(el).find(`[itemprop~="${prop}"]`).filter((_, p) => nearestScope($, p) === el).first();
    if (!found.length) return undefined;
    const text = collapse(textLines($, found.get(0)!).join(', '));
    const href = found.attr('href') ?? '';
    const value = found.attr('content') ?? found.attr('datetime') ?? (text || href.replace(/^(?:tel|mailto):/, ''));
    return value || undefined;
  };
  const type = /(\w+)$/.exec($(el).attr('itemtype') ?? '')?.[1] ?? '';
  const rawAddress = own('address');
  const hours = own('openingHours') ?? own('hoursAvailable');
  const email = own('email')?.replace(/^mailto:/, '');
  const phone = own('telephone');
  const contactType = own('contactType');
  const jobTitle = own('jobTitle');
  const ownName = own('name');
  const pointEl = $(el).find('[itemscope][itemprop~="contactPoint"]').get(0);
  const point = pointEl ? readMicrodata($, pointEl) : null;
  if (!phone && !email) return point ? { ...point, ...(rawAddress && !point.address ? { address: rawAddress } : {}) } : null;
  const person = type === 'Person' ? ownName : undefined;
  const name = type === 'Person' ? jobTitle ?? own('worksFor') ?? ownName : ownName ?? contactType;
  return compact({ name: name ?? 'Kontakt', person: person !== name ? person : undefined, phone, email, address: rawAddress, hours });
}

function nearestScope($: CheerioAPI, el: Element): Element | undefined {
  const parents = $(el).parents('[itemscope]');
  // A property on an itemscope element of its own (an embedded PostalAddress) belongs to the outer scope.
  return parents.get(0);
}

function readHCard($: CheerioAPI, el: Element): ContactDetails | null {
  const text = (selector: string) => {
    const found = $(el).find(selector).first();
    if (!found.length) return undefined;
    const href = found.attr('href');
    const value = collapse(found.text()) || (href ? href.replace(/^(?:tel|mailto):/, '') : '');
    return value || undefined;
  };
  const phone = text('.tel .value, .tel, .p-tel');
  const email = text('.email .value, .email, .u-email')?.replace(/^mailto:/, '');
  if (!phone && !email) return null;
  const adr = $(el).find('.adr, .h-adr, .p-adr').first();
  const address = adr.length ? textLines($, adr.get(0)!).join(', ') : undefined;
  const person = text('.fn, .p-name');
  const org = text('.org, .p-org');
  const role = text('.role, .title, .p-job-title, .p-role');
  const name = role ?? org ?? person ?? 'Kontakt';
  return compact({ name, person: person && person !== name ? person : undefined, phone, email, address, hours: text('.hours, .opening-hours') });
}

/** Contacts in schema.org JSON-LD; read before the extractor drops `<script>` elements. */
export function readJsonLdContacts($: CheerioAPI): ContactDetails[] {
  const out: ContactDetails[] = [];
  for (const node of readJsonLd($)) {
    const type = jsonLdTypes(node).find((t) => SCHEMA_TYPES.test(t));
    if (!type) continue;
    const read = (n: Record<string, unknown>, fallbackName?: string, fallbackAddress?: string): ContactDetails | null => {
      const phone = plain(n['telephone']);
      const email = plain(n['email']).replace(/^mailto:/, '');
      if (!phone && !email) return null;
      const isPerson = jsonLdTypes(n).includes('Person');
      const personName = isPerson ? plain(n['name']) : '';
      const name = isPerson ? plain(n['jobTitle']) || nameOf(n['worksFor']) || personName : plain(n['name']) || plain(n['contactType']) || fallbackName || 'Kontakt';
      return compact({
        name,
        person: personName && personName !== name ? personName : undefined,
        phone: phone || undefined,
        email: email || undefined,
        address: postalAddress(n['address']) || fallbackAddress,
        hours: openingHours(n['openingHours'] ?? n['hoursAvailable'] ?? n['openingHoursSpecification']) || undefined,
      });
    };
    const own = read(node);
    const orgName = plain(node['name']) || undefined;
    const orgAddress = postalAddress(node['address']) || undefined;
    const points = flattenJsonLd(node['contactPoint']).map((cp) => read(cp, orgName, orgAddress)).filter((c): c is ContactDetails => !!c);
    if (own) out.push(own);
    out.push(...points);
  }
  return out;
}

function plain(value: unknown): string {
  if (Array.isArray(value)) return plain(value[0]);
  return typeof value === 'string' || typeof value === 'number' ? collapse(String(value)) : '';
}

function nameOf(value: unknown): string {
  return flattenJsonLd(value).map((v) => plain(v['name'])).find(Boolean) ?? '';
}

function postalAddress(value: unknown): string {
  if (typeof value === 'string') return collapse(value);
  const a = flattenJsonLd(value)[0];
  if (!a) return '';
  const locality = [plain(a['postalCode']), plain(a['addressLocality'])].filter(Boolean).join(' ');
  return [plain(a['name']), plain(a['streetAddress']), locality].filter(Boolean).join(', ');
}

const DAYS: Record<string, string> = { Mo: 'Mo', Tu: 'Di', We: 'Mi', Th: 'Do', Fr: 'Fr', Sa: 'Sa', Su: 'So', Monday: 'Mo', Tuesday: 'Di', Wednesday: 'Mi', Thursday: 'Do', Friday: 'Fr', Saturday: 'Sa', Sunday: 'So' };

/** schema.org opening hours ("Mo-Th 08:00-16:00" or OpeningHoursSpecification) in German notation. */
function openingHours(value: unknown): string {
  const parts: string[] = [];
  for (const v of Array.isArray(value) ? value : [value]) {
    if (typeof v === 'string') {
      parts.push(v.replace(/\b(Mo|Tu|We|Th|Fr|Sa|Su)\b/g, (d) => DAYS[d]!).replace(/(\d{2}:\d{2})-(\d{2}:\d{2})/g, '$1–$2 Uhr'));
    } else if (typeof v === 'object' && v !== null) {
      for (const spec of flattenJsonLd(v)) {
        const days = (Array.isArray(spec['dayOfWeek']) ? spec['dayOfWeek'] : [spec['dayOfWeek']]).map((d) => DAYS[String(d ?? '').replace(/^.*\//, '')] ?? '').filter(Boolean);
        const opens = plain(spec['opens']).slice(0, 5);
        const closes = plain(spec['closes']).slice(0, 5);
        if (days.length && opens && closes) parts.push(`${days.length > 2 ? `${days[0]}–${days.at(-1)}` : days.join(', ')} ${opens}–${closes} Uhr`);
      }
    }
  }
  return parts.filter(Boolean).join(', ');
}

function mailAddress(href: string): string | undefined {
  try {
    const address = decodeURIComponent(href.slice('mailto:'.length).split('?')[0]!).trim();
    return EMAIL.test(address) ? address : undefined;
  } catch {
    return undefined;
  }
}

function compact(details: { [K in keyof ContactDetails]: ContactDetails[K] | undefined }): ContactDetails {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(details)) if (value) out[key] = collapse(value);
  return out as unknown as ContactDetails;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
