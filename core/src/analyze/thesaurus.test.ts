import { describe, expect, it } from 'vitest';
import { ANALYSIS_VERSION, analyzeTerms } from './analyze.js';
import { derivedTerms } from './derive.js';
import { bundledThesaurus, parseThesaurus } from './thesaurus.js';
import { THESAURUS_ANALYSIS_VERSION } from './thesaurus-de.generated.js';

const term = (word: string) => analyzeTerms(word)[0]!;

describe('bundledThesaurus', () => {
  it('was built with the analysis index and queries use (else rebuild with core/scripts/build-thesaurus.mjs)', () => {
    expect(THESAURUS_ANALYSIS_VERSION).toBe(ANALYSIS_VERSION);
  });

  it('maps citizens’ colloquial and short words to the official ones', () => {
    const related = (word: string) => bundledThesaurus().senses(term(word)).flat();
    expect(related('Knöllchen')).toContain(term('Strafzettel'));
    expect(related('Krankenschein')).toContain(term('Arbeitsunfähigkeitsbescheinigung'));
    expect(related('Azubi')).toContain(term('Auszubildender'));
    expect(related('Reha')).toContain(term('Rehabilitation'));
  });

  it('keeps the senses of a word apart', () => {
    const senses = bundledThesaurus().senses(term('Bank'));
    const money = senses.find((s) => s.includes(term('Kreditinstitut')));
    expect(money).toBeDefined();
    expect(money).not.toContain(term('Sitzbank'));
    expect(senses.some((s) => s.includes(term('Sitzbank')))).toBe(true);
  });
});

describe('parseThesaurus', () => {
  it('returns each set containing the term, without the term', () => {
    const thesaurus = parseThesaurus('auto;pkw;wag\nwag;karr\n');
    expect(thesaurus.senses('wag')).toEqual([['auto', 'pkw'], ['karr']]);
    expect(thesaurus.senses('fahrrad')).toEqual([]);
    expect(thesaurus.size).toBe(2);
  });
});

describe('derivedTerms', () => {
  it('joins verbs and nouns of one word family', () => {
    expect(derivedTerms(term('beantragen'))).toContain(term('Antrag'));
    expect(derivedTerms(term('Antrag'))).toContain(term('beantragen'));
    expect(derivedTerms(term('umziehen'))).toContain(term('Umzug'));
    expect(derivedTerms(term('Zahlung'))).toContain(term('bezahlen'));
  });

  it('finds the verb behind participles and zu-infinitives', () => {
    expect(derivedTerms(term('gekündigt'))).toContain(term('kündigen'));
    expect(derivedTerms(term('angemeldet'))).toContain(term('anmelden'));
    expect(derivedTerms(term('anzumelden'))).toContain(term('anmelden'));
  });

  it('leaves short words and numbers alone', () => {
    expect(derivedTerms('amt')).toEqual([]);
    expect(derivedTerms('2025')).toEqual([]);
  });
});
