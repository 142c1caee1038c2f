import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Handoff } from '../answer/answer.js';
import { answerQuestion } from '../answer/answer-question.js';
import type { Retriever } from '../retrieve/retrieve.js';
import { chatRequestSchema, parseJsonBody, requireText } from '../validate.js';
import { ApiError } from '../api-error.js';

export interface ChatRouteOptions {
  retriever: Retriever;
  maxQueryChars: number;
  maxHistoryTurns: number;
  minCoverage: number;
  handoff: Handoff | null;
}

/** Shown with the first answer of a conversation (AI Act Art. 50(1)). */
export const DISCLOSURE_DE =
  'Sie schreiben mit einem automatisierten Assistenten. Er antwortet nur mit Inhalten dieser Website und nennt seine Quellen.';

/** Words per `delta` event: small enough to feel live, large enough not to flood the stream. */
const WORDS_PER_DELTA = 4;

/**
 * POST /api/chat → Server-Sent Events: `delta` events with text as it is produced, then one
 * `done` event with the full answer, its numbered sources and how it was made.
 */
export function chatRoute(options: ChatRouteOptions) {
  return new Hono().post('/', async (c) => {
    const body = await parseJsonBody(c.req.raw, chatRequestSchema);
    const message = requireText(body.message, 'message', options.maxQueryChars);
    if (body.history.length > options.maxHistoryTurns) {
      throw new ApiError(400, 'HISTORY_TOO_LONG', `Der Gesprächsverlauf ist zu lang (${body.history.length} Einträge, erlaubt sind ${options.maxHistoryTurns}). Bitte beginnen Sie ein neues Gespräch.`);
    }
    const history = body.history.map((t) => ({ role: t.role, content: t.content.slice(0, options.maxQueryChars || undefined) }));
    const answer = await answerQuestion(options.retriever, message, history, { minCoverage: options.minCoverage, handoff: options.handoff });
    return streamSSE(c, async (stream) => {
      const words = answer.text.split(/(?<=\s)/);
      for (let i = 0; i < words.length; i += WORDS_PER_DELTA) {
        await stream.writeSSE({ event: 'delta', data: JSON.stringify({ text: words.slice(i, i + WORDS_PER_DELTA).join('') }) });
      }
      await stream.writeSSE({
        event: 'done',
        data: JSON.stringify({
          answer: answer.text,
          sources: answer.sources,
          generated: answer.generated,
          model: null,
          confident: answer.confident,
          handoff: answer.handoff,
          ...(history.length === 0 ? { disclosure: DISCLOSURE_DE } : {}),
        }),
      });
    });
  });
}
