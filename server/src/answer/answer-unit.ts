import { analyzeTerms, decompoundTerm, passageUrl } from '@auskunft/core';
import type { QueryGroup } from '../retrieve/expand-query.js';
import type { RetrievedPassage, Retrieval } from '../retrieve/retrieve.js';
import { carriesAnswer, questionType as typeOf, type QuestionType } from './question-type.js';
import { conceptTermsOf, topicTermsOf } from './understand.js';

/**
 * One thing an answer can be about: a section of a page (its heading and text, even when the
 * crawler split it into several passages), an FAQ entry or a PDF page.
 */
export interface AnswerUnit {
  /** The passages of the unit in page order; the first is cited. */
  hits: RetrievedPassage[];
  url: string;
  title: string;
  heading: string | null;
  text: string;
  /** The editors' reviewed answer (an FAQ file entry): answered verbatim. */
  editorial: boolean;
  /** Share of the question's weight this unit covers (0..1), see `retrieval.coverage`. */
  coverage: number;
  /** The question's key concepts this unit does not contain. */
  missingKeys: string[];
  /** It lacks the rarest key concept, so it is not about what was asked and never answers. */
  lacksKey: boolean;
  score: number;
  /** How well its heading asks what the user asks (0 when it has none). */
  headingCredit: number;
  /** Why it scored as it did, for `auskunft ask`. */
  reasons: string[];
}

/**
 * Passages looked at. The section that answers is often not the one retrieval ranks first (its
 * words are the page's, not the question's), so a good number of the page's sections are read.
 */
export const CANDIDATES = 30;
/** Coverage at which a unit answers even though its page lacks one of the lesser key concepts. */
const WELL_COVERED = 0.7;
/** A group is a key concept when it weighs this much of the rarest group's weight. */
const KEY_SHARE = 0.8;
/** How pages point to where the details are: "Mehr dazu auf der Seite …". */
const POINTER = ['mehr dazu auf der seite', 'mehr dazu unter', 'mehr informationen auf der seite', 'mehr informationen unter', 'ausführliche informationen auf der seite', 'einzelheiten auf der seite', 'details auf der seite', 'mehr dazu lesen sie auf der seite', 'siehe'];
/** Score parts, set by hand and checked on the evaluation sets (`npm run eval`). */
const SCORE = {
  /** Retrieval order still counts: by rank, 1 for the first, falling off. */
  rank: 1,
  rankDecay: 0.3,
  /**
   * An overview page above a page that also answers ("/inklusionsamt/" above
   * "/inklusionsamt/kraftfahrzeughilfe/"): its lists of links name every topic, the page below
   * explains one.
   */
  overview: -0.8,
  /** Each further key concept a unit lacks (the rarest one it must have). */
  missingKey: -0.4,
  referenced: 0.5,
  refers: -0.3,
  /** A heading that asks what the user asks ("Wie beantrage ich den Ausweis?"). */
  heading: 1.2,
  headingSameType: 0.4,
  definitionIntro: 1,
  /** The unit's text carries the kind of content asked for (a duration, a list of documents …). */
  carries: 0.8,
  coverage: 1,
};

/**
 * Groups the retrieved passages into answer units, checks which of them contain the question's
 * key concepts, and ranks them by how well they answer: heading against question, the kind of
 * content asked for, coverage and retrieval rank. Units missing a key concept are ranked last
 * and never answer (see `decide`).
 */
export interface RankOptions {
  /** What is searched for: the message, or for a follow-up the earlier question with it. */
  query: string;
  /** The message itself, whose wording the headings are held against. */
  message: string;
  type: QuestionType;
  /** Coverage a unit needs to answer at all. */
  minCoverage: number;
}

