#!/usr/bin/env node
/**
 * Runs one bench task in a fresh process and prints its result as the last line of stdout (JSON),
 * so every size is measured with its own heap and its own peak memory:
 *
 *   node bench/dist/child.js build    '{"size":10000,"dir":"…","m":16,"efConstruction":200}'
 *   node bench/dist/child.js search   '{"dir":"…","efSweep":[10,100],"generatedQueries":360}'
 *   node bench/dist/child.js pagefind '{"dir":"…","generatedQueries":360}'
 *   node bench/dist/child.js quality  '{"ef":100}'
 *   node bench/dist/child.js questions '{"dir":"…","questions":400}'
 */
import { buildBenchIndex } from './build-index.js';
import { measureSearch } from './measure-search.js';
import { measurePagefind } from './pagefind-peer.js';
import { measureQuestions } from './question-latency.js';
import { measureQuality } from './quality.js';
import { loadSourceMaterial } from './source-material.js';

const [task, json] = process.argv.slice(2);
const args = JSON.parse(json ?? '{}') as Record<string, unknown>;

async function main(): Promise<unknown> {
  switch (task) {
    case 'build':
      return buildBenchIndex({ ...(args as { size: number; dir: string; m: number; efConstruction: number }), material: await loadSourceMaterial() });
    case 'search':
      return measureSearch(args as { dir: string; efSweep: number[]; generatedQueries: number });
    case 'pagefind':
      return measurePagefind(args['dir'] as string, args['generatedQueries'] as number);
    case 'questions':
      return measureQuestions(args as { dir: string; questions: number });
    case 'quality':
      return measureQuality(args['ef'] as number);
    default:
      throw new Error(`unknown bench task "${task}" (build, search, pagefind, questions or quality)`);
  }
}

main().then(
  (result) => {
    console.log(JSON.stringify(result));
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
