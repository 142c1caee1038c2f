import { splitSentences } from '@auskunft/core';
import { NO_ANSWER_MARKER } from './prompt.js';

export interface ValidatedText {
  text: string;
  /** Passage numbers (1-based, as given to the model) in order of first citation. */
  cited: number[];
}

/**
 * Checks a generated answer before anyone sees it as final:
 * - the no-answer marker means "decline";
 * - links, URLs, images and markdown are removed (only URLs from `sources` are ever shown);
 * - citations to numbers the model was not given are removed;
 * - sentences without a valid citation are dropped (every statement must be grounded);
 * - an answer with no cited sentence left is rejected (null), and the caller falls back.
 */
export function validateGeneratedAnswer(raw: string, sourceCount: number): ValidatedText | null {
  const text = raw
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\((?:[^)]*)\)/g, '$1')
    .replace(/\bhttps?:\/\/\S+/gi, '')
    .replace(/[*_#`>]+/g, '')
    .trim();
  if (!text || text.includes(NO_ANSWER_MARKER)) return null;
  const cited: number[] = [];
  const kept: string[] = [];
  for (const sentence of splitSentences(text)) {
    const cleaned = sentence
      .replace(/\[(\d+)\]/g, (match, n: string) => (Number(n) >= 1 && Number(n) <= sourceCount ? match : ''))
      .replace(/\s+([.,;:!?])/g, '$1')
      .replace(/\s{2,}/g, ' ')
      .trim();
    const numbers = [...cleaned.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    if (numbers.length === 0) continue;
    for (const n of numbers) if (!cited.includes(n)) cited.push(n);
    kept.push(cleaned);
  }
  return kept.length ? { text: kept.join(' '), cited } : null;
}

/** Renumbers citations to 1..k in order of first appearance, so sources are listed without gaps. */
export function renumberCitations(text: string, cited: readonly number[]): string {
  return text.replace(/\[(\d+)\]/g, (_m, n: string) => `[${cited.indexOf(Number(n)) + 1}]`);
}
