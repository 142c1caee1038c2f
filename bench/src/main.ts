#!/usr/bin/env node
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ANALYSIS_VERSION, INDEX_FORMAT_VERSION, createHashedNgramEmbedder, resolveSettings } from '@auskunft/core';
import { crawlSettings } from '@auskunft/crawler';
import { serverSettings } from '@auskunft/server';
import type { BuildStats } from './build-index.js';
import { chatQuestions } from './chat-questions.js';
import { CORPUS_SEED, CORPUS_VERSION } from './corpus.js';
import { runLoadTest, type LoadTestResult } from './load-test.js';
import type { SearchMeasurement } from './measure-search.js';
import type { PagefindMeasurement } from './pagefind-peer.js';
import type { QualityRow } from './quality.js';
import type { QuestionMeasurement } from './question-latency.js';
import * as report from './report.js';
import { loadSourceMaterial } from './source-material.js';
import { formatNumber } from './table.js';
import { measureWidgetSizes } from './widget-size.js';

const AREAS = ['build', 'search', 'questions', 'compare', 'quality', 'load', 'widget', 'crawl'] as const;
type Area = (typeof AREAS)[number];
const USAGE = `Usage: npm run bench [-- options]

Generates German authority sites of the given sizes (deterministic), builds their indexes and
measures index build, search latency (in-process and through the HTTP app), HNSW recall, chat
time to first event, a load test of /api/search with autocannon in a second process, Pagefind and
an exact vector scan on the same passages, search quality on the demo questions, the widget's
gzip size and crawl throughput. Indexes are cached in bench/.cache/ between runs.

  --sizes 6000,100000         passages per generated index
  --million                   also measure a generated 1,000,000-passage index (long: build and memory)
  --questions 400             chat-style questions (8–40 words, each asked once) of the
                              questions area and of the load tests with whole questions
  --only build,search,…       areas: ${AREAS.join(', ')} (default all)
  --seconds 10                duration of each load test
  --connections 16            concurrent connections of the load test
  --ef-sweep 10,20,40,100,200,400   HNSW ef values for the recall table
  --queries 360               generated queries on top of the 140 evaluation questions
  --rebuild                   rebuild cached indexes
  --crawl-pages 2000          pages of the generated site for the crawl benchmark
  --json results.json         also write every number as JSON`;

