import type { Answer } from './answer.js';

export type AnswerEvent = { type: 'delta'; text: string } | { type: 'done'; answer: Answer };

/** Words per delta when an answer that already exists is streamed. */
const WORDS_PER_DELTA = 4;

/** Streams a finished answer a few words at a time, then the answer itself. */
export async function* streamText(answer: Answer): AsyncGenerator<AnswerEvent> {
  const words = answer.text.split(/(?<=\s)/);
  for (let i = 0; i < words.length; i += WORDS_PER_DELTA) yield { type: 'delta', text: words.slice(i, i + WORDS_PER_DELTA).join('') };
  yield { type: 'done', answer };
}