export function rankAnswerUnits(retrieval: Retrieval, options: RankOptions): { units: AnswerUnit[]; keys: string[] } {
  const { query: question, type } = options;
  const followUp = options.message !== question;
  const keys = keyConcepts(retrieval, question);
  const units = groupUnits(retrieval.passages.slice(0, CANDIDATES));
  // A follow-up ("Und wie lange dauert das?") takes its topic from the earlier question (key
  // concepts, coverage) but asks in its own words: the headings are held against those.
  const questionTerms = expanded(analyzeTerms(options.message));
  const topic = new Set(topicTermsOf(question));
  const concepts = new Set(conceptTermsOf(question));
  const nounsMarked = /\s\p{Lu}/u.test(question);
  const containedOf = new Map(units.map((u) => [u, new Set(analyzeTerms([u.title, u.heading ?? '', u.text, ...(u.hits[0]!.passage.alternatives ?? [])].join('\n')))]));
  // The rarest key concept must be in the unit itself; the others at least on its page ("Originale"
  // in the list of documents, "Arztberichte" in the paragraph above it).
  const pageOf = (u: AnswerUnit) => u.hits[0]!.passage.url;
  const pageTerms = new Map<string, Set<string>>();
  for (const [u, terms] of containedOf) {
    const page = pageTerms.get(pageOf(u)) ?? new Set<string>();
    for (const t of terms) page.add(t);
    pageTerms.set(pageOf(u), page);
  }
  units.forEach((unit, rank) => {
    const contained = containedOf.get(unit)!;
    unit.missingKeys = keys.filter((key) => !groupFound(retrieval, key, contained));
    const onPage = pageTerms.get(pageOf(unit))!;
    const offPage = unit.missingKeys.filter((key) => !groupFound(retrieval, key, onPage));
    const reasons: string[] = [];
    unit.coverage = topicCoverage(retrieval, topic, concepts, contained, nounsMarked) ?? unit.coverage;
    // A follow-up asks about another aspect of the earlier topic: its unit must stay on that
    // topic (the key concepts on its page), not repeat every word of the earlier question.
    if (followUp && keys.length > 0) unit.coverage = Math.max(unit.coverage, keys.filter((key) => groupFound(retrieval, key, onPage)).length / keys.length);
    // A further key concept missing from the whole page means the page is about something else
    // ("Bürgergeld beim Jobcenter" on a page that mentions Bürgergeld once), unless the unit
    // covers the question well otherwise.
    unit.lacksKey = keys.length > 0 && (unit.missingKeys.includes(keys[0]!) || (offPage.length > 0 && unit.coverage < WELL_COVERED));
    let score = SCORE.rank / (1 + rank * SCORE.rankDecay);
    reasons.push(`rank ${rank + 1}`);
    score += SCORE.coverage * unit.coverage;
    const headings = [unit.heading, ...(unit.hits[0]!.passage.alternatives ?? [])].filter((h): h is string => !!h);
    // A heading that asks another kind of question ("Wer stellt den Antrag?" for "Wer bezahlt …?")
    // shares words but not the answer.
    const credit = (h: string) => {
      const headingTerms = expanded(analyzeTerms(h));
      // A heading that names the question's concept and nothing else ("Führerschein") matches as
      // well as one that repeats the question.
      const match = Math.max(overlap(questionTerms, headingTerms), 0.8 * contains(questionTerms, headingTerms));
      const asks = typeOf(h);
      if (type === 'general' || asks === 'general') return match * SCORE.heading * 0.7;
      return match * (asks === type ? SCORE.heading + SCORE.headingSameType : SCORE.heading * 0.3);
    };
    const headingCredit = Math.max(0, ...headings.map(credit));
    unit.headingCredit = headingCredit;
    if (headingCredit > 0) {
      score += headingCredit;
      reasons.push(`heading matches (+${headingCredit.toFixed(2)})`);
    }
    // "Was ist …?" is answered by the opening of the page about it.
    if (type === 'definition' && unit.heading === null && keys.length > 0 && unit.missingKeys.length === 0 && keys.every((k) => expanded(analyzeTerms(unit.title)).has(k))) {
      score += SCORE.definitionIntro;
      reasons.push('the opening of the page the question names');
    }
    if (carriesAnswer(type, unit.text)) {
      score += SCORE.carries;
      reasons.push(`text carries ${type}`);
    }
    if (unit.missingKeys.length) {
      reasons.push(`misses ${unit.missingKeys.join(', ')}`);
      score += SCORE.missingKey * (unit.missingKeys.length - Number(unit.lacksKey));
    }
    unit.score = score;
    unit.reasons = reasons;
  });
  const pathOf = (u: AnswerUnit) => new URL(u.hits[0]!.passage.url).pathname;
  for (const unit of units) {
    const path = pathOf(unit);
    if (isLinkList(unit) && units.some((other) => !other.lacksKey && pathOf(other) !== path && pathOf(other).startsWith(path))) {
      unit.score += SCORE.overview;
      unit.reasons.push('a list of links on an overview above a page that answers');
    }
  }
  // "Mehr dazu auf der Seite Schwerbehindertenausweis beantragen": the site itself says where the
  // full answer is, so that page's section is preferred to the summary that points to it.
  const credited = new Set<AnswerUnit>();
  for (const unit of units) {
    if (unit.headingCredit < 0.5) continue;
    const text = unit.text.toLocaleLowerCase('de-DE');
    for (const other of units) {
      if (credited.has(other) || other.url.split('#')[0] === unit.url.split('#')[0] || other.title.length < 8 || other.lacksKey) continue;
      const title = other.title.toLocaleLowerCase('de-DE');
      if (!POINTER.some((p) => text.includes(`${p} ${title}`))) continue;
      credited.add(other);
      other.score += SCORE.referenced;
      other.reasons.push(`the page "${unit.title}" refers to it for details`);
      unit.score += SCORE.refers;
      unit.reasons.push(`refers to "${other.title}" for details`);
    }
  }
  units.sort((a, b) => Number(a.lacksKey) - Number(b.lacksKey) || Number(a.coverage < options.minCoverage) - Number(b.coverage < options.minCoverage) || b.score - a.score);
  return { units, keys };
}

