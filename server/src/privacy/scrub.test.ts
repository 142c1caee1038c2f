import { describe, expect, it } from 'vitest';
import { PERSONAL_DATA_KINDS } from './personal-data-kinds.js';
import { collectPublicContacts, createScrubber, scrubPersonalData, withoutPlaceholders } from './scrub.js';

/**
 * For every kind: what a citizen writes and what is kept of it, and similar text that must stay
 * (legal references, amounts, years, times). Adding a kind without examples fails the first test.
 */
const EXAMPLES: Record<string, { scrubs: Array<[string, string]>; keeps: string[] }> = {
  email: {
    scrubs: [
      ['Meine Mail ist anna.beispiel@web.de, bitte antworten', 'Meine Mail ist [E-Mail], bitte antworten'],
      ['Schreiben Sie an Jürgen.Groß+amt@mail.example.co.uk.', 'Schreiben Sie an [E-Mail].'],
    ],
    keeps: ['Kann ich den Antrag per E-Mail schicken?', 'Treffen um 10@Rathaus'],
  },
  iban: {
    scrubs: [
      ['IBAN DE89 3704 0044 0532 0130 00 für die Erstattung', 'IBAN [IBAN] für die Erstattung'],
      ['Konto DE89370400440532013000', 'Konto [IBAN]'],
    ],
    keeps: ['Wo trage ich meine IBAN ein?', 'Welche Leistungen gibt es nach SGB IX 2024?'],
  },
  bic: {
    scrubs: [['BIC: COBADEFFXXX, Commerzbank', 'BIC: [BIC], Commerzbank']],
    keeps: ['Brauche ich die BIC für eine Überweisung?', 'ANTRAGEN ODER NICHT'],
  },
  'tax-number': {
    scrubs: [
      ['Steuer-ID 12 345 678 901', 'Steuer-ID [Nummer]'],
      ['meine Steueridentifikationsnummer ist 12345678901.', 'meine Steueridentifikationsnummer ist [Nummer].'],
      ['Steuernummer 123/456/78901 beim Finanzamt', 'Steuernummer [Nummer] beim Finanzamt'],
    ],
    keeps: ['Wo finde ich meine Steuer-ID?', 'Steuernummer 2024 beantragen'],
  },
  'insurance-number-labelled': {
    scrubs: [
      ['Versicherungsnummer 65 170839 J 003', 'Versicherungsnummer [Nummer]'],
      ['Rentenversicherungsnummer 65170839J003', 'Rentenversicherungsnummer [Nummer]'],
      ['Meine Versichertennummer A123456789 ist neu', 'Meine Versichertennummer [Nummer] ist neu'],
      ['Sozialversicherungsnummer: 12 030485 M 512', 'Sozialversicherungsnummer: [Nummer]'],
    ],
    keeps: ['Wo steht meine Versicherungsnummer?', 'Rentenversicherungsnummer beantragen'],
  },
  'pension-insurance-number': {
    scrubs: [['meine Nummer ist 65 170839 J 003, geht das?', 'meine Nummer ist [Versicherungsnummer], geht das?']],
    keeps: ['Zuschuss von 65 Prozent ab 2024'],
  },
  'health-insurance-number': {
    scrubs: [['Karte mit A123456789 verloren', 'Karte mit [Versicherungsnummer] verloren']],
    keeps: ['Formular A1 beantragen', 'Bescheid nach § 152 SGB IX'],
  },
  'id-document-labelled': {
    scrubs: [
      ['Personalausweisnummer T22000129', 'Personalausweisnummer [Nummer]'],
      ['Pass-Nr. C01X00T47 abgelaufen', 'Pass-Nr. [Nummer] abgelaufen'],
      ['Aufenthaltstitelnummer: Y12345678', 'Aufenthaltstitelnummer: [Nummer]'],
    ],
    keeps: ['Wo steht die Personalausweisnummer?', 'Ausweisnummer ändern'],
  },
  'id-document-number': {
    scrubs: [['Ausweis T22000129 ist weg', 'Ausweis [Ausweisnummer] ist weg']],
    keeps: ['SCHWERBEHINDERT', 'Merkzeichen G und aG'],
  },
  'file-number': {
    scrubs: [
      ['Mein Aktenzeichen: 52-IA-2024/1187, wie ist der Stand?', 'Mein Aktenzeichen: [Nummer], wie ist der Stand?'],
      ['Geschäftszeichen 4.2-117/24', 'Geschäftszeichen [Nummer]'],
      ['Kundennummer ist 778812', 'Kundennummer ist [Nummer]'],
      ['Az. K 12/2024 Frau', 'Az. [Nummer] Frau'],
    ],
    keeps: ['Wo finde ich mein Aktenzeichen?', 'Was ist eine Kundennummer?'],
  },
  date: {
    scrubs: [
      ['geboren am 03.07.1968 in Bonn', 'geboren am [Datum] in Bonn'],
      ['Geburtsdatum 1968-07-03', 'Geburtsdatum [Datum]'],
      ['Ich bin am 3. Juli 1968 geboren', 'Ich bin am [Datum] geboren'],
      ['geb. 3.7.68', 'geb. [Datum]'],
    ],
    keeps: ['Was ändert sich im Jahr 2024?', 'Öffnungszeiten am Montag von 8.30 bis 16 Uhr', 'seit 1. Januar gilt'],
  },
  phone: {
    scrubs: [
      ['Rufen Sie mich an: 0221 / 555 12 34', 'Rufen Sie mich an: [Telefon]'],
      ['Handy +49 171 2345678 abends', 'Handy [Telefon] abends'],
      ['Tel. (0221) 123 45 67', 'Tel. [Telefon]'],
      ['0221/1234567 oder 0171-2345678', '[Telefon] oder [Telefon]'],
      ['+49 (0)221 123456-78', '[Telefon]'],
      ['0049 221 1234567', '[Telefon]'],
      ['+43 1 5880 0', '[Telefon]'],
      ['0221 123 45 67', '[Telefon]'],
      ['(02 21) 12 34 56 oder 0221-123 45-67', '[Telefon] oder [Telefon]'],
    ],
    keeps: ['Gibt es bis zu 22.000 Euro Zuschuss für ein Auto?', 'Öffnungszeiten 8 bis 16 Uhr', 'Postfach 01067'],
  },
  'licence-plate': {
    scrubs: [
      ['Mein Auto K-AB 1234 wurde abgeschleppt', 'Mein Auto [Kennzeichen] wurde abgeschleppt'],
      ['Kennzeichen BN XY 123E', 'Kennzeichen [Kennzeichen]'],
    ],
    keeps: ['Was steht in § 152 SGB IX?', 'Teil 2 SGB IX 2024', 'COVID-19 Hilfen'],
  },
  'street-address': {
    scrubs: [
      ['Ich wohne in der Lindenstraße 14a, Köln', 'Ich wohne in der [Adresse], Köln'],
      ['Kölner Straße 7', '[Adresse]'],
      ['Hauptstr. 5 im Hinterhaus', '[Adresse] im Hinterhaus'],
    ],
    keeps: ['Wie komme ich zur Hauptstraße?', 'Der Arbeitsmarkt 2024', 'Der Weg 3 Kilometer lang'],
  },
  'street-address-preposition': {
    scrubs: [
      ['Am Hafen 3', '[Adresse]'],
      ['Ich wohne An der Alster 12 in Hamburg', 'Ich wohne [Adresse] in Hamburg'],
    ],
    keeps: ['Am Montag 8 Uhr geöffnet?', 'Im Jahr 2023 beantragt', 'Am Anfang 2 Wochen warten'],
  },
  'postcode-place': {
    scrubs: [
      ['Ich wohne in 50667 Köln', 'Ich wohne in [Ort]'],
      ['53113 Bonn am Rhein', '[Ort]'],
    ],
    keeps: ['Gibt es 22000 Euro Zuschuss?', 'Rund 12345 Anträge im Jahr'],
  },
  'name-introduced': {
    scrubs: [
      ['Mein Name ist Erika Mustermann und ich brauche einen Ausweis', 'Mein Name ist [Name] und ich brauche einen Ausweis'],
      ['ich heiße erika, wie geht das?', 'ich heiße [Name], wie geht das?'],
      ['ich heiße erika mustermann und brauche Hilfe', 'ich heiße [Name] und brauche Hilfe'],
      ['Ich heiße Erika Mustermann, Tel. 0171 2345678.', 'Ich heiße [Name], Tel. [Telefon].'],
    ],
    keeps: ['Wie heißt das Formular?', 'Was ist mein Name im Antrag wert?'],
  },
  'name-salutation': {
    scrubs: [
      ['Frau Özdemir aus der Personalabteilung', 'Frau [Name] aus der Personalabteilung'],
      ['Frau Dr. Erika Musterfrau hat angerufen', 'Frau [Name] hat angerufen'],
      ['Gespräch mit Herrn Prof. Dr. med. Hans Meier Wie geht es weiter?', 'Gespräch mit Herrn [Name] Wie geht es weiter?'],
      ['Dr. Weber sagt nein', '[Name] sagt nein'],
    ],
    keeps: ['Frauen mit Behinderung', 'Gilt das für Frau und Mann?', 'Herr im Haus'],
  },
  'grouped-number': {
    scrubs: [['meine Nummer 12 345 678 901, bitte', 'meine Nummer [Nummer], bitte']],
    keeps: ['zwischen 10 und 12 Uhr', '1 000 000 Menschen', 'Gibt es 22 000 Euro?'],
  },
  'long-number': {
    scrubs: [['Vorgang 887766554433 offen', 'Vorgang [Nummer] offen']],
    keeps: ['GdB 50 seit 2019', 'Das kostet 1.234.567 Euro'],
  },
};

