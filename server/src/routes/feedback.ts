import { Hono } from 'hono';
import { z } from 'zod';
import { scrubPersonalData } from '../privacy/scrub.js';
import type { Store } from '../store/store.js';
import { parseJsonBody } from '../http/validate.js';

const feedbackSchema = z.object({
  rating: z.enum(['up', 'down'], { error: 'Das Feld „rating“ muss „up“ oder „down“ sein.' }),
  comment: z.string({ error: 'Das Feld „comment“ muss Text sein.' }).max(1000, 'Der Kommentar ist zu lang (höchstens 1000 Zeichen).').optional(),
  question: z.string({ error: 'Das Feld „question“ muss Text enthalten.' }).min(1, 'Das Feld „question“ darf nicht leer sein.').max(4000, 'Die Frage ist zu lang.'),
  answer: z.string({ error: 'Das Feld „answer“ muss Text enthalten.' }).max(8000, 'Die Antwort ist zu lang.'),
  sources: z.array(z.string().max(2000), { error: 'Das Feld „sources“ muss eine Liste von Adressen sein.' }).max(20, 'Zu viele Quellen.').default([]),
});

/**
 * POST /api/feedback: a citizen rates an answer. Question, answer and comment are scrubbed of
 * personal data before they are stored; nothing identifies the person who rated.
 */
export function feedbackRoute(store: Store) {
  return new Hono().post('/', async (c) => {
    const body = await parseJsonBody(c.req.raw, feedbackSchema);
    await store.addFeedback({
      at: new Date().toISOString(),
      rating: body.rating,
      comment: body.comment?.trim() ? scrubPersonalData(body.comment.trim()) : null,
      question: scrubPersonalData(body.question),
      answer: scrubPersonalData(body.answer),
      sources: body.sources,
    });
    return c.body(null, 204);
  });
}