const BENCH_DIR = fileURLToPath(new URL('../', import.meta.url));
const CHILD = fileURLToPath(new URL('./child.js', import.meta.url));

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '6000,100000' },
      million: { type: 'boolean', default: false },
      questions: { type: 'string', default: '400' },
      only: { type: 'string' },
      seconds: { type: 'string', default: '10' },
      connections: { type: 'string', default: '16' },
      'ef-sweep': { type: 'string', default: '10,20,40,100,200,400' },
      queries: { type: 'string', default: '360' },
      rebuild: { type: 'boolean', default: false },
      'crawl-pages': { type: 'string', default: '2000' },
      json: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const sizes = [...new Set([...numbers(values.sizes, '--sizes'), ...(values.million ? [1_000_000] : [])])];
  const questionCount = Number(values.questions);
  if (!Number.isInteger(questionCount) || questionCount < 300) throw new Error(`--questions takes a whole number of at least 300, got "${values.questions}"`);
  const areas = new Set<Area>(values.only ? (values.only.split(',').map((a) => a.trim()) as Area[]) : AREAS);
  for (const area of areas) if (!AREAS.includes(area)) throw new Error(`--only: unknown area "${area}"; use ${AREAS.join(', ')}`);
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  const generatedQueries = Number(values.queries);
  const efSweep = numbers(values['ef-sweep'], '--ef-sweep');
  const crawlDefaults = resolveSettings(crawlSettings, { env: {} });
  const serverDefaults = resolveSettings(serverSettings, { env: {} });
  const hnsw = { m: crawlDefaults.hnswM, efConstruction: crawlDefaults.hnswEfConstruction };
  const results: Record<string, unknown> = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, sizes, hnsw, ef: serverDefaults.hnswEf };
  const started = Date.now();
  console.log(`# Auskunft benchmark\n\nNode ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}; embedder ${createHashedNgramEmbedder().id}; HNSW M=${hnsw.m}, efConstruction=${hnsw.efConstruction}, server ef=${serverDefaults.hnswEf}. Latencies in ms.\n`);

  const needIndexes = ['build', 'search', 'questions', 'compare', 'load'].some((a) => areas.has(a as Area));
  const dirs = new Map<number, string>();
  if (needIndexes) {
    const material = await loadSourceMaterial();
    const key = createHash('sha256')
      .update(JSON.stringify([material.fingerprint, CORPUS_VERSION, CORPUS_SEED, ANALYSIS_VERSION, INDEX_FORMAT_VERSION, createHashedNgramEmbedder().id]))
      .digest('hex')
      .slice(0, 10);
    const builds: Array<BuildStats & { cached: boolean }> = [];
    for (const size of sizes) {
      const dir = join(BENCH_DIR, '.cache', `${size}-m${hnsw.m}-efc${hnsw.efConstruction}-${key}`);
      dirs.set(size, dir);
      const statsFile = join(dir, 'build.json');
      const cached = values.rebuild ? null : await readFile(statsFile, 'utf8').then((t) => JSON.parse(t) as BuildStats, () => null);
      if (cached) builds.push({ ...cached, cached: true });
      else {
        process.stderr.write(`building the ${formatNumber(size)}-passage index…\n`);
        const stats = await child<BuildStats>('build', { size, dir, ...hnsw });
        await writeFile(statsFile, `${JSON.stringify(stats, null, 2)}\n`);
        builds.push({ ...stats, cached: false });
      }
    }
    results['build'] = builds;
    if (areas.has('build')) {
      console.log(`## Index build (one process per size; cached builds show the numbers of the run that built them)\n\n${report.buildTable(builds)}\n`);
    }
  }

  const searches: SearchMeasurement[] = [];
  if (areas.has('search') || areas.has('compare')) {
    for (const size of sizes) {
      process.stderr.write(`measuring search at ${formatNumber(size)} passages…\n`);
      searches.push(await child<SearchMeasurement>('search', { dir: dirs.get(size)!, efSweep, generatedQueries }));
    }
    results['search'] = searches;
  }
  if (areas.has('search')) {
    console.log(`## Search latency, server-side (one process per size; each query once, after 100 warm-up queries; ${searches[0]?.queries ?? 0} queries: the 140 evaluation questions and generated ones)\n\n${report.latencyTable(searches)}\n`);
    console.log(`## HNSW recall against exact search (k = 10 and k = 50, the retriever's candidate count)\n\n${report.recallTable(searches)}\n`);
    console.log(`## Effect of HNSW on results, and chat (extractive) through POST /api/chat\n\n${report.agreementTable(searches)}\n`);
    console.log(`## Index load at start-up\n\n${report.loadTable(searches)}\n`);
  }

  if (areas.has('questions')) {
    const rows: QuestionMeasurement[] = [];
    for (const size of sizes) {
      process.stderr.write(`asking ${questionCount} chat questions at ${formatNumber(size)} passages (Auskunft, MiniSearch, Pagefind)…\n`);
      rows.push(await child<QuestionMeasurement>('questions', { dir: dirs.get(size)!, questions: questionCount }));
    }
    results['questions'] = rows;
    console.log(`## Whole questions as citizens type them into the chat (${questionCount} distinct, 8–40 words, each once; response and embedding caches off; one process, systems interleaved per question)\n\n${report.questionTable(rows)}\n`);
  }

  if (areas.has('compare')) {
    const pagefind: PagefindMeasurement[] = [];
    for (const size of sizes) {
      process.stderr.write(`indexing ${formatNumber(size)} passages with Pagefind…\n`);
      pagefind.push(await child<PagefindMeasurement>('pagefind', { dir: dirs.get(size)!, generatedQueries }));
    }
    results['pagefind'] = pagefind;
    console.log(`## Peers on the same passages and queries\n\n${report.peerTable(searches, pagefind)}\n`);
  }

  if (areas.has('quality')) {
    process.stderr.write('evaluating the demo questions…\n');
    const quality = await child<QualityRow[]>('quality', { ef: serverDefaults.hnswEf });
    results['quality'] = quality;
    console.log(`## Quality on the demo site's labelled questions (eval/questions.json)\n\n${report.qualityTable(quality)}\n`);
  }

  if (areas.has('load')) {
    const rows: Array<LoadTestResult & { size: number; config: string }> = [];
    // Whole questions, each different: more than a run can send, so none repeats (caches off anyway).
    const questions = await chatQuestions(Math.max(questionCount, 20_000), 17);
    const uncached = { AUSKUNFT_SEARCH_CACHE_SIZE: '0', AUSKUNFT_SEARCH_EMBEDDING_CACHE_SIZE: '0', AUSKUNFT_LOG: 'false', AUSKUNFT_QUERY_LOG: 'false' };
    const configs: Array<[string, Record<string, string>, 'cycle' | 'zipf', { queries?: string[]; workers?: number }]> = [
      ['distinct queries, response cache off', { AUSKUNFT_SEARCH_CACHE_SIZE: '0' }, 'cycle', {}],
      ['same, request log and query log off', { AUSKUNFT_SEARCH_CACHE_SIZE: '0', AUSKUNFT_LOG: 'false', AUSKUNFT_QUERY_LOG: 'false' }, 'cycle', {}],
      ['popular queries repeat (Zipf), defaults', {}, 'zipf', {}],
      ['whole chat questions, all distinct, caches and logs off, 1 worker', uncached, 'cycle', { queries: questions, workers: 1 }],
      ['same, --workers 2', uncached, 'cycle', { queries: questions, workers: 2 }],
    ];
    for (const size of sizes) {
      for (const [config, env, mix, extra] of configs) {
        process.stderr.write(`load test at ${formatNumber(size)} passages (${config}), ${seconds} s…\n`);
        rows.push({ size, config, ...(await runLoadTest({ dir: dirs.get(size)!, seconds, connections, env, mix, ...extra })) });
      }
    }
    results['load'] = rows;
    console.log(`## Load test: GET /api/search, \`auskunft serve\` (one process unless the row says otherwise), autocannon in a second process (${seconds} s each, 127.0.0.1)\n\n${report.loadTestTable(rows)}\n`);
  }

  if (areas.has('widget')) {
    const files = await measureWidgetSizes().catch(() => null);
    results['widget'] = files;
    console.log(`## Widget\n\n${files?.length ? report.widgetTable(files) : 'widget/dist/ is missing: run `npm run build` first.'}\n`);
  }

  if (areas.has('crawl')) {
    process.stderr.write('crawling (bench/crawl.mjs)…\n');
    const output = await run(process.execPath, [join(BENCH_DIR, 'crawl.mjs'), '--pages', values['crawl-pages']]);
    results['crawl'] = output;
    console.log(`## Crawl throughput (bench/crawl.mjs)\n\n${output.trim()}\n`);
  }

  console.log(`## Summary\n\n${summary(searches, results['load'] as Array<LoadTestResult & { size: number; config: string }> | undefined)}\n\nDone in ${formatNumber((Date.now() - started) / 1000)} s.`);
  if (values.json) await writeFile(values.json, `${JSON.stringify(results, null, 2)}\n`);
  return 0;
}

