import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createEditorStore } from '../src/editor/editor-store.js';
import { d1Sql } from '../src/store/editor-d1.js';
import { createWorker, type WorkerEnv } from '../src/worker/handler.js';

/** An entry released in the console (stored in D1) answers citizens on the Worker too. */
const workerEnv = env as unknown as WorkerEnv & { DB: NonNullable<WorkerEnv['DB']> };
const QUESTION = 'Wer bezahlt meinen Assistenzhund?';

/** The body is read before waiting for the context: a streamed answer ends only when read. */
async function call(worker: ReturnType<typeof createWorker>, request: Request) {
  const ctx = createExecutionContext();
  const res = await worker.fetch(request, workerEnv, ctx);
  const text = await res.text();
  await waitOnExecutionContext(ctx);
  return text;
}

async function chat(worker: ReturnType<typeof createWorker>) {
  const text = await call(worker, new Request('https://auskunft.example/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: QUESTION }) }));
  return JSON.parse(/event: done\ndata: (.*)\n/.exec(text)![1]!) as { answer: string; confident: boolean; generated: string; sources: Array<{ url: string }> };
}

describe('editors\' entries on the Worker', () => {
  it('answers with an entry released in D1 and stops when it is withdrawn', async () => {
    const worker = createWorker();
    expect((await chat(worker)).confident).toBe(false);
    const search = JSON.parse(await call(worker, new Request('https://auskunft.example/api/search?q=Begleitende%20Hilfe'))) as { results: Array<{ url: string }> };
    const source = search.results[0]!.url;
    const store = createEditorStore(d1Sql(workerEnv.DB));
    const id = await store.createEntry(null, new Date().toISOString());
    await store.addVersion({ entryId: id, version: 1, question: QUESTION, alternatives: [], answer: 'Einen Assistenzhund bezahlt meist die Krankenkasse.', source, contact: '', validUntil: '', easyLanguage: '', author: 'anna', at: new Date().toISOString() });
    await store.updateEntry(id, { draftVersion: null, draftState: null, liveVersion: null }, { draftVersion: null, draftState: null, liveVersion: 1 }, new Date().toISOString());
    await store.addEvent({ entryId: id, version: 1, action: 'released', user: 'rita', comment: null, at: new Date().toISOString() });

    // A fresh isolate reads D1 at its first request; a running one within the refresh interval.
    const fresh = createWorker();
    const answer = await chat(fresh);
    expect(answer).toMatchObject({ confident: true, generated: 'faq' });
    expect(answer.answer).toContain('Einen Assistenzhund bezahlt meist die Krankenkasse.');
    expect(answer.sources[0]!.url).toBe(source);

    await store.updateEntry(id, { draftVersion: null, draftState: null, liveVersion: 1 }, { draftVersion: null, draftState: null, liveVersion: null }, new Date().toISOString());
    await store.addEvent({ entryId: id, version: 1, action: 'withdrawn', user: 'rita', comment: null, at: new Date().toISOString() });
    expect((await chat(createWorker())).confident).toBe(false);
  });
});
