import { analyzeTerms } from '@auskunft/core';
import { withoutPlaceholders } from '../privacy/scrub.js';
import type { Retrieval, Retriever } from '../retrieve/retrieve.js';
import type { Answer } from './answer.js';
import { composeExtractiveAnswer, declineAnswer, toSource, type ComposeOptions } from './compose-extractive.js';
import { asksForPersonalAssessment } from './entitlement.js';
import type { ChatGenerator } from './generate-llm.js';
import { buildChatMessages, NO_ANSWER_MARKER } from './prompt.js';
import { smallTalkAnswer } from './small-talk.js';
import { renumberCitations, validateGeneratedAnswer } from './validate-generated.js';

export interface Turn {
  role: 'user' | 'assistant';
  content: string;
}

export type AnswerEvent = { type: 'delta'; text: string } | { type: 'done'; answer: Answer };

export interface AnswerContext {
  retriever: Retriever;
  compose: ComposeOptions;
  generator?: ChatGenerator | undefined;
  llmTimeoutMs: number;
  llmPassages: number;
  /** Called when a model answer was replaced, for logs and metrics. */
  onFallback?: (reason: NonNullable<Answer['fallback']>, detail: string) => void;
}

/** Follow-ups ("Und wie lange dauert das?") carry at most this many content words. */
const FOLLOW_UP_MAX_TERMS = 3;
/** Words per delta when an answer that already exists is streamed. */
const WORDS_PER_DELTA = 4;
/** Model turns given as context: enough for a follow-up, little enough that a prompt carries no more of the conversation than needed (docs/data-protection.md). */
const HISTORY_FOR_MODEL = 4;

/**
 * Answers one chat message as a stream of events: text deltas, then the final answer.
 *
 * Order of decisions: a question about the asker's own entitlement is handed off; otherwise the
 * extractive composer decides whether the sources answer at all (and returns an editors' FAQ
 * answer verbatim when one fits); only then, if a model is configured, the model restates the
 * passages. Its output is validated; on timeout, error or missing citations the extractive
 * answer is sent instead.
 */
export async function* streamAnswer(ctx: AnswerContext, message: string, history: readonly Turn[]): AsyncGenerator<AnswerEvent> {
  // `message` and `history` arrive scrubbed of personal data (see routes/chat.ts).
  const chit = smallTalkAnswer(message, ctx.compose.handoff);
  if (chit) {
    yield* streamText(chit);
    return;
  }
  const { answer: extractive, retrieval } = await retrieveAndCompose(ctx, message, history);

  if (asksForPersonalAssessment(message)) {
    yield* streamText(personalAssessmentAnswer(retrieval, extractive, ctx.compose));
    return;
  }
  if (!ctx.generator || !extractive.confident || extractive.generated === 'faq') {
    yield* streamText(extractive);
    return;
  }

  const passages = retrieval.passages.slice(0, ctx.llmPassages);
  const messages = buildChatMessages(message, history.slice(-HISTORY_FOR_MODEL), passages.map((p) => p.passage));
  let raw = '';
  let streamed = 0;
  try {
    const signal = AbortSignal.timeout(ctx.llmTimeoutMs);
    for await (const token of ctx.generator.stream(messages, signal)) {
      raw += token;
      // Hold back the start until it cannot be the no-answer marker any more.
      if (raw.length >= NO_ANSWER_MARKER.length && !raw.trimStart().startsWith(NO_ANSWER_MARKER)) {
        yield { type: 'delta', text: raw.slice(streamed) };
        streamed = raw.length;
      }
    }
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    ctx.onFallback?.(timedOut ? 'timeout' : 'error', error instanceof Error ? error.message : String(error));
    yield { type: 'done', answer: { ...extractive, fallback: timedOut ? 'timeout' : 'error' } };
    return;
  }
  if (raw.trim().startsWith(NO_ANSWER_MARKER)) {
    // The model found the passages insufficient although their words matched; trust the refusal.
    yield* streamText(declineAnswer(ctx.compose.handoff));
    return;
  }
  const validated = validateGeneratedAnswer(raw, passages.length);
  if (!validated) {
    ctx.onFallback?.('ungrounded', 'the model answer cited no source');
    yield { type: 'done', answer: { ...extractive, fallback: 'ungrounded' } };
    return;
  }
  yield {
    type: 'done',
    answer: {
      text: renumberCitations(validated.text, validated.cited),
      sources: validated.cited.map((n, i) => toSource(passages[n - 1]!, i + 1)),
      generated: 'llm',
      model: ctx.generator.model,
      confident: true,
      handoff: ctx.compose.handoff,
    },
  };
}

async function retrieveAndCompose(ctx: AnswerContext, scrubbed: string, history: readonly Turn[]): Promise<{ answer: Answer; retrieval: Retrieval }> {
  const message = withoutPlaceholders(scrubbed);
  const previous = [...history].reverse().find((t) => t.role === 'user')?.content;
  if (previous && analyzeTerms(message).length <= FOLLOW_UP_MAX_TERMS) {
    const retrieval = await ctx.retriever.retrieve(`${previous} ${message}`);
    const answer = composeExtractiveAnswer(retrieval, ctx.compose);
    if (answer.confident) return { answer, retrieval };
  }
  const retrieval = await ctx.retriever.retrieve(message);
  return { answer: composeExtractiveAnswer(retrieval, ctx.compose), retrieval };
}

/** General information may be given (with its source); the judgement is left to a person. */
function personalAssessmentAnswer(retrieval: Retrieval, extractive: Answer, options: ComposeOptions): Answer {
  const top = extractive.confident ? retrieval.passages[0] : undefined;
  const contact = options.handoff ? ` Bitte wenden Sie sich dafür an: ${options.handoff.title} (${options.handoff.url}).` : '';
  const info = top ? ` Allgemeine Informationen finden Sie auf der Seite „${top.passage.title}“ [1].` : '';
  return {
    text: `Ob Ihnen persönlich eine Leistung zusteht, kann ich nicht beurteilen – das prüft die zuständige Stelle im Einzelfall.${info}${contact}`,
    sources: top ? [toSource(top, 1)] : [],
    generated: 'extractive',
    model: null,
    confident: false,
    handoff: options.handoff,
  };
}

async function* streamText(answer: Answer): AsyncGenerator<AnswerEvent> {
  const words = answer.text.split(/(?<=\s)/);
  for (let i = 0; i < words.length; i += WORDS_PER_DELTA) yield { type: 'delta', text: words.slice(i, i + WORDS_PER_DELTA).join('') };
  yield { type: 'done', answer };
}
