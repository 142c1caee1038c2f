import type { RetrievedPassage } from '../retrieve/retrieve.js';
import type { Answer, AnswerTrace } from './answer.js';
import type { AnswerContext, AnswerEvent } from './answer-question.js';
import type { AnswerUnit } from './answer-unit.js';
import { buildChatMessages } from './prompt.js';
import { declineReply } from './replies.js';
import { toSource } from './source.js';
import { streamText } from './stream-text.js';
import type { Turn, Understanding } from './understand.js';
import { createSentenceValidator } from './validate-generated.js';

/** Model turns given as context: enough for a follow-up, little enough that a prompt carries no more of the conversation than needed (docs/data-protection.md). */
const HISTORY_FOR_MODEL = 4;

/**
 * The model restates the chosen unit (and other units that contain the question's key
 * concepts), never the raw retrieval list. Only sentences that pass validation are streamed; on
 * timeout, error or no grounded sentence the extractive answer is sent instead. The request to
 * the model is cancelled when the citizen goes away (`signal`).
 */
export async function* generatedAnswer(
  ctx: AnswerContext,
  message: string,
  units: readonly AnswerUnit[],
  understood: Understanding,
  history: readonly Turn[],
  extractive: Answer,
  clientSignal: AbortSignal | undefined,
  trace: AnswerTrace,
): AsyncGenerator<AnswerEvent> {
  const generator = ctx.generator!;
  const passages: RetrievedPassage[] = units.flatMap((u) => u.hits).slice(0, ctx.llmPassages);
  const messages = buildChatMessages(message, history.slice(-HISTORY_FOR_MODEL), passages.map((p) => p.passage), understood.lang);
  const validator = createSentenceValidator(passages.length);
  let streamed = '';
  const emit = (sentences: string[]): AnswerEvent[] =>
    sentences.map((s) => {
      const text = streamed ? ` ${s}` : s;
      streamed += text;
      return { type: 'delta', text };
    });
  const signals = [AbortSignal.timeout(ctx.llmTimeoutMs), ...(clientSignal ? [clientSignal] : [])];
  try {
    for await (const token of generator.stream(messages, AbortSignal.any(signals))) yield* emit(validator.push(token));
    yield* emit(validator.finish());
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    ctx.onFallback?.(timedOut ? 'timeout' : 'error', error instanceof Error ? error.message : String(error));
    if (!streamed) return yield { type: 'done', answer: { ...extractive, fallback: timedOut ? 'timeout' : 'error', trace } };
  }
  if (validator.declined) return yield* streamText({ ...declineReply('not-covered', understood.lang, extractive.handoff), trace });
  const validated = validator.result();
  if (!validated) {
    ctx.onFallback?.('ungrounded', 'the model answer cited no source');
    return yield { type: 'done', answer: { ...extractive, fallback: 'ungrounded', trace } };
  }
  yield {
    type: 'done',
    answer: {
      text: validated.text,
      sources: validated.cited.map((n, i) => toSource(passages[n - 1]!, i + 1)),
      generated: 'llm',
      model: generator.model,
      confident: true,
      handoff: extractive.handoff,
      lang: understood.lang,
      trace,
    },
  };
}

