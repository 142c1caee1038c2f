import { analyzeTerms, decompoundTerm, passageEmbeddingText, passageFields, type LexicalIndex, type Passage } from '@auskunft/core';
import { createRetriever, type Retriever, type RetrieverOptions } from '../retrieve/retrieve.js';
import type { RemoteVectorSearch, VectorHit, VectorSearch } from '../vectors/vector-search.js';
import type { EntryFields, EntryVersion } from './editor-store.js';
import { entryPassage, isExpired, pageOf } from './entry.js';

/** Where released entries come from: the editors' store (SQLite or D1) satisfies it. */
export interface ReleasedEntries {
  /** Grows with every change; cheap, so it can be asked every few seconds. */
  revision(): Promise<number>;
  liveVersions(): Promise<EntryVersion[]>;
}

export interface OverlaySnapshot {
  /** Changes whenever the set of entries citizens get changes (also when one expires overnight). */
  key: string;
  entries: EntryVersion[];
}

/**
 * The released editors' entries as every process sees them. Asked on use rather than by a timer,
 * so it works the same in a Node process and in a Worker isolate (which has no timers between
 * requests): at most one cheap revision query per interval, the entries only when it changed.
 */
export interface EditorOverlay {
  current(): Promise<OverlaySnapshot>;
  /** Reads the store now: after a release or withdrawal in this process. */
  refresh(): Promise<void>;
}

export function createEditorOverlay(source: ReleasedEntries, options: { intervalMs: number; now?: () => Date; onError?: (error: unknown) => void }): EditorOverlay {
  const now = options.now ?? (() => new Date());
  let snapshot: OverlaySnapshot = { key: 'none', entries: [] };
  let revision = -1;
  let live: EntryVersion[] = [];
  let checkedAt = -Infinity;
  let pending: Promise<void> | undefined;
  // A store that cannot be read must not stop citizens' answers: the entries last read stay in
  // use, and the next interval tries again.
  const load = async () => {
    try {
      const next = await source.revision();
      if (next !== revision) {
        live = await source.liveVersions();
        revision = next;
      }
    } catch (error) {
      options.onError?.(error);
    }
    checkedAt = now().getTime();
  };
  const build = () => {
    const today = now().toISOString().slice(0, 10);
    const entries = live.filter((v) => !isExpired(v, today));
    const key = `${revision}:${entries.map((e) => `${e.entryId}.${e.version}`).join(',')}`;
    if (key !== snapshot.key) snapshot = { key, entries };
    return snapshot;
  };
  return {
    async current() {
      if (now().getTime() - checkedAt >= options.intervalMs) {
        pending ??= load().finally(() => (pending = undefined));
        await pending;
      }
      return build();
    },
    async refresh() {
      await (pending ??= load().finally(() => (pending = undefined)));
    },
  };
}

/** A retriever that also finds the released editors' entries, and can preview a draft. */
export interface OverlayRetriever extends Retriever {
  /** The retriever as it would be with this draft released (for the console's preview). */
  withDraft(draft: EntryFields): Promise<Retriever>;
}

/**
 * Wraps the index's retriever: released entries become FAQ passages appended to the index's
 * (ids after the last passage), with their words added to the BM25 postings and their vectors
 * searched next to the index's, so they rank against the crawled pages with the same weights,
 * synonyms and FAQ boost as FAQ-file entries. Rebuilt only when the entries change.
 */