describe('the table of personal-data kinds', () => {
  it('has positive and negative examples for every kind', () => {
    for (const { kind } of PERSONAL_DATA_KINDS) {
      expect(EXAMPLES[kind]?.scrubs.length, kind).toBeGreaterThan(0);
      expect(EXAMPLES[kind]?.keeps.length, kind).toBeGreaterThan(0);
    }
    expect(Object.keys(EXAMPLES).sort()).toEqual(PERSONAL_DATA_KINDS.map((k) => k.kind).sort());
  });

  it.each(Object.entries(EXAMPLES))('%s: scrubs what identifies a person and keeps what does not', (_kind, { scrubs, keeps }) => {
    for (const [input, expected] of scrubs) expect(scrubPersonalData(input), input).toBe(expected);
    for (const input of keeps) expect(scrubPersonalData(input), input).toBe(input);
  });

  it('uses only bounded quantifiers, so the work per character is bounded (linear time)', () => {
    for (const { kind, pattern } of PERSONAL_DATA_KINDS) {
      // Drop escapes and character classes, then look for +, * and open-ended {n,}.
      const skeleton = pattern.source.replace(/\\./g, '').replace(/\[[^\]]*\]/g, 'c');
      expect(skeleton, kind).not.toMatch(/[+*]|\{\d+,\}/);
    }
  });
});

