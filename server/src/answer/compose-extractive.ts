import { analyzeTerms, passageUrl, splitSentences, type Passage } from '@auskunft/core';
import type { RetrievedPassage, Retrieval } from '../retrieve/retrieve.js';
import type { Answer, Handoff, Source } from './answer.js';
import { handoffSentence, type HandoffChooser } from './choose-handoff.js';

export interface ComposeOptions {
  /** Coverage the best passage needs before we answer at all (see serverSettings.minAnswerCoverage). */
  minCoverage: number;
  /** The general contact. */
  handoff: Handoff | null;
  /** Picks the responsible team for the passages an answer cites (see choose-handoff.ts); absent: always `handoff`. */
  handoffFor?: HandoffChooser | undefined;
}

/** The hand-off for the passages an answer cites (or, declining, the ones nearest the question). */
export function handoffFor(options: ComposeOptions, passages: readonly Passage[]): Handoff | null {
  return options.handoffFor ? options.handoffFor(passages) : options.handoff;
}

/** The passages a declined question is nearest to: the best hit, if it is at least half on topic. */
export function topicalPassages(retrieval: Retrieval, options: Pick<ComposeOptions, 'minCoverage'>): Passage[] {
  const best = retrieval.passages[0];
  return best && best.coverage >= options.minCoverage / 2 ? [best.passage] : [];
}

const MAX_SENTENCES = 3;
const MAX_PER_PASSAGE = 2;
const PASSAGES_CONSIDERED = 4;
/**
 * A curated FAQ entry answers verbatim only when the question is nearly its own question or one
 * of its alternatives. Coverage of the whole entry is not enough: "Wer zahlt den Umbau meines
 * Autos?" shares every word with the FAQ on used cars, whose answer is about something else.
 */
const FAQ_MATCH = 0.8;
/** Later-ranked passages need a clearly better sentence to win over the top one. */
const RANK_DECAY = 0.15;

/**
 * Builds an answer only from retrieved text, never from anywhere else: the best matching
 * sentences, each followed by the number of the page it comes from. Declines with a hand-off
 * when no passage covers enough of the question.
 */
export function composeExtractiveAnswer(retrieval: Retrieval, options: ComposeOptions): Answer {
  const top = retrieval.passages.slice(0, PASSAGES_CONSIDERED);
  const confidence = Math.max(0, ...top.slice(0, 3).map((p) => p.coverage));
  const decline = () => declineAnswer(handoffFor(options, topicalPassages(retrieval, options)));
  if (top.length === 0 || confidence < options.minCoverage) return decline();

  const first = top[0]!;
  if (first.passage.kind === 'faq' && (first.faqMatch ?? 0) >= FAQ_MATCH && first.coverage >= options.minCoverage) return faqAnswer(first, top, options);

  const wanted = new Set(retrieval.terms);
  const weightOf = (term: string) => retrieval.termWeights?.[term] ?? 1;
  const totalWeight = Math.max(1e-9, [...wanted].reduce((sum, t) => sum + weightOf(t), 0));
  const candidates: Array<{ rank: number; position: number; sentence: string; score: number }> = [];
  top.forEach((hit, rank) => {
    if (hit.coverage < options.minCoverage / 2) return;
    splitSentences(hit.passage.text).forEach((sentence, position) => {
      const terms = new Set(analyzeTerms(sentence));
      // Rare words decide what a sentence is about: "Kraftfahrzeughilfe" says more than "Unterlagen".
      const matched = [...wanted].filter((t) => terms.has(t)).reduce((sum, t) => sum + weightOf(t), 0);
      if (matched === 0) return;
      candidates.push({ rank, position, sentence, score: (matched / totalWeight) * (1 - RANK_DECAY * rank) });
    });
  });
  // Vector-only matches share no words with the question: open with the best passage's lead.
  if (candidates.length === 0) {
    const lead = splitSentences(first.passage.text)[0];
    if (!lead) return decline();
    candidates.push({ rank: 0, position: 0, sentence: lead, score: 1 });
  }

  const perPassage = new Map<number, number>();
  const chosen = candidates
    .sort((a, b) => b.score - a.score || a.rank - b.rank || a.position - b.position)
    .filter((c) => {
      const used = perPassage.get(c.rank) ?? 0;
      if (used >= MAX_PER_PASSAGE) return false;
      perPassage.set(c.rank, used + 1);
      return true;
    })
    .slice(0, MAX_SENTENCES)
    .sort((a, b) => a.rank - b.rank || a.position - b.position);

  // Number sources by first appearance; passages of one section share a number.
  const numbers = new Map<string, number>();
  const sources: Source[] = [];
  const cited: Passage[] = [];
  const sentences = chosen.map((c) => {
    const hit = top[c.rank]!;
    const key = passageUrl(hit.passage);
    let n = numbers.get(key);
    if (n === undefined) {
      n = sources.length + 1;
      numbers.set(key, n);
      sources.push(toSource(hit, n));
      cited.push(hit.passage);
    }
    return `${c.sentence} [${n}]`;
  });
  return { text: sentences.join(' '), sources, generated: 'extractive', model: null, confident: true, handoff: handoffFor(options, cited) };
}

/**
 * The editors' answer, verbatim. FAQ answers are short by design, so the best matching page on
 * the topic itself is cited as well, where the citizen finds the details.
 */
function faqAnswer(faq: RetrievedPassage, top: readonly RetrievedPassage[], options: ComposeOptions): Answer {
  const sources = [toSource(faq, 1)];
  const cited = [faq.passage];
  let text = `${faq.passage.text} [1]`;
  const detail = top.find((h) => h.passage.kind === 'section' && h.passage.url !== faq.passage.url && h.coverage >= options.minCoverage);
  if (detail) {
    sources.push(toSource(detail, 2));
    cited.push(detail.passage);
    text += ` Ausführliche Informationen finden Sie auf der Seite „${detail.passage.title}“ [2].`;
  }
  return {
    text,
    sources,
    generated: 'faq',
    model: null,
    confident: true,
    handoff: handoffFor(options, cited),
    ...(faq.passage.easyLanguage ? { easyLanguage: faq.passage.easyLanguage } : {}),
  };
}

export function declineAnswer(handoff: Handoff | null): Answer {
  const contact = handoff ? handoffSentence(handoff) : ' Bitte wenden Sie sich direkt an die zuständige Stelle.';
  return {
    text: `Dazu habe ich auf diesen Seiten keine verlässliche Antwort gefunden.${contact}`,
    sources: [],
    generated: 'extractive',
    model: null,
    confident: false,
    handoff,
  };
}

export function toSource(hit: RetrievedPassage, n: number): Source {
  const text = hit.passage.text.replace(/\s+/g, ' ');
  return {
    n,
    url: passageUrl(hit.passage),
    title: hit.passage.title,
    section: hit.passage.section,
    snippet: text.length > 200 ? `${text.slice(0, 200).replace(/\s+\S*$/, '')} …` : text,
  };
}