export function withEditorEntries(base: RetrieverOptions, overlay: EditorOverlay): OverlayRetriever {
  const plain = createRetriever(base);
  const titles = new Map<string, { title: string; lang: string }>();
  for (const p of base.passages) if (!titles.has(p.url)) titles.set(p.url, { title: p.title, lang: p.lang });
  const defaultLang = base.passages[0]?.lang ?? 'de';
  const vectorCache = new Map<string, Float32Array>();
  let built: { key: string; retriever: Retriever; generation: number } = { key: 'none', retriever: plain, generation: 0 };
  let building: Promise<void> | undefined;

  const toPassages = (entries: readonly EntryFields[]) =>
    entries.map((entry, i): Passage => {
      const page = titles.get(pageOf(entry.source) ?? '');
      return { ...entryPassage(entry, page?.title, page?.lang ?? defaultLang), id: base.passages.length + i };
    });
  const embed = async (passages: readonly Passage[]) => {
    const texts = passages.map(passageEmbeddingText);
    const missing = [...new Set(texts.filter((t) => !vectorCache.has(t)))];
    if (missing.length) {
      const vectors = await base.embedder.embed(missing, 'passage');
      missing.forEach((t, i) => vectorCache.set(t, vectors[i]!));
    }
    return texts.map((t) => vectorCache.get(t)!);
  };
  const retrieverWith = async (entries: readonly EntryFields[]): Promise<Retriever> => {
    if (entries.length === 0) return plain;
    const extra = toPassages(entries);
    const vectors = await embed(extra);
    return createRetriever({
      ...base,
      passages: [...base.passages, ...extra],
      lexical: extendLexical(base.lexical, extra),
      vectors: extendVectors(base.vectors, base.passages.length, vectors),
    });
  };
  const current = async (): Promise<Retriever> => {
    const snapshot = await overlay.current();
    if (snapshot.key !== built.key) {
      building ??= (async () => {
        const retriever = await retrieverWith(snapshot.entries);
        built = { key: snapshot.key, retriever, generation: built.generation + 1 };
      })().finally(() => (building = undefined));
      await building;
    }
    return built.retriever;
  };

  return {
    tuning: plain.tuning,
    generation: () => built.generation,
    async retrieve(query, limit, options) {
      return (await current()).retrieve(query, limit, options);
    },
    async withDraft(draft) {
      const snapshot = await overlay.current();
      return retrieverWith([...snapshot.entries, draft]);
    },
  };
}

/** Appends passages to a BM25 index without touching it (it is shared with the plain retriever). */
function extendLexical(base: LexicalIndex, extra: readonly Passage[]): LexicalIndex {
  const postings: Record<string, number[]> = { ...base.postings };
  const compounds = base.compounds ? { ...base.compounds } : undefined;
  const lengths = [...base.lengths];
  for (const passage of extra) {
    const tf = new Map<string, number>();
    for (const field of passageFields(passage)) for (const term of analyzeTerms(field.text)) tf.set(term, (tf.get(term) ?? 0) + field.weight);
    let length = 0;
    for (const [term, count] of tf) {
      length += count;
      if (!Object.hasOwn(postings, term) && compounds) {
        const parts = decompoundTerm(term);
        if (parts.length > 1) compounds[term] = [...parts];
      }
      // Ids are appended after every base id, so the postings stay sorted by id.
      postings[term] = [...(Object.hasOwn(postings, term) ? postings[term]! : []), passage.id, count];
    }
    lengths.push(length);
  }
  const count = base.passageCount + extra.length;
  return {
    formatVersion: 1,
    passageCount: count,
    averageLength: count ? lengths.reduce((a, b) => a + b, 0) / count : 0,
    lengths,
    postings,
    ...(compounds ? { compounds } : {}),
  };
}

/** The index's nearest neighbours plus an exact scan of the few extra vectors (unit length: dot = cosine). */
function extendVectors(base: VectorSearch | RemoteVectorSearch, firstId: number, extra: readonly Float32Array[]): RemoteVectorSearch {
  return {
    size: base.size + extra.length,
    async search(query, k) {
      const hits: VectorHit[] = [...(await base.search(query, k))];
      extra.forEach((v, i) => {
        let sum = 0;
        for (let j = 0; j < v.length; j++) sum += v[j]! * query[j]!;
        hits.push({ id: firstId + i, similarity: sum });
      });
      return hits.sort((a, b) => b.similarity - a.similarity).slice(0, k);
    },
  };
}
