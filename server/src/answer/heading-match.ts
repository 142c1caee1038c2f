import { analyzeTerms, decompoundTerm } from '@auskunft/core';
import type { AnswerUnit } from './answer-unit.js';
import { questionType as typeOf, type QuestionType } from './question-type.js';

/** Credit for a heading that asks what the user asks, set by hand and checked with `npm run eval`. */
const HEADING = 1.2;
/** Extra when the heading asks the same kind of question ("Wie lange dauert …?" for "Wie lange …"). */
const SAME_TYPE = 0.4;

/**
 * How well a unit's heading (or an FAQ entry's question and alternatives) asks what the user
 * asks. A heading that asks another kind of question ("Wer stellt den Antrag?" for "Wer bezahlt
 * …?") shares words but not the answer, so it counts for less.
 */
export function headingMatch(unit: AnswerUnit, questionTerms: ReadonlySet<string>, type: QuestionType): number {
  const headings = [unit.heading, ...(unit.hits[0]!.passage.alternatives ?? [])].filter((h): h is string => !!h);
  const credit = (h: string) => {
    const terms = headingTerms(h);
    // A heading that names the question's concept and nothing else ("Führerschein") matches as
    // well as one that repeats the question.
    const match = Math.max(overlap(questionTerms, terms), 0.8 * contains(questionTerms, terms));
    const asks = typeOf(h);
    if (type === 'general' || asks === 'general') return match * HEADING * 0.7;
    return match * (asks === type ? HEADING + SAME_TYPE : HEADING * 0.3);
  };
  return Math.max(0, ...headings.map(credit));
}

/** A text's terms with the heads of its compounds, so "Ausweis" in a heading meets "Schwerbehindertenausweis". */
export function headingTerms(text: string): Set<string> {
  const out = new Set<string>();
  for (const t of analyzeTerms(text)) {
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
