import type { ChatDoneWire } from '@auskunft/core/api';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { ApiError } from '../http/api-error.js';
import type { Logger } from '../http/log.js';
import { streamAnswer, type AnswerContext } from '../answer/answer-question.js';
import type { Answer } from '../answer/answer.js';
import { scrubPersonalData, type Scrubber } from '../privacy/scrub.js';
import { chatRequestSchema, parseJsonBody, requireText } from '../http/validate.js';

export interface ChatRouteOptions {
  answers: AnswerContext;
  maxQueryChars: number;
  maxHistoryTurns: number;
  /** Shown with the first answer of a conversation (AI Act Art. 50(1)). */
  disclosure: string;
  /** Where a stream that broke after it opened is reported. */
  logger: Logger;
  /** Called once per answer, with the scrubbed question. */
  onAnswer?: (question: string, answer: Answer) => void;
  /** Default: `scrubPersonalData`; the app passes one that knows the authority's own contact data. */
  scrub?: Scrubber;
}

/**
 * POST /api/chat → Server-Sent Events: `delta` events with text as it is produced, then one
 * `done` event with the full answer, its numbered sources and how it was made. The question is
 * scrubbed of personal data before retrieval, logging or any model sees it.
 */
export function chatRoute(options: ChatRouteOptions) {
  const scrub = options.scrub ?? scrubPersonalData;
  return new Hono().post('/', async (c) => {
    const body = await parseJsonBody(c.req.raw, chatRequestSchema);
    const message = scrub(requireText(body.message, 'message', options.maxQueryChars));
    if (body.history.length > options.maxHistoryTurns) {
      throw new ApiError(400, 'HISTORY_TOO_LONG', `Der Gesprächsverlauf ist zu lang (${body.history.length} Einträge, erlaubt sind ${options.maxHistoryTurns}). Bitte beginnen Sie ein neues Gespräch.`);
    }
    const limit = options.maxQueryChars || undefined;
    const history = body.history.map((t) => ({ role: t.role, content: scrub(t.content.slice(0, limit)) }));
    const events = streamAnswer(options.answers, message, history, c.req.raw.signal);
    // The first event is awaited before the stream opens, so retrieval errors still become
    // proper JSON error responses instead of a broken stream.
    const first = await events.next();
    return streamSSE(c, async (stream) => {
      for (let step = first; !step.done; step = await events.next()) {
        const event = step.value;
        if (event.type === 'delta') {
          await stream.writeSSE({ event: 'delta', data: JSON.stringify({ text: event.text }) });
          continue;
        }
        const { answer } = event;
        options.onAnswer?.(message, answer);
        const done: ChatDoneWire = {
          answer: answer.text,
          sources: answer.sources,
          generated: answer.generated,
          model: answer.model,
          confident: answer.confident,
          handoff: answer.handoff,
          ...(answer.lang ? { lang: answer.lang } : {}),
          ...(answer.declined ? { declined: answer.declined } : {}),
          ...(answer.easyLanguage ? { easyLanguage: answer.easyLanguage } : {}),
          ...(answer.fallback ? { fallback: answer.fallback } : {}),
          ...(history.length === 0 ? { disclosure: options.disclosure } : {}),
        };
        await stream.writeSSE({ event: 'done', data: JSON.stringify(done) });
      }
    }, async (error, stream) => {
      options.logger.log('error', 'chat_stream_failed', { message: error instanceof Error ? error.message : String(error) });
      await stream.writeSSE({ event: 'error', data: JSON.stringify({ error: { code: 'INTERNAL', message: 'Die Antwort konnte nicht fertiggestellt werden. Bitte versuchen Sie es erneut.' } }) });
    });
  });
}
