import { describe, expect, it } from 'vitest';
import { analyzeTerms, analyzeText } from './analyze.js';
import { normalizeWord } from './normalize.js';
import { splitSentences } from './sentences.js';

describe('analyzeText', () => {
  it('drops question words and stems German inflections to one term', () => {
    expect(analyzeTerms('Wie beantrage ich einen Schwerbehindertenausweis?')).toEqual(['beantrag', 'schwerbehindertenausweis']);
    expect(analyzeTerms('Anträge beantragen')).toEqual(analyzeTerms('Antrag beantrage'));
  });

  it('matches umlauts, their transliteration and plain vowels', () => {
    const [umlaut] = analyzeTerms('Kündigungsschutz');
    expect(analyzeTerms('Kuendigungsschutz')).toEqual([umlaut]);
    expect(analyzeTerms('kundigungsschutz')).toEqual([umlaut]);
    expect(analyzeTerms('KÜNDIGUNGSSCHUTZ')).toEqual([umlaut]);
  });

  it('treats ß like ss and ignores soft hyphens inside compounds', () => {
    expect(analyzeTerms('Straße')).toEqual(analyzeTerms('Strasse'));
    expect(analyzeTerms('Schwerbehinderten\u00adausweis')).toEqual(analyzeTerms('Schwerbehindertenausweis'));
  });

  it('keeps offsets on the original text so highlights line up after umlauts', () => {
    const text = 'Für Übergänge gilt: Kündigungsschutz!';
    const token = analyzeText(text).find((t) => t.surface === 'Kündigungsschutz')!;
    expect(text.slice(token.start, token.end)).toBe('Kündigungsschutz');
  });

  it('treats the -s plural of words ending in a vowel like the singular', () => {
    expect(analyzeTerms('Autos Kitas Handys')).toEqual(analyzeTerms('Auto Kita Handy'));
    expect(analyzeTerms('Status Praxis')).toEqual(['status', 'praxis']);
  });

  it('splits hyphenated words and keeps short codes such as Merkzeichen', () => {
    expect(analyzeTerms('Kfz-Hilfe Merkzeichen aG')).toEqual(['kfz', 'hilf', 'merkzeich', 'ag']);
  });
});

describe('splitSentences', () => {
  it('does not cut after abbreviations followed by numbers or lower case', () => {
    expect(splitSentences('Nach § 168 Abs. 2 SGB IX gilt das. Der Antrag geht z. B. per Post. Fertig!')).toEqual([
      'Nach § 168 Abs. 2 SGB IX gilt das.',
      'Der Antrag geht z. B. per Post.',
      'Fertig!',
    ]);
  });

  it('keeps ordinals inside the sentence but ends one after a year', () => {
    expect(splitSentences('Ab dem 10. Lebensjahr gilt das. Seit 2024. Neue Regeln gelten am 1. Januar.')).toEqual([
      'Ab dem 10. Lebensjahr gilt das.',
      'Seit 2024.',
      'Neue Regeln gelten am 1. Januar.',
    ]);
  });
});

describe('transliteration', () => {
  it('folds ue after consonants but keeps the diphthongs in Dauer, Steuer and neue', () => {
    expect(analyzeTerms('Gebuehr')).toEqual(analyzeTerms('Gebühr'));
    expect(['Dauer', 'Steuer', 'neue', 'Quelle'].map(normalizeWord)).toEqual(['dauer', 'steuer', 'neue', 'quelle']);
    expect(normalizeWord('Kuendigung')).toBe('kündigung');
  });
});
