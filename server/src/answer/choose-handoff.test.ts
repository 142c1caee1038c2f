import { resolveSettings, type Passage } from '@auskunft/core';
import { describe, expect, it } from 'vitest';
import { serverSettings } from '../config.js';
import { chooseHandoff } from './choose-handoff.js';
import { parseConfiguredContacts } from './configured-contacts.js';
import { createContactDirectory } from './contact-directory.js';

const SITE = 'https://www.lv-mittelrhein-ruhr.example';
let nextId = 0;
function passage(path: string, fields: Partial<Passage> = {}): Passage {
  return { id: nextId++, url: `${SITE}${path}`, anchor: null, title: 'Seite', section: null, text: 'Text.', lang: 'de', kind: 'section', ...fields };
}

const general = { url: `${SITE}/kontakt/`, title: 'Kontakt und Öffnungszeiten' };
const kfzTeam = passage('/inklusionsamt/kraftfahrzeughilfe/', { anchor: 'kontakt-kfz', section: 'Ihr Kontakt', contactRecord: { name: 'Team Kraftfahrzeughilfe', phone: '0221 555-3045', scope: null } });
const umbauBox = passage('/inklusionsamt/kraftfahrzeughilfe/', { section: 'Umbau › Ihr Kontakt zum Umbau', contactRecord: { name: 'Technischer Beratungsdienst', phone: '0221 555-3040', scope: 'Umbau' } });
const parentBox = passage('/inklusionsamt/', { section: 'So erreichen Sie uns', contactRecord: { name: 'Servicestelle Inklusionsamt', phone: '0221 555-3000', scope: null } });
const umbau = passage('/inklusionsamt/kraftfahrzeughilfe/', { section: 'Umbau › Handbedienung' });
const kauf = passage('/inklusionsamt/kraftfahrzeughilfe/', { section: 'Kauf' });
const arbeitsassistenz = passage('/inklusionsamt/arbeitsassistenz/', { section: 'Antrag' });
const museum = passage('/museum/', { section: 'Eintritt' });
const index = [kfzTeam, umbauBox, parentBox, umbau, kauf, arbeitsassistenz, museum];
const contacts = createContactDirectory(index);
const choose = (cited: Passage[], config = parseConfiguredContacts(undefined), faqEntryContact?: string) => chooseHandoff({ citedPassages: cited, faqEntryContact, config, contacts, general });

describe('chooseHandoff', () => {
  it('takes the contact of the cited section before that of its page', () => {
    expect(choose([umbau])!.contact).toMatchObject({ name: 'Technischer Beratungsdienst', origin: 'section' });
    expect(choose([kauf])!.contact).toMatchObject({ name: 'Team Kraftfahrzeughilfe', origin: 'page', url: `${SITE}/inklusionsamt/kraftfahrzeughilfe/#kontakt-kfz` });
  });

  it('goes up the site structure to the nearest page with a contact', () => {
    expect(choose([arbeitsassistenz])!.contact).toMatchObject({ name: 'Servicestelle Inklusionsamt', origin: 'parent', url: `${SITE}/inklusionsamt/` });
  });

  it('takes the contact the editors wrote for a cited FAQ entry as that entry’s own', () => {
    const faq = passage('/inklusionsamt/kraftfahrzeughilfe/', { kind: 'faq', origin: 'faq-file', section: 'Zahlt das Amt einen Gebrauchtwagen?', contact: 'Frau Beispiel, Team Kraftfahrzeughilfe, 0221 555-3047' });
    expect(choose([faq])!.contact).toMatchObject({ name: 'Frau Beispiel, Team Kraftfahrzeughilfe', phone: '0221 555-3047', origin: 'faq' });
  });

  it('uses a given FAQ entry contact only when no page above has one, then the general contact', () => {
    expect(choose([arbeitsassistenz], undefined, 'Frau Beispiel, 0221 555-7010')!.contact).toMatchObject({ origin: 'parent' });
    expect(choose([museum], undefined, 'Frau Beispiel, 0221 555-7010')!.contact).toMatchObject({ name: 'Frau Beispiel', phone: '0221 555-7010', origin: 'faq' });
    expect(choose([museum])).toEqual(general);
    expect(choose([])).toEqual(general);
  });

  it('lets a configured URL prefix win over the crawled contacts, the longest prefix first', () => {
    const config = parseConfiguredContacts({
      '/inklusionsamt/': 'Servicestelle, 0221 555-3000',
      '/inklusionsamt/kraftfahrzeughilfe/': { name: 'Team Kfz-Hilfe (Vertretung)', phone: '0221 555-3046' },
    });
    expect(choose([umbau], config)!.contact).toEqual({ name: 'Team Kfz-Hilfe (Vertretung)', phone: '0221 555-3046', url: general.url, origin: 'config' });
    expect(choose([arbeitsassistenz], config)!.contact).toEqual({ name: 'Servicestelle', phone: '0221 555-3000', url: general.url, origin: 'config' });
    expect(choose([museum], config)).toEqual(general);
  });

  it('keeps the general contact page as the link to all contacts', () => {
    const handoff = choose([kauf])!;
    expect(handoff.url).toBe(general.url);
    expect(handoff.title).toBe(general.title);
  });
});

describe('contact directory', () => {
  it('ignores a contact box that the template repeats on most pages', () => {
    const pages = ['/a/', '/b/', '/c/', '/d/'].map((p) => passage(p));
    const sidebar = pages.map((p) => passage(new URL(p.url).pathname, { contactRecord: { name: 'Bürgertelefon', phone: '0221 555-0', scope: null } }));
    const directory = createContactDirectory([...pages, ...sidebar]);
    expect(directory.page(`${SITE}/a/`)).toBeUndefined();
  });
});

describe('handoff.contacts setting', () => {
  it('reads the mapping from AUSKUNFT_HANDOFF_CONTACTS as JSON', () => {
    const settings = resolveSettings(serverSettings, { env: { AUSKUNFT_HANDOFF_CONTACTS: '[{"prefix": "/inklusionsamt/kuendigungsschutz/", "name": "Team Kündigungsschutz", "email": "kuendigungsschutz@lv-mittelrhein-ruhr.example"}]' } });
    expect(parseConfiguredContacts(settings.handoffContacts)).toEqual([
      { prefix: '/inklusionsamt/kuendigungsschutz/', contact: { name: 'Team Kündigungsschutz', email: 'kuendigungsschutz@lv-mittelrhein-ruhr.example' } },
    ]);
  });

  it('refuses a broken mapping with a German message that says where', () => {
    expect(() => resolveSettings(serverSettings, { env: { AUSKUNFT_HANDOFF_CONTACTS: '{"/kfz/": {"phone": "0221 555-3045"}}' } })).toThrow('environment variable AUSKUNFT_HANDOFF_CONTACTS: handoff.contacts ist ungültig bei /kfz/: „name“ fehlt');
    expect(() => resolveSettings(serverSettings, { file: { handoff: { contacts: { 'kfz/': 'Team Kfz' } } } })).toThrow('der Pfad „kfz/“ muss mit "/" oder "https://" beginnen');
    expect(() => resolveSettings(serverSettings, { env: { AUSKUNFT_HANDOFF_CONTACTS: '[{"prefix": "/kfz/", "name": "Team Kfz", "telefon": "0221 555-3045"}]' } })).toThrow('beim 1. Eintrag: unbekanntes Feld „telefon“');
    expect(() => resolveSettings(serverSettings, { env: { AUSKUNFT_HANDOFF_CONTACTS: '{"/kfz/": ' } })).toThrow(/expected JSON/);
  });
});
