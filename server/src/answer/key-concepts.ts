import { analyzeTerms, decompoundTerm } from '@auskunft/core';
import type { QueryGroup } from '../retrieve/expand-query.js';
import type { Retrieval } from '../retrieve/retrieve.js';
import type { AnswerUnit } from './answer-unit.js';
import { conceptTermsOf, topicTermsOf } from './understand.js';

/** A group is a key concept when it weighs this much of the rarest group's weight. */
const KEY_SHARE = 0.8;

/**
 * The question's key concepts: its rarest topic words (by idf), a word the site never uses
 * counting as the rarest of all. A compound the site knows only in parts is looked for by its
 * head ("Hundesteuer" by "Steuer" would be wrong, so an unknown compound stays whole).
 */
export function keyConcepts(retrieval: Retrieval, question: string): string[] {
  const topic = new Set(conceptTermsOf(question));
  // Words the site never uses cannot be looked for in a unit; they lower its coverage instead.
  const groups = retrieval.groups.filter((g) => !g.part && topic.has(g.term) && g.alternatives.length > 0);
  if (groups.length === 0) return [];
  const weight = (group: QueryGroup) => retrieval.termWeights[[...group.alternatives].sort((a, b) => b.weight - a.weight)[0]!.term] ?? retrieval.maxIdf;
  const top = Math.max(...groups.map(weight));
  return groups
    .filter((g) => weight(g) >= KEY_SHARE * top)
    .sort((a, b) => weight(b) - weight(a))
    .map((g) => g.term);
}

/**
 * IDF-weighted share of the question's topic words the unit contains (question words such as
 * "wie lange" or "Unterlagen" say what kind of answer is wanted, not what it is about); null
 * when the question has no topic words of its own.
 */
export function topicCoverage(retrieval: Retrieval, topic: ReadonlySet<string>, concepts: ReadonlySet<string>, contained: ReadonlySet<string>, nounsMarked: boolean): number | null {
  const groups = retrieval.groups.filter((g) => topic.has(g.term) && !g.part);
  if (groups.length === 0) return null;
  const idfOf = (group: QueryGroup) => {
    const best = [...group.alternatives].sort((a, b) => b.weight - a.weight)[0];
    return best ? (retrieval.termWeights[best.term] ?? retrieval.maxIdf) : null;
  };
  // A noun the site never uses is what the question is about, and the site does not answer it
  // ("Hundesteuer in Köln"): it weighs like the rarest word there is. Another unknown word (a verb,
  // an adjective: "kaputt") weighs like the question's rarest known word, so it counts against
  // answering without outweighing all the others.
  const known = groups.map(idfOf).filter((w): w is number => w !== null);
  const unknownWeight = known.length ? Math.max(...known) : retrieval.maxIdf;
  let total = 0;
  let found = 0;
  for (const group of groups) {
    const weight = idfOf(group) ?? (concepts.has(group.term) && likelyNoun(group.term, nounsMarked) ? retrieval.maxIdf : unknownWeight);
    total += weight;
    let matched = contained.has(group.term) ? 1 : 0;
    for (const a of group.alternatives) if (a.weight > matched && contained.has(a.term)) matched = a.weight;
    // A compound found only through its parts ("Autoumbau" in "Umbau des Autos") counts partly:
    // alone it never reaches the coverage to answer ("Kindergeld" is not money for children).
    if (matched === 0) {
      const pieces = decompoundTerm(group.term);
      const parts = retrieval.groups.filter((g) => g.part && pieces.includes(g.term));
      if (pieces.length > 1 && parts.length === pieces.length && parts.every((p) => p.alternatives.some((a) => contained.has(a.term)))) matched = 0.4;
    }
    found += weight * matched;
  }
  return total > 0 ? found / total : 0;
}

/**
 * In a message typed in lower case a noun cannot be told by its capital: a long unknown word is
 * most likely a compound noun ("kitaplatz", "hundesteuer"), a short one an inflected verb.
 */
function likelyNoun(term: string, nounsMarked: boolean): boolean {
  return nounsMarked || term.length >= 9;
}

/** Whether a unit contains a query word or one of the index terms it was searched under. */
export function groupFound(retrieval: Retrieval, term: string, contained: ReadonlySet<string>): boolean {
  if (contained.has(term)) return true;
  const group = retrieval.groups.find((g) => g.term === term && !g.part);
  // Weak stand-ins (a word that merely starts a longer compound) do not carry the concept.
  return !!group?.alternatives.some((a) => a.weight >= 0.6 && contained.has(a.term));
}

/**
 * Whether an editors' FAQ entry asks what the user asks, closely enough to answer with it
 * verbatim: every key concept of the question appears in one of its phrasings as itself or a
 * close stand-in (a weak one such as "Ersatzausweis" for "Schwerbehindertenausweis" is a
 * different question), and that phrasing asks little beyond the question.
 */
export function asksSameQuestion(unit: AnswerUnit, retrieval: Pick<Retrieval, 'groups'>, keys: readonly string[]): boolean {
  const passage = unit.hits[0]!.passage;
  const phrasings = [passage.section?.split(' › ').at(-1) ?? '', ...(passage.alternatives ?? [])].filter(Boolean);
  return phrasings.some((phrasing) => {
    const words = new Set(analyzeTerms(phrasing));
    const strong = (term: string) => {
      const group = retrieval.groups.find((g) => g.term === term && !g.part);
      return words.has(term) || !!group?.alternatives.some((a) => a.weight >= 0.8 && words.has(a.term));
    };
    if (!keys.every(strong)) return false;
    const asked = new Set(retrieval.groups.flatMap((g) => g.alternatives.filter((a) => a.weight >= 0.5).map((a) => a.term)).concat(retrieval.groups.map((g) => g.term)));
    const topic = topicTermsOf(phrasing);
    return topic.length === 0 || topic.filter((t) => asked.has(t)).length / topic.length >= 0.6;
  });
}
