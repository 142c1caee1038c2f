import { analyzeTerms, passageUrl } from '@auskunft/core';
import type { RetrievedPassage, Retrieval } from '../retrieve/retrieve.js';
import { headingMatch, headingTerms } from './heading-match.js';
import { groupFound, keyConcepts, topicCoverage } from './key-concepts.js';
import { carriesAnswer, type QuestionType } from './question-type.js';
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
  definitionIntro: 1,
  /** The unit's text carries the kind of content asked for (a duration, a list of documents …). */
  carries: 0.8,
  coverage: 1,
};

export interface RankOptions {
  /** What is searched for: the message, or for a follow-up the earlier question with it. */
  query: string;
  /** The message itself, whose wording the headings are held against. */
  message: string;
  type: QuestionType;
  /** Coverage a unit needs to answer at all. */
  minCoverage: number;
}

/**
 * Groups the retrieved passages into answer units, checks which of them contain the question's
 * key concepts, and ranks them by how well they answer: heading against question, the kind of
 * content asked for, coverage and retrieval rank. Units missing a key concept are ranked last
 * and never answer (answer-question.ts).
 */
export function rankAnswerUnits(retrieval: Retrieval, options: RankOptions): { units: AnswerUnit[]; keys: string[] } {
  const { query: question, type } = options;
  const followUp = options.message !== question;
  const keys = keyConcepts(retrieval, question);
  const units = groupUnits(retrieval.passages.slice(0, CANDIDATES));
  // A follow-up ("Und wie lange dauert das?") takes its topic from the earlier question (key
  // concepts, coverage) but asks in its own words: the headings are held against those.
  const questionTerms = headingTerms(options.message);
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
    const headingCredit = headingMatch(unit, questionTerms, type);
    unit.headingCredit = headingCredit;
    if (headingCredit > 0) {
      score += headingCredit;
      reasons.push(`heading matches (+${headingCredit.toFixed(2)})`);
    }
    // "Was ist …?" is answered by the opening of the page about it.
    if (type === 'definition' && unit.heading === null && keys.length > 0 && unit.missingKeys.length === 0 && keys.every((k) => headingTerms(unit.title).has(k))) {
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

