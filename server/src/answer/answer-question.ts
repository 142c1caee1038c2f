import { analyzeTerms } from '@auskunft/core';
import type { Retriever } from '../retrieve/retrieve.js';
import type { Answer } from './answer.js';
import { composeExtractiveAnswer, type ComposeOptions } from './compose-extractive.js';

export interface Turn {
  role: 'user' | 'assistant';
  content: string;
}

/** Follow-ups ("Und wie lange dauert das?") carry at most this many content words. */
const FOLLOW_UP_MAX_TERMS = 3;

/**
 * Answers one chat message. A short follow-up names no topic of its own, so it is first tried
 * together with the user's previous question, then alone; a longer message stands alone.
 */
export async function answerQuestion(retriever: Retriever, message: string, history: readonly Turn[], options: ComposeOptions): Promise<Answer> {
  const previous = [...history].reverse().find((t) => t.role === 'user')?.content;
  if (previous && analyzeTerms(message).length <= FOLLOW_UP_MAX_TERMS) {
    const withContext = composeExtractiveAnswer(await retriever.retrieve(`${previous} ${message}`), options);
    if (withContext.confident) return withContext;
  }
  return composeExtractiveAnswer(await retriever.retrieve(message), options);
}