/**
 * The question's key concepts: its rarest topic words (by idf), a word the site never uses
 * counting as the rarest of all. A compound the site knows only in parts is looked for by its
 * head ("Hundesteuer" by "Steuer" would be wrong, so an unknown compound stays whole).
 */
function keyConcepts(retrieval: Retrieval, question: string): string[] {
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
function topicCoverage(retrieval: Retrieval, topic: ReadonlySet<string>, concepts: ReadonlySet<string>, contained: ReadonlySet<string>, nounsMarked: boolean): number | null {
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
function groupFound(retrieval: Retrieval, term: string, contained: ReadonlySet<string>): boolean {
  if (contained.has(term)) return true;
  const group = retrieval.groups.find((g) => g.term === term && !g.part);
  // Weak stand-ins (a word that merely starts a longer compound) do not carry the concept.
  return !!group?.alternatives.some((a) => a.weight >= 0.6 && contained.has(a.term));
}

function groupUnits(hits: readonly RetrievedPassage[]): AnswerUnit[] {
  const units = new Map<string, AnswerUnit>();
  for (const hit of hits) {
    const p = hit.passage;
    const key = p.kind === 'faq' ? `faq:${p.id}` : `${passageUrl(p)}|${p.section ?? ''}`;
    const unit = units.get(key);
    if (unit) {
      unit.hits.push(hit);
      unit.coverage = Math.max(unit.coverage, hit.coverage);
      continue;
    }
    units.set(key, {
      hits: [hit],
      url: passageUrl(p),
      title: p.title,
      heading: p.section?.split(' › ').at(-1) ?? null,
      text: '',
      editorial: p.kind === 'faq' && p.origin === 'faq-file',
      coverage: hit.coverage,
      missingKeys: [],
      lacksKey: false,
      score: 0,
      headingCredit: 0,
      reasons: [],
    });
  }
  for (const unit of units.values()) {
    unit.hits.sort((a, b) => a.passage.id - b.passage.id);
    unit.text = unit.hits.map((h) => h.passage.text).join('\n');
  }
  return [...units.values()];
}

/** Mostly list items: the link lists of overview pages. */
function isLinkList(unit: AnswerUnit): boolean {
  const lines = unit.text.split('\n').filter((l) => l.trim());
  const items = lines.filter((l) => l.startsWith('•'));
  if (lines.length < 3 || items.length / lines.length < 0.6) return false;
  // Link titles are short and are not sentences; the steps of a procedure are.
  const sentences = items.filter((l) => /[.!?]\s*$/.test(l)).length;
  const meanLength = items.reduce((sum, l) => sum + l.length, 0) / items.length;
  return sentences / items.length < 0.3 && meanLength < 100;
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

/** Terms with their compound parts, so "Ausweis" in a heading meets "Schwerbehindertenausweis". */
function expanded(terms: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const t of terms) {
    out.add(t);
    const parts = decompoundTerm(t);
    if (parts.length > 1) out.add(parts.at(-1)!);
  }
  return out;
}

/** Share of `part`'s terms that `whole` has (0..1). */
function contains(whole: ReadonlySet<string>, part: ReadonlySet<string>): number {
  if (part.size === 0) return 0;
  let shared = 0;
  for (const t of part) if (whole.has(t)) shared++;
  return shared / part.size;
}

/** Dice overlap of two term sets (0..1). */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return (2 * shared) / (a.size + b.size);
}
