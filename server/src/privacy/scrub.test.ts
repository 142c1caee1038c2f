import { describe, expect, it } from 'vitest';
import { scrubPersonalData } from './scrub.js';

describe('scrubPersonalData', () => {
  it.each([
    ['Meine Mail ist anna.beispiel@web.de, bitte antworten', 'Meine Mail ist [E-Mail], bitte antworten'],
    ['Rufen Sie mich an: 0221 / 555 12 34', 'Rufen Sie mich an: [Telefon]'],
    ['Handy +49 171 2345678 abends', 'Handy [Telefon] abends'],
    ['IBAN DE89 3704 0044 0532 0130 00 für die Erstattung', 'IBAN [IBAN] für die Erstattung'],
    ['geboren am 03.07.1968 in Bonn', 'geboren am [Datum] in Bonn'],
    ['Geburtsdatum 1968-07-03', 'Geburtsdatum [Datum]'],
    ['Ich bin am 3. Juli 1968 geboren', 'Ich bin am [Datum] geboren'],
    ['Mein Aktenzeichen: 52-IA-2024/1187, wie ist der Stand?', 'Mein [Aktenzeichen], wie ist der Stand?'],
    ['Ich wohne in der Lindenstraße 14a, 50667 Köln', 'Ich wohne in der [Adresse], [Ort]'],
    ['Mein Name ist Erika Mustermann und ich brauche einen Ausweis', 'Mein Name ist [Name] und ich brauche einen Ausweis'],
    ['Frau Özdemir aus der Personalabteilung', 'Frau [Name] aus der Personalabteilung'],
    ['Meine Versichertennummer A123456789 ist neu', 'Meine [Aktenzeichen] ist neu'],
    ['Steuer-ID 12345678901', 'Steuer-ID [Nummer]'],
  ])('scrubs %s', (input, expected) => {
    expect(scrubPersonalData(input)).toBe(expected);
  });

  it('leaves ordinary questions, amounts, paragraphs and GdB values alone', () => {
    const questions = [
      'Wie beantrage ich einen Schwerbehindertenausweis?',
      'Gibt es bis zu 22.000 Euro Zuschuss für ein Auto?',
      'Was steht in § 168 SGB IX?',
      'Ab einem GdB von 50 gilt man als schwerbehindert, oder?',
      'Öffnungszeiten am Montag von 8 bis 16 Uhr',
    ];
    for (const q of questions) expect(scrubPersonalData(q)).toBe(q);
  });
});
