import type { ExecutionContext } from 'hono';
import type { Store } from '../store/store.js';

/**
 * Store writes the app starts without awaiting them (the query log). Workers cancel work that is
 * still running when a response has been sent, unless it is handed to `waitUntil`.
 */
export function trackWrites(store: Store): { store: Store; settled: () => Promise<unknown> } {
  const pending = new Set<Promise<unknown>>();
  const track = (promise: Promise<void>): Promise<void> => {
    pending.add(promise);
    promise.then(
      () => pending.delete(promise),
      () => pending.delete(promise),
    );
    return promise;
  };
  return {
    store: { ...store, addFeedback: (r) => track(store.addFeedback(r)), logQuery: (r) => track(store.logQuery(r)) },
    settled: () => Promise.allSettled([...pending]),
  };
}

/**
 * Keeps the request alive until the store writes it started are done. A chat answer logs its
 * question only when the stream ends, so for event streams the body is passed through and the
 * wait starts once it has been sent.
 */
export function waitForWrites(response: Response, ctx: ExecutionContext, settled: () => Promise<unknown>): Response {
  if (!response.body || !response.headers.get('content-type')?.startsWith('text/event-stream')) {
    ctx.waitUntil(settled());
    return response;
  }
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  ctx.waitUntil(response.body.pipeTo(writable).then(settled, settled));
  return new Response(readable, response);
}
