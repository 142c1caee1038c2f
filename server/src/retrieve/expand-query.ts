import { decompoundTerm, derivedTerms, type AnalyzedToken, type SynonymTable, type Thesaurus } from '@auskunft/core';
import type { Vocabulary } from './vocabulary.js';

export type MatchKind = 'exact' | 'compound' | 'part' | 'synonym' | 'typo' | 'derived' | 'thesaurus';

/** One index term a query word is searched under, and how much a match on it counts (0..1]. */
export interface Alternative {
  term: string;
  weight: number;
  kind: MatchKind;
}

/**
 * One word of the query with every index term that stands for it. A passage scores for a group
 * by its best alternative (a dis-max), so "Auto" matching both "Auto" and "PKW" in one passage
 * counts once.
 */
export interface QueryGroup {
  /** The analysed query word. */
  term: string;
  /** How much this group counts against the other groups (1 for a word the user typed). */
  weight: number;
  /** A part of a compound the user typed, searched on its own (lower weight). */
  part?: true;
  alternatives: Alternative[];
}

// How much a match counts compared with the word itself, set by hand and checked with
// `npm run eval`: below the exact word so the page using the user's word wins, high enough that
// a page using only the other word is still found.
const WEIGHT = {
  /** The word is the end of a longer index word: "Ausweis" → "Ersatzausweis" is a kind of Ausweis. */
  compoundHead: 0.7,
  /** The word starts or is inside a longer index word: "Kündigung" → "Kündigungsschutz". */
  compoundModifier: 0.45,
  /** An index word contains the whole query compound: "Behindertenausweis" → "Schwerbehindertenausweis". */
  compoundSuperset: 0.9,
  synonym: 0.8,
  /** Another form of the same word family: "beantragen" → "Antrag", "gekündigt" → "kündigen". */
  derived: 0.85,
  /**
   * A member of a thesaurus set (thesaurus.ts): broader than an editor's synonym, so it only
   * finds a page when the user's word is missing there, and ranks below one that has it.
   */
  thesaurus: 0.55,
  typo: [1, 0.85, 0.7] as const,
  /** Parts of a query compound the index does not know as a whole ("Autoumbau" → Auto, Umbau). */
  unknownCompoundHead: 1,
  unknownCompoundModifier: 0.7,
  /**
   * Parts of a query compound the index knows: a little credit for pages that say it in two
   * words. The compound keeps the rest of its weight, so a known compound counts as one word.
   */
  knownCompoundHead: 0.25,
  knownCompoundModifiers: 0.15,
};
/** Words shorter than this are not looked up inside compounds: "Amt" would match every "…amt". */
const MIN_PART_LOOKUP = 4;

export interface ExpandOptions {
  vocabulary: Vocabulary;
  synonyms: SynonymTable;
  /** Broad synonym sets (the bundled OpenThesaurus table); senses are chosen by the site's co-occurrences. */
  thesaurus?: Thesaurus;
  /** false: each word only as itself (the plain BM25 baseline of the evaluation). */
  expand: boolean;
}

/**
 * Turns the query's words into groups of index terms: the word itself, compounds containing it,
 * the parts of a compound the user typed, synonyms (bundled and editors'), and for words the
 * index does not know, the closest index terms within the allowed number of typos. Runs at query
 * time only, so a new synonym list needs no new crawl.
 *
 * @example expandQuery(analyzeText('Ausweis verloren'), opts)[0].alternatives
 *          // → ausweis (exact), schwerbehindertenausweis (compound, 0.7), …
 */
