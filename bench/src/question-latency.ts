import { join } from 'node:path';
import { stemmer } from '@orama/stemmers/german';
import { createHashedNgramEmbedder, resolveSettings, type Passage } from '@auskunft/core';
import { createApp, serverSettings, type ServerSettings } from '@auskunft/server';
import { openIndexOnDisk } from '@auskunft/server/node';
import { createPagefindSystem } from '@auskunft/eval/dist/pagefind-system.js';
import MiniSearch from 'minisearch';
import { INDEX_SUBDIR } from './build-index.js';
import { chatQuestions } from './chat-questions.js';
import { corpusHtml } from './corpus.js';
import { summarise, timeEach, type Latency } from './stats.js';

export interface QuestionMeasurement {
  size: number;
  questions: number;
  /** Milliseconds per question, each asked once, caches off; Auskunft and MiniSearch interleaved. */
  latency: { auskunftApi: Latency; auskunftRetrieve: Latency; minisearch: Latency; pagefind: Latency | null };
  /** Seconds to build the MiniSearch index in memory, and Pagefind's (null: skipped at this size). */
  peerBuildSeconds: { minisearch: number; pagefind: number | null };
}

/** Pagefind indexes through its binary, which takes minutes at a million passages. */
const PAGEFIND_MAX_PASSAGES = 200_000;
/** Words MiniSearch drops, so it, like Auskunft, does not rank on "ich", "wie", "der". */
const STOP_WORDS = new Set('aber alle als also am an auch auf aus bei bin bis bitte da damit dann das dass dem den der des die doch du ein eine einem einen einer eines er es für gibt hab habe haben hallo hat hätte ich ihr im in ist ja kann man mein meine mich mir mit muss nach nicht noch nun nur ob oder sich sie sind so über um und uns vom von vor was weil wenn wer wie wir wird wo zu zum zur'.split(' '));

/**
 * Real-traffic latency: chat-style questions (chat-questions.ts) each sent once to the app's
 * GET /api/search (response and embedding caches off), to `retriever.retrieve` alone and, in the
 * same process and interleaved question by question, to MiniSearch BM25 with the German Snowball
 * stemmer over the same passages; then Pagefind over the same pages with the same questions.
 */
export async function measureQuestions(options: { dir: string; questions: number }): Promise<QuestionMeasurement> {
  const settings: ServerSettings = resolveSettings(serverSettings, {
    env: {},
    overrides: { indexDir: join(options.dir, INDEX_SUBDIR), searchRateLimit: 0, chatRateLimit: 0, logEnabled: false, queryLog: false, maxQueryChars: 0, searchCacheSize: 0, embeddingCacheSize: 0 },
  });
  const { index, retriever } = await openIndexOnDisk(settings, createHashedNgramEmbedder());
  const app = createApp({ retriever, manifest: index.manifest, passages: index.passages, settings });
  const questions = await chatQuestions(options.questions);
  const warmup = await chatQuestions(100, 99);

  let started = performance.now();
  const mini = createMiniSearch(index.passages);
  const minisearchBuild = (performance.now() - started) / 1000;

  const runs = {
    auskunftApi: async (q: string) => (await app.request(`/api/search?q=${encodeURIComponent(q)}`)).json(),
    auskunftRetrieve: (q: string) => retriever.retrieve(q, settings.searchResults * 4),
    minisearch: (q: string) => mini.search(q).slice(0, 10),
  };
  for (const q of warmup) for (const run of Object.values(runs)) await run(q);
  const samples: Record<keyof typeof runs, number[]> = { auskunftApi: [], auskunftRetrieve: [], minisearch: [] };
  for (const [i, q] of questions.entries()) {
    // Alternate the order so neither system always runs with the other's data in the CPU caches.
    const names = Object.keys(runs) as Array<keyof typeof runs>;
    const order = i % 2 ? names.reverse() : names;
    for (const name of order) {
      const t = performance.now();
      await runs[name](q);
      samples[name].push(performance.now() - t);
    }
  }

  let pagefind: Latency | null = null;
  let pagefindBuild: number | null = null;
  if (index.passages.length <= PAGEFIND_MAX_PASSAGES) {
    const html = corpusHtml(index.passages);
    started = performance.now();
    const system = await createPagefindSystem(html);
    pagefindBuild = (performance.now() - started) / 1000;
    try {
      pagefind = await timeEach(questions, (q) => system.search(q), warmup);
    } finally {
      await system.close();
    }
  }
  return {
    size: index.passages.length,
    questions: questions.length,
    latency: { auskunftApi: summarise(samples.auskunftApi), auskunftRetrieve: summarise(samples.auskunftRetrieve), minisearch: summarise(samples.minisearch), pagefind },
    peerBuildSeconds: { minisearch: minisearchBuild, pagefind: pagefindBuild },
  };
}

/** MiniSearch as a site would set it up for German: BM25 (its default), lower case, Snowball stems, no stop words. */
function createMiniSearch(passages: readonly Passage[]) {
  const mini = new MiniSearch<{ id: number; title: string; section: string; text: string }>({
    fields: ['title', 'section', 'text'],
    processTerm: (term) => {
      const lower = term.toLowerCase();
      return STOP_WORDS.has(lower) ? null : stemmer(lower);
    },
    // Headings count twice, as in Auskunft's index (passageFields).
    searchOptions: { boost: { section: 2 } },
  });
  mini.addAll(passages.map((p) => ({ id: p.id, title: p.title, section: p.section ?? '', text: p.text })));
  return mini;
}
