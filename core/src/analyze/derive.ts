/**
 * Separable verb particles: "an|melden" makes the participle "an|ge|meldet" and the infinitive
 * with zu "an|zu|melden", whose stems the stemmer leaves apart from "anmeld".
 */
const PARTICLES = ['ab', 'an', 'auf', 'aus', 'bei', 'ein', 'fest', 'frei', 'los', 'mit', 'nach', 'um', 'vor', 'weg', 'weiter', 'zu', 'zuruck', 'zusamm'];
/**
 * Strong verbs whose noun changes its vowel: "umziehen" → "Umzug", "abgeben" → "Abgabe",
 * "teilnehmen" → "Teilnahme", "absprechen" → "Absprache". Stems as the stemmer writes them.
 */
const ABLAUT: ReadonlyArray<readonly [string, string]> = [
  ['zieh', 'zug'],
  ['geb', 'gab'],
  ['nehm', 'nahm'],
  ['sprech', 'sprach'],
  ['fahr', 'fahrt'],
  ['schreib', 'schrift'],
  ['steh', 'stand'],
];
const MIN_STEM = 4;

/**
 * Other members of a term's word family that a page may use instead of the user's form: the verb
 * for the noun and back ("beantragen" ↔ "Antrag", "umziehen" ↔ "Umzug", "zahlen" ↔ "Zahlung"),
 * and the base of participles and zu-infinitives ("gekündigt" → kündigen, "angemeldet" →
 * anmelden, "abzugeben" → abgeben). The stemmer already joins most inflections and the -ung,
 * -er and -keit forms of one stem; these are the derivations it leaves apart. Candidates only:
 * the caller keeps those the index contains.
 *
 * @example derivedTerms('beantrag') // → ['antrag', …]
 */
export function derivedTerms(term: string): string[] {
  if (!/^[a-z]+$/.test(term) || term.length < MIN_STEM) return [];
  const out = new Set<string>();
  const add = (candidate: string) => {
    if (candidate.length >= MIN_STEM - 1 && candidate !== term) out.add(candidate);
  };
  const bases = new Set([term]);
  // Participles: "gekundigt" → "kundig", "beantragt" → "beantrag", "angemeldet" → "anmeld".
  for (const ending of ['et', 't']) {
    if (!term.endsWith(ending)) continue;
    const stem = term.slice(0, -ending.length);
    if (stem.startsWith('ge') && stem.length - 2 >= MIN_STEM - 1) bases.add(stem.slice(2));
    else bases.add(stem);
    for (const particle of PARTICLES) {
      if (stem.startsWith(`${particle}ge`)) bases.add(particle + stem.slice(particle.length + 2));
    }
  }
  // zu-infinitives: "anzumeld" → "anmeld".
  for (const particle of PARTICLES) {
    if (term.startsWith(`${particle}zu`) && term.length - particle.length - 2 >= MIN_STEM - 1) bases.add(particle + term.slice(particle.length + 2));
  }
  for (const base of bases) {
    add(base);
    // "beantrag" ↔ "antrag", "bezahl" ↔ "zahl".
    if (base.startsWith('be') && base.length - 2 >= MIN_STEM) add(base.slice(2));
    else add(`be${base}`);
    // "zahlung" ↔ "zahl": the stemmer keeps -ung after some stems.
    if (base.endsWith('ung') && base.length - 3 >= MIN_STEM - 1) {
      add(base.slice(0, -3));
      if (!base.startsWith('be')) add(`be${base.slice(0, -3)}`);
    } else add(`${base}ung`);
    for (const [verb, noun] of ABLAUT) {
      if (base.endsWith(verb)) add(base.slice(0, -verb.length) + noun);
      else if (base.endsWith(noun)) add(base.slice(0, -noun.length) + verb);
    }
  }
  return [...out];
}
