#!/usr/bin/env node
/**
 * Before/after in one run: loads the same index with this checkout's server and with the compiled
 * packages of another checkout (e.g. `git worktree add ../base <commit> && (cd ../base && npm ci && npx tsc -b)`),
 * both in this process, and sends each question to both through GET /api/search (response and
 * embedding caches off), alternating which goes first. Prints the latency of each and how many
 * responses differ: a speed-up must leave every result list, score and snippet unchanged.
 *
 *   node bench/compare-baseline.mjs --baseline ../base --index bench/.cache/6000-…/index [--questions 400]
 *
 * The questions: the 140 labelled evaluation questions and chat-style whole questions
 * (bench/src/chat-questions.ts). Run `npx tsc -b bench` first.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chatQuestions } from './dist/chat-questions.js';

const { values } = parseArgs({ options: { baseline: { type: 'string' }, index: { type: 'string' }, questions: { type: 'string', default: '400' }, rounds: { type: 'string', default: '2' } } });
if (!values.baseline || !values.index) throw new Error('compare-baseline needs --baseline <checkout> and --index <index dir>');
const here = fileURLToPath(new URL('..', import.meta.url));

async function openApp(root) {
  const load = (path) => import(pathToFileURL(resolve(root, path)).href);
  const core = await load('core/dist/index.js');
  const server = await load('server/dist/index.js');
  const node = await load('server/dist/node/index.js');
  const overrides = { indexDir: values.index, logEnabled: false, queryLog: false, maxQueryChars: 0, embeddingCacheSize: 0, searchCacheSize: 0, searchRateLimit: 0 };
  const settings = core.resolveSettings(server.serverSettings, { env: {}, overrides });
  const { index, retriever } = await node.openIndexOnDisk(settings, core.createHashedNgramEmbedder());
  return server.createApp({ retriever, manifest: index.manifest, passages: index.passages, settings });
}

const apps = { baseline: await openApp(values.baseline), current: await openApp(here) };
const { questions } = JSON.parse(await readFile(new URL('../eval/questions.json', import.meta.url), 'utf8'));
const evalQuestions = questions.map((q) => q.q);
const chat = await chatQuestions(Number(values.questions));
const ask = async (name, q) => (await apps[name].request(`/api/search?q=${encodeURIComponent(q)}`)).text();
for (const q of await chatQuestions(100, 99)) for (const name of Object.keys(apps)) await ask(name, q);

const times = { baseline: [], current: [] };
let differing = 0;
let compared = 0;
for (let round = 0; round < Number(values.rounds); round++) {
  for (const q of [...evalQuestions, ...chat]) {
    const out = {};
    for (const name of round % 2 ? ['current', 'baseline'] : ['baseline', 'current']) {
      const started = performance.now();
      out[name] = await ask(name, q);
      if (!evalQuestions.includes(q)) times[name].push(performance.now() - started);
    }
    compared++;
    if (out.baseline !== out.current && differing++ < 3) console.error(`differs: ${q}`);
  }
}
const rank = (list, p) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.ceil(p * list.length) - 1)];
const mean = (list) => list.reduce((a, b) => a + b, 0) / list.length;
console.log('| Code | p50 ms | p95 ms | p99 ms | mean ms |\n| --- | --- | --- | --- | --- |');
for (const name of Object.keys(times)) console.log(`| ${name} | ${rank(times[name], 0.5).toFixed(2)} | ${rank(times[name], 0.95).toFixed(2)} | ${rank(times[name], 0.99).toFixed(2)} | ${mean(times[name]).toFixed(2)} |`);
console.log(`\ncurrent ÷ baseline (mean): ${(mean(times.current) / mean(times.baseline)).toFixed(3)}; responses that differ: ${differing} of ${compared}`);
process.exit(differing === 0 ? 0 : 1);
