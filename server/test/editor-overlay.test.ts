import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHashedNgramEmbedder, resolveSettings } from '@auskunft/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverSettings } from '../src/config.js';
import { createEditorStore, type EntryFields } from '../src/editor/editor-store.js';
import { createEditorOverlay } from '../src/editor/overlay.js';
import { createWorkflow } from '../src/editor/workflow.js';
import { sqliteSql } from '../src/node/editor-sqlite.js';
import { openIndexOnDisk } from '../src/node/open-index.js';
import { buildDemoIndex } from './demo-index.js';

/** Several server processes on one store file: what one releases, all answer with. */
let demo: Awaited<ReturnType<typeof buildDemoIndex>>;
let dir: string;
const opened: Array<{ close(): void }> = [];
const settings = { ...resolveSettings(serverSettings), logEnabled: false };

function serverProcess(intervalMs: number) {
  const sql = sqliteSql(join(dir, 'auskunft.sqlite'));
  opened.push(sql);
  const store = createEditorStore(sql);
  const overlay = createEditorOverlay(store, { intervalMs });
  return { store, overlay, open: () => openIndexOnDisk({ ...settings, indexDir: demo.outDir }, createHashedNgramEmbedder(), overlay) };
}

const top = async (retriever: { retrieve(q: string, n: number): Promise<{ passages: Array<{ passage: { origin?: string; section: string | null; text: string }; faqMatch?: number }> }> }, q: string) =>
  (await retriever.retrieve(q, 3)).passages[0];

beforeAll(async () => {
  demo = await buildDemoIndex();
  dir = await mkdtemp(join(tmpdir(), 'auskunft-overlay-'));
});
afterAll(async () => {
  for (const o of opened) o.close();
  await rm(dir, { recursive: true, force: true });
  await demo.close();
});

describe('released entries across processes', () => {
  it('reach another process within its refresh interval, and a restarted one at once', async () => {
    const a = serverProcess(60_000);
    const b = serverProcess(150);
    const { retriever: ra, index } = await a.open();
    const { retriever: rb } = await b.open();
    const source = new URL('/inklusionsamt/begleitende-hilfe/', index.manifest.source.startUrls[0]).toString();
    const fields: EntryFields = { question: 'Wer bezahlt meinen Assistenzhund?', alternatives: ['Assistenzhund Finanzierung'], answer: 'Meist die **Krankenkasse**.', source, contact: 'Frau Beispiel', validUntil: '', easyLanguage: '' };
    expect((await top(rb, fields.question))?.passage.section).not.toBe(fields.question);

    const workflow = createWorkflow(a.store, () => a.overlay.refresh());
    const saved = await workflow.save({ name: 'anna', role: 'editor' }, null, fields, null);
    await workflow.submit({ name: 'anna', role: 'editor' }, saved.entryId);
    await workflow.release({ name: 'rita', role: 'reviewer' }, saved.entryId, '');

    // The releasing process at once; the other after its interval, without anything telling it.
    expect(await top(ra, fields.question)).toMatchObject({ passage: { origin: 'faq-file', section: fields.question, text: 'Meist die Krankenkasse.' } });
    await new Promise((r) => setTimeout(r, 200));
    expect((await top(rb, 'Assistenzhund Finanzierung'))?.passage.section).toBe(fields.question);
    const { retriever: restarted } = await serverProcess(60_000).open();
    expect((await top(restarted, fields.question))?.passage.section).toBe(fields.question);

    await workflow.withdraw({ name: 'rita', role: 'reviewer' }, saved.entryId, '');
    expect((await top(ra, fields.question))?.passage.section).not.toBe(fields.question);
  });

  it('leaves out entries whose "Gültig bis" has passed', async () => {
    const p = serverProcess(0);
    const { retriever, index } = await p.open();
    const source = new URL('/inklusionsamt/begleitende-hilfe/', index.manifest.source.startUrls[0]).toString();
    const id = await p.store.createEntry(null, '2026-01-01T00:00:00.000Z');
    await p.store.addVersion({ entryId: id, version: 1, question: 'Gibt es einen Zuschuss zum Blindenführhund?', alternatives: [], answer: 'Nein.', source, contact: '', validUntil: '2026-01-31', easyLanguage: '', author: 'anna', at: '2026-01-01T00:00:00.000Z' });
    await p.store.updateEntry(id, { draftVersion: null, draftState: null, liveVersion: null }, { draftVersion: null, draftState: null, liveVersion: 1 }, '2026-01-02T00:00:00.000Z');
    await p.store.addEvent({ entryId: id, version: 1, action: 'released', user: 'rita', comment: null, at: '2026-01-02T00:00:00.000Z' });
    expect((await top(retriever, 'Gibt es einen Zuschuss zum Blindenführhund?'))?.passage.section).not.toBe('Gibt es einen Zuschuss zum Blindenführhund?');
  });
});