/** The issue's targets against what this run reached at the largest size measured. */
function summary(searches: readonly SearchMeasurement[], load: ReadonlyArray<LoadTestResult & { size: number; config: string }> | undefined): string {
  const lines: string[] = [];
  const largest = searches.at(-1);
  if (largest) {
    const api = largest.latency['GET /api/search']!;
    const chosen = largest.recall.find((r) => r.ef === largest.ef);
    const check = (ok: boolean) => (ok ? 'met' : 'NOT met');
    lines.push(`- GET /api/search at ${formatNumber(largest.size)} passages: p50 ${formatNumber(api.p50)} ms (target ≤ 5: ${check(api.p50 <= 5)}), p95 ${formatNumber(api.p95)} ms (target ≤ 20: ${check(api.p95 <= 20)}).`);
    if (chosen) lines.push(`- HNSW recall@10 at ef=${chosen.ef}: ${chosen.recallAt10.toFixed(3)} (target ≥ 0.98: ${check(chosen.recallAt10 >= 0.98)}); recall@50: ${chosen.recallAt50.toFixed(3)}.`);
  }
  for (const size of new Set(load?.map((r) => r.size))) {
    const one = load?.find((r) => r.size === size && r.config.startsWith('whole chat questions'));
    const two = load?.find((r) => r.size === size && r.config === 'same, --workers 2');
    if (one) lines.push(`- Whole chat questions at ${formatNumber(size)} passages, one worker: ${formatNumber(one.requestsPerSecond)} requests/s, p99 ${formatNumber(one.latency.p99)} ms (target ≥ 1,000/s with p99 ≤ 50 ms at ~6k passages).`);
    if (one && two) lines.push(`- --workers 2 ÷ one worker at ${formatNumber(size)} passages: ${(two.requestsPerSecond / one.requestsPerSecond).toFixed(2)}× (target ≥ 1.6× on 2 free cores).`);
  }
  const best = load?.filter((r) => r.size === load.at(-1)?.size && !r.config.includes('chat questions') && !r.config.includes('workers'));
  for (const row of best ?? []) {
    lines.push(`- Load test at ${formatNumber(row.size)} passages (${row.config}): ${formatNumber(row.requestsPerSecond)} requests/s, p99 ${formatNumber(row.latency.p99)} ms (target ≥ 1,000/s: ${row.requestsPerSecond >= 1000 ? 'met' : 'NOT met'}).`);
  }
  return lines.join('\n') || 'Nothing measured that has a target (areas search, load).';
}

function numbers(list: string, flag: string): number[] {
  const parsed = list.split(',').map((s) => Number(s.trim()));
  if (parsed.length === 0 || parsed.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`${flag} takes positive integers separated by commas, got "${list}"`);
  return parsed;
}

async function child<T>(task: string, args: unknown): Promise<T> {
  const output = await run(process.execPath, [CHILD, task, JSON.stringify(args)]);
  return JSON.parse(output.trim().split('\n').at(-1)!) as T;
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (err = (err + chunk.toString()).slice(-8000)));
    proc.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${args.slice(0, 2).join(' ')} failed (exit ${code}):\n${err}`))));
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
