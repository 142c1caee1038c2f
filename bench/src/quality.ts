import { createHashedNgramEmbedder, passageEmbeddingText } from '@auskunft/core';
import { createRetriever, groupByPage, type RetrieveOptions, type Retriever, type VectorSearch } from '@auskunft/server';
import { loadIndexFromDisk } from '@auskunft/server/node';
import { buildDemoCorpus } from '@auskunft/eval/dist/demo-corpus.js';
import type { Metrics } from '@auskunft/eval/dist/metrics.js';
import { createPagefindSystem } from '@auskunft/eval/dist/pagefind-system.js';
import { loadQuestions } from '@auskunft/eval/dist/questions.js';
import { evaluateSystems } from '@auskunft/eval/dist/run-eval.js';
import type { SearchSystem } from '@auskunft/eval/dist/system.js';
import { createExactSearch } from './exact-search.js';
import { loadHnswlib } from './hnsw-sweep.js';
import { loadPlainHnsw } from './plain-hnsw.js';
import { summarise, type Latency } from './stats.js';

/** The server's defaults, as the evaluation uses them. */
const MIN_COVERAGE = 0.5;
const MIN_VECTOR_SIMILARITY = 0.3;

export interface QualityRow {
  system: string;
  metrics: Metrics;
  /** Per question, including Pagefind's fetch of its index chunks over 127.0.0.1. */
  latency: Latency;
}

/**
 * Quality and latency of the peers on the labelled demo questions (eval/questions.json, 38
 * pages): Auskunft with HNSW (as served), with exact vectors, the plain TypeScript HNSW of the
 * Worker, a brute-force vector scan alone, and Pagefind 1.6 with its defaults.
 */
export async function measureQuality(ef: number): Promise<QualityRow[]> {
  const corpus = await buildDemoCorpus();
  const pagefind = await createPagefindSystem(corpus.html);
  try {
    const index = await loadIndexFromDisk(corpus.indexDir);
    const embedder = createHashedNgramEmbedder();
    const dimension = index.manifest.embedder.dimension;
    const embedded = await embedder.embed(index.passages.map((p) => passageEmbeddingText(p)), 'passage');
    const all = new Float32Array(embedded.length * dimension);
    embedded.forEach((v, i) => all.set(v, i * dimension));
    const exact = createExactSearch(all, dimension);
    const retrieverWith = (vectors: VectorSearch) =>
      createRetriever({ passages: index.passages, lexical: index.lexical, vectors, embedder, minVectorSimilarity: MIN_VECTOR_SIMILARITY, vectorWeight: 0.5 });
    const hnsw = retrieverWith(await loadHnswlib(index.vectorsPath, dimension, ef));
    const plain = await loadPlainHnsw(index.vectorsPath, dimension, ef);
    const systems: SearchSystem[] = [
      system(`Auskunft hybrid, HNSW ef=${ef} (hnswlib-node)`, hnsw, {}),
      ...(plain ? [system(`Auskunft hybrid, plain TS HNSW ef=${ef} (Workers)`, retrieverWith(plain), {})] : []),
      system('Auskunft hybrid, exact vectors', retrieverWith(exact), {}),
      system('Brute-force vector scan alone', retrieverWith(exact), { rankers: 'vector' }),
      pagefind,
    ];
    const timed = systems.map((s) => {
      const samples: number[] = [];
      return {
        samples,
        system: {
          name: s.name,
          async search(query: string) {
            const started = performance.now();
            const ranking = await s.search(query);
            samples.push(performance.now() - started);
            return ranking;
          },
        },
      };
    });
    const questions = await loadQuestions(corpus.paths);
    // One untimed pass settles the JIT and Pagefind's chunk cache, as a running server would have.
    await evaluateSystems(questions.slice(0, 20), systems);
    const results = await evaluateSystems(questions, timed.map((t) => t.system));
    return results.map((r, i) => ({ system: r.system, metrics: r.overall, latency: summarise(timed[i]!.samples) }));
  } finally {
    await pagefind.close();
    await corpus.close();
  }
}

function system(name: string, retriever: Retriever, options: RetrieveOptions): SearchSystem {
  return {
    name,
    async search(query) {
      const retrieval = await retriever.retrieve(query, 40, options);
      const pages = groupByPage(retrieval.passages).map((page) => new URL(page.url).pathname);
      const top = retrieval.passages.slice(0, 3);
      const confident = options.rankers === 'vector' ? (top[0]?.similarity ?? 0) >= MIN_VECTOR_SIMILARITY : top.some((p) => p.coverage >= MIN_COVERAGE);
      return { pages, confident };
    },
  };
}
