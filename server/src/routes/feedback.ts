import type { FeedbackRequestWire } from '@auskunft/core/api';
import { Hono } from 'hono';
import { z } from 'zod';
import { scrubPersonalData, type Scrubber } from '../privacy/scrub.js';
import type { Store } from '../store/store.js';
import { parseJsonBody, requireText } from '../http/validate.js';

const feedbackSchema = z.object({
  rating: z.enum(['up', 'down'], { error: 'Das Feld „rating“ muss „up“ oder „down“ sein.' }),
  comment: z.string({ error: 'Das Feld „comment“ muss Text sein.' }).max(1000, 'Der Kommentar ist zu lang (höchstens 1000 Zeichen).').optional(),
  question: z.string({ error: 'Das Feld „question“ muss Text enthalten.' }),
  answer: z.string({ error: 'Das Feld „answer“ muss Text enthalten.' }).max(8000, 'Die Antwort ist zu lang.'),
  sources: z.array(z.string().max(2000), { error: 'Das Feld „sources“ muss eine Liste von Adressen sein.' }).max(20, 'Zu viele Quellen.').default([]),
}) satisfies z.ZodType<FeedbackRequestWire, unknown>;

export interface FeedbackRouteOptions {
  /** The question obeys the same limit as a chat message (`limits.maxQueryChars`; 0: none). */
  maxQueryChars: number;
  /** Keeps the sources that are pages of the index (see feedback-sources.ts). */
  keepSources: (sources: readonly string[]) => string[];
  scrub?: Scrubber;
}

/**
 * POST /api/feedback: a citizen rates an answer. Question, answer and comment are scrubbed of
 * personal data before they are stored, sources are kept only when they are indexed pages;
 * nothing identifies the person who rated.
 */
export function feedbackRoute(store: Store, options: FeedbackRouteOptions) {
  const scrub = options.scrub ?? scrubPersonalData;
  return new Hono().post('/', async (c) => {
    const body = await parseJsonBody(c.req.raw, feedbackSchema);
    const question = requireText(body.question, 'question', options.maxQueryChars);
    await store.addFeedback({
      at: new Date().toISOString(),
      rating: body.rating,
      comment: body.comment?.trim() ? scrub(body.comment.trim()) : null,
      question: scrub(question),
      answer: scrub(body.answer),
      sources: options.keepSources(body.sources),
    });
    return c.body(null, 204);
  });
}