export function expandQuery(tokens: readonly AnalyzedToken[], options: ExpandOptions): QueryGroup[] {
  const { vocabulary } = options;
  const groups: QueryGroup[] = [];
  const queryTerms = tokens.map((t) => t.term);
  for (const token of tokens) {
    if (groups.some((g) => g.term === token.term && !g.part)) continue;
    if (!options.expand) {
      groups.push({ term: token.term, weight: 1, alternatives: vocabulary.has(token.term) ? [{ term: token.term, weight: 1, kind: 'exact' }] : [] });
      continue;
    }
    const group: QueryGroup = { term: token.term, weight: 1, alternatives: [] };
    const known = addWord(group, token.term, 1, options);
    addFamily(group, token.term, known, queryTerms, options);
    const parts = decompoundTerm(token.term);
    if (!known && parts.length > 1) {
      for (const c of vocabulary.compoundsContaining(parts)) add(group, c.term, WEIGHT.compoundSuperset, 'compound');
    }
    if (group.alternatives.length === 0) {
      for (const form of new Set([token.term, foldUmlauts(token.normalized)])) {
        for (const s of vocabulary.similar(form)) add(group, s.term, WEIGHT.typo[s.distance] ?? 0, 'typo');
      }
      for (const alt of [...group.alternatives]) {
        addSynonyms(group, alt.term, alt.weight, options);
        addFamily(group, alt.term, true, queryTerms, options, alt.weight);
      }
    }
    const partGroups: QueryGroup[] = [];
    if (parts.length > 1) {
      parts.forEach((part, i) => {
        const head = i === parts.length - 1;
        const modifier = known ? WEIGHT.knownCompoundModifiers / (parts.length - 1) : WEIGHT.unknownCompoundModifier;
        const weight = head ? (known ? WEIGHT.knownCompoundHead : WEIGHT.unknownCompoundHead) : modifier;
        const partGroup: QueryGroup = { term: part, weight, part: true, alternatives: [] };
        // A passage with the whole compound contains every part.
        if (known) add(partGroup, token.term, 1, 'exact');
        addWord(partGroup, part, 1, options);
        if (partGroup.alternatives.length > 0) partGroups.push(partGroup);
      });
    }
    // An unknown compound stays in the query as an unknown word even when all its parts are
    // known: "Wohngeld" is not money for a flat. It then weighs like the rarest term, and the
    // chat declines rather than answering about "Wohnungshilfe". Its parts still rank pages
    // ("Werkstattlohn" finds the workshop page). Measured both ways on eval/questions.json:
    // searching such words only as their parts declined 1 in-scope question less and answered
    // 2 out-of-scope questions more.
    if (known && partGroups.length > 0) group.weight = 1 - partGroups.reduce((sum, g) => sum + g.weight, 0);
    groups.push(group);
    groups.push(...partGroups);
  }
  for (const rule of options.synonyms.phrases) {
    if (!rule.terms.every((t) => queryTerms.includes(t))) continue;
    const group = groups.find((g) => g.term === rule.terms.at(-1));
    if (group) for (const t of rule.targets) if (vocabulary.has(t)) add(group, t, WEIGHT.synonym, 'synonym');
  }
  return groups;
}

/** Adds the word, the compounds containing it and its synonyms; returns whether the index has the word itself. */
function addWord(group: QueryGroup, term: string, weight: number, options: ExpandOptions): boolean {
  const known = options.vocabulary.has(term);
  if (known) add(group, term, weight, 'exact');
  addCompounds(group, term, weight, options);
  addSynonyms(group, term, weight, options);
  return known;
}

/**
 * Adds the word's family (derivedTerms) and the thesaurus senses that fit the site. A sense
 * fits when one of its terms occurs in a passage together with the user's word (the site uses
 * them in one context), or, when the site lacks the word itself, together with another word of
 * the query; a one-word query for a word the site lacks takes every sense, as nothing tells them
 * apart. So "Kündigung" finds "Entlassung" on a site where both are said of jobs, but not
 * "kompetent" (kündig, "knowing"), and "Bank" to sit on stays out of a bank's site.
 */
function addFamily(group: QueryGroup, term: string, known: boolean, queryTerms: readonly string[], options: ExpandOptions, weight = 1): void {
  const { vocabulary } = options;
  for (const derived of derivedTerms(term)) if (vocabulary.has(derived)) add(group, derived, weight * WEIGHT.derived, 'derived');
  if (!options.thesaurus) return;
  const context = known ? [term] : queryTerms.filter((t) => t !== term && vocabulary.has(t));
  for (const sense of options.thesaurus.senses(term)) {
    const present = sense.filter((t) => vocabulary.has(t));
    if (present.length === 0) continue;
    if (context.length > 0 && !present.some((t) => context.some((c) => vocabulary.cooccur(t, c)))) continue;
    for (const t of present) add(group, t, weight * WEIGHT.thesaurus, 'thesaurus');
  }
}

function addCompounds(group: QueryGroup, term: string, weight: number, options: ExpandOptions): void {
  if (term.length < MIN_PART_LOOKUP) return;
  for (const c of options.vocabulary.compoundsContaining([term])) {
    add(group, c.term, weight * (c.head ? WEIGHT.compoundHead : WEIGHT.compoundModifier), 'compound');
  }
}

function addSynonyms(group: QueryGroup, term: string, weight: number, options: ExpandOptions): void {
  for (const synonym of options.synonyms.expand(term)) {
    if (options.vocabulary.has(synonym)) add(group, synonym, weight * WEIGHT.synonym, 'synonym');
    addCompounds(group, synonym, weight * WEIGHT.synonym, options);
  }
}

// Each group's alternatives by term: a common word on a large site is part of thousands of
// compounds, and looking each one up in the array made expansion quadratic.
const alternativesByTerm = new WeakMap<QueryGroup, Map<string, Alternative>>();

function add(group: QueryGroup, term: string, weight: number, kind: MatchKind): void {
  if (weight <= 0) return;
  let byTerm = alternativesByTerm.get(group);
  if (!byTerm) alternativesByTerm.set(group, (byTerm = new Map(group.alternatives.map((a) => [a.term, a]))));
  const existing = byTerm.get(term);
  if (!existing) {
    const alternative = { term, weight, kind };
    group.alternatives.push(alternative);
    byTerm.set(term, alternative);
  } else if (weight > existing.weight) Object.assign(existing, { weight, kind });
}

// The stemmer folds umlauts; the unstemmed form is compared too, so fold it the same way.
function foldUmlauts(word: string): string {
  return word.replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u');
}