describe('scrubPersonalData', () => {
  it('removes every example of the data-protection documentation', () => {
    const text = 'Ich bin Frau Dr. Erika Musterfrau, Am Hafen 3 bzw. Kölner Straße 7, Telefon (0221) 123 45 67, Steuer-ID 12 345 678 901, Versicherungsnummer 65 170839 J 003, Rentenversicherungsnummer 65170839J003, Personalausweisnummer T22000129.';
    const scrubbed = scrubPersonalData(text);
    for (const secret of ['Erika', 'Musterfrau', 'Hafen', 'Kölner', '123 45 67', '678 901', '170839', '65170839J003', 'T22000129']) expect(scrubbed).not.toContain(secret);
    expect(scrubbed).toBe('Ich bin Frau [Name], [Adresse] bzw. [Adresse], Telefon [Telefon], Steuer-ID [Nummer], Versicherungsnummer [Nummer], Rentenversicherungsnummer [Nummer], Personalausweisnummer [Nummer].');
  });

  it('leaves ordinary questions, amounts, paragraphs and GdB values alone', () => {
    const questions = [
      'Wie beantrage ich einen Schwerbehindertenausweis?',
      'Gibt es bis zu 22.000 Euro Zuschuss für ein Auto?',
      'Was steht in § 168 SGB IX?',
      'Ab einem GdB von 50 gilt man als schwerbehindert, oder?',
      'Öffnungszeiten am Montag von 8 bis 16 Uhr',
      'Welche Fristen gelten nach § 152 Abs. 1 SGB IX seit 2018?',
    ];
    for (const q of questions) expect(scrubPersonalData(q)).toBe(q);
  });

  it('is idempotent: scrubbing scrubbed text changes nothing', () => {
    const once = scrubPersonalData('Frau Özdemir, Lindenstraße 14a, 50667 Köln, 0221 555 12 34, anna@web.de');
    expect(scrubPersonalData(once)).toBe(once);
  });

  it('handles hostile 10,000-character inputs', () => {
    const hostile = ['0 '.repeat(5000), '1'.repeat(10_000), 'a.'.repeat(5000) + '@', 'Frau '.repeat(2000), 'Steuer-ID 1 '.repeat(850), 'Am Haus 1'.repeat(1100)];
    for (const input of hostile) {
      const out = scrubPersonalData(input);
      expect(out).not.toMatch(/\d{8}/);
    }
  });
});

describe('the authority\'s own contact data', () => {
  const pages = ['Servicetelefon: 0221 809-4200 (Mo–Fr 8–16 Uhr), E-Mail inklusionsamt@lvr.example, Fax +49 221 809 4201'];
  const scrub = createScrubber({ publicContacts: collectPublicContacts(pages) });

  it('stays when a citizen quotes it from the website, in any spelling', () => {
    expect(scrub('Ich habe 0221 809-4200 angerufen, keiner ging ran')).toBe('Ich habe 0221 809-4200 angerufen, keiner ging ran');
    expect(scrub('Fax an +49 (0)221 8094201 geschickt')).toBe('Fax an +49 (0)221 8094201 geschickt');
    expect(scrub('Mail an Inklusionsamt@LVR.example ohne Antwort')).toBe('Mail an Inklusionsamt@LVR.example ohne Antwort');
  });

  it('does not protect the citizen\'s own number or address', () => {
    expect(scrub('Meine Nummer: 0221 809-4299, anna@web.de')).toBe('Meine Nummer: [Telefon], [E-Mail]');
  });
});

describe('withoutPlaceholders', () => {
  it('leaves only words to search for', () => {
    expect(withoutPlaceholders(scrubPersonalData('Steuer-ID 12 345 678 901 vergessen, Frau Özdemir'))).toBe('Steuer-ID vergessen, Frau');
  });
});
