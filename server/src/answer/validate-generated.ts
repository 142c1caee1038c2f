import { splitSentences } from '@auskunft/core';
import { NO_ANSWER_MARKER } from './prompt.js';

export interface ValidatedText {
  text: string;
  /** Passage numbers (1-based, as given to the model) in order of first citation. */
  cited: number[];
}

/**
 * Checks model output sentence by sentence as it streams, so that only text that passed reaches
 * the citizen, never raw tokens:
 * - links, URLs, images and markdown are removed (only URLs from `sources` are ever shown);
 * - citations to numbers the model was not given are removed;
 * - a sentence without a valid citation is dropped (every statement must be grounded);
 * - citations are renumbered 1..k in order of first appearance, so sources have no gaps.
 * A sentence counts as complete when the next one has begun; `finish` releases the last.
 */
export function createSentenceValidator(sourceCount: number) {
  let buffer = '';
  const cited: number[] = [];
  const kept: string[] = [];
  let declined = false;

  const accept = (sentence: string): string | null => {
    const cleaned = clean(sentence)
      .replace(/\[(\d+)\]/g, (match, n: string) => (Number(n) >= 1 && Number(n) <= sourceCount ? match : ''))
      .replace(/\s+([.,;:!?])/g, '$1')
      .replace(/\s{2,}/g, ' ')
      .trim();
    const numbers = [...cleaned.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    if (numbers.length === 0) return null;
    for (const n of numbers) if (!cited.includes(n)) cited.push(n);
    const renumbered = cleaned.replace(/\[(\d+)\]/g, (_m, n: string) => `[${cited.indexOf(Number(n)) + 1}]`);
    kept.push(renumbered);
    return renumbered;
  };

  return {
    /** Adds streamed text; returns the sentences that became complete and passed. */
    push(token: string): string[] {
      if (declined) return [];
      buffer += token;
      if (buffer.trimStart().startsWith(NO_ANSWER_MARKER) || (buffer.trimStart().length < NO_ANSWER_MARKER.length && NO_ANSWER_MARKER.startsWith(buffer.trimStart()))) {
        declined = buffer.trimStart().startsWith(NO_ANSWER_MARKER);
        return [];
      }
      const sentences = splitSentences(buffer);
      if (sentences.length < 2) return [];
      // Everything but the last sentence is complete; the last may still grow.
      const complete = sentences.slice(0, -1);
      // The splitter trims; the space a token ended with belongs before the next token.
      buffer = sentences.at(-1)! + (/\s$/.test(buffer) ? ' ' : '');
      return complete.map(accept).filter((s): s is string => s !== null);
    },
    /** The end of the stream: the last sentence, if it passes. */
    finish(): string[] {
      if (declined || buffer.includes(NO_ANSWER_MARKER)) {
        declined = true;
        return [];
      }
      const last = buffer.trim() ? accept(buffer) : null;
      buffer = '';
      return last ? [last] : [];
    },
    /** The model answered with the no-answer marker. */
    get declined() {
      return declined;
    },
    result(): ValidatedText | null {
      return kept.length ? { text: kept.join(' '), cited: [...cited] } : null;
    },
  };
}

/** A whole generated answer at once (tests and non-streaming callers). */
export function validateGeneratedAnswer(raw: string, sourceCount: number): ValidatedText | null {
  const validator = createSentenceValidator(sourceCount);
  validator.push(raw);
  validator.finish();
  return validator.declined ? null : validator.result();
}

function clean(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\((?:[^)]*)\)/g, '$1')
    .replace(/\bhttps?:\/\/\S+/gi, '')
    .replace(/\bwww\.\S+/gi, '')
    .replace(/[*_#`>]+/g, '')
    .replace(/\s+/g, ' ');
}
