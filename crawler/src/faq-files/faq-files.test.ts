import { describe, expect, it } from 'vitest';
import { parseFaqFile } from './faq-files.js';

const base = { baseUrl: 'https://www.lv-mittelrhein-ruhr.example/' };

describe('FAQ files in YAML', () => {
  it('reads one entry with every field, German field names included', () => {
    const { entries, problems } = parseFaqFile('faq/kfz.yaml', `frage: Wird ein Gebrauchtwagen gefördert?
alternativen:
  - Zuschuss für gebrauchtes Auto
answer: |
  Ja, wenn sein Verkehrswert mindestens die Hälfte
  des Neupreises beträgt.

  Mehr im [Merkblatt](/media/merkblatt-kfz.pdf).
source: /inklusionsamt/kraftfahrzeughilfe/#kauf
kontakt: Team Kraftfahrzeughilfe, 0221 555-3045
gültig-bis: 31.12.2027
leichte-sprache: |
  Auch ein altes Auto geht.
  Es darf nicht zu alt sein.
`, base);
    expect(problems).toEqual([]);
    expect(entries).toEqual([{
      location: 'faq/kfz.yaml:1',
      question: 'Wird ein Gebrauchtwagen gefördert?',
      alternatives: ['Zuschuss für gebrauchtes Auto'],
      answer: 'Ja, wenn sein Verkehrswert mindestens die Hälfte des Neupreises beträgt.\nMehr im Merkblatt (https://www.lv-mittelrhein-ruhr.example/media/merkblatt-kfz.pdf).',
      source: 'https://www.lv-mittelrhein-ruhr.example/inklusionsamt/kraftfahrzeughilfe/',
      anchor: 'kauf',
      contact: 'Team Kraftfahrzeughilfe, 0221 555-3045',
      validUntil: '2027-12-31',
      easyLanguage: 'Auch ein altes Auto geht.\nEs darf nicht zu alt sein.',
    }]);
  });

  it('reads a list of entries, each located at its own line', () => {
    const { entries } = parseFaqFile('faq/liste.yml', `- question: Erste Frage?
  answer: Erste Antwort.
  source: /a/
- question: Zweite Frage?
  answer: Zweite Antwort.
  source: https://www.lv-mittelrhein-ruhr.example/b/
`, base);
    expect(entries.map((e) => e.location)).toEqual(['faq/liste.yml:1', 'faq/liste.yml:4']);
  });

  it('reports YAML syntax errors with file and line', () => {
    // The classic editor mistake: a colon inside an unquoted answer.
    const colon = parseFaqFile('faq/kaputt.yaml', 'question: Wer zahlt?\nanswer: Wichtig: erst beantragen: dann kaufen\nsource: /a/\n', base);
    expect(colon.problems).toEqual(['faq/kaputt.yaml:2: Nested mappings are not allowed in compact mappings (YAML syntax)']);
    const tab = parseFaqFile('faq/tab.yaml', 'question: Wer zahlt?\nanswer: Text\n\tsource: /a/\n', base);
    expect(tab.problems).toEqual(['faq/tab.yaml:3: Tabs are not allowed as indentation (YAML syntax)']);
  });

  it('reports every missing or wrong field with its line', () => {
    const { entries, problems } = parseFaqFile('faq/falsch.yaml', `- question: Wer zahlt den Umbau?
  anwser: Die Kraftfahrzeughilfe.
  source: inklusionsamt/kfz
  valid-until: bald
- question:
    - keine Liste bitte
  answer: Text
  source: /a/
`, base);
    expect(entries).toEqual([]);
    expect(problems).toEqual([
      'faq/falsch.yaml:2: unknown field "anwser"; FAQ fields are question, alternatives, answer, source, contact, valid-until, easy-language, lang, modified (or their German names)',
      'faq/falsch.yaml:1: "answer" is missing',
      'faq/falsch.yaml:3: "source" must be a page address such as https://www.example.de/antrag/ or /antrag/, got "inklusionsamt/kfz"',
      'faq/falsch.yaml:4: "valid-until" must be a date such as 2027-12-31, got "bald"',
      'faq/falsch.yaml:6: "question" must be text, not a list',
    ]);
  });

  it('rejects a file that is not an entry', () => {
    expect(parseFaqFile('faq/text.yaml', 'Nur ein Satz.', base).problems).toEqual([
      'faq/text.yaml:1: expected a FAQ entry (question: …, answer: …, source: …) or a list of them',
    ]);
  });
});

describe('FAQ files in Markdown', () => {
  const md = `---
question: Was mache ich, wenn mein Ausweis verloren ist?
source: /inklusionsamt/schwerbehindertenausweis/verlust-und-verlaengerung/
---
Melden Sie den Verlust **so schnell wie möglich**.

- Legen Sie ein Passfoto bei.
- Der Ersatzausweis ist kostenlos.

## Leichte Sprache

Sie haben den Ausweis verloren?
Dann schreiben Sie uns.
`;

  it('takes the answer from the body and the Leichte-Sprache part from its heading', () => {
    const { entries, problems } = parseFaqFile('faq/ausweis.md', md, base);
    expect(problems).toEqual([]);
    expect(entries[0]).toMatchObject({
      location: 'faq/ausweis.md:2',
      answer: 'Melden Sie den Verlust so schnell wie möglich.\nLegen Sie ein Passfoto bei.\nDer Ersatzausweis ist kostenlos.',
      easyLanguage: 'Sie haben den Ausweis verloren?\nDann schreiben Sie uns.',
    });
  });

  it('counts lines from the top of the file, front matter included', () => {
    const broken = md.replace('source: /inklusionsamt', 'quelle /inklusionsamt');
    expect(parseFaqFile('faq/ausweis.md', broken, base).problems[0]).toMatch(/^faq\/ausweis\.md:3: /);
  });

  it('explains a missing front matter and an empty answer', () => {
    expect(parseFaqFile('faq/ohne.md', '# Frage\nAntwort', base).problems).toEqual([
      'faq/ohne.md:1: a Markdown FAQ starts with front matter between two "---" lines (question, source, …); the answer follows below it',
    ]);
    expect(parseFaqFile('faq/leer.md', '---\nquestion: Frage?\nsource: /a/\n---\n\n', base).problems).toEqual(['faq/leer.md:5: the answer (text below the front matter) is empty']);
  });
});
