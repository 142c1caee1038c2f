#!/usr/bin/env node
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createAuskunftSystems } from './auskunft-systems.js';
import { buildDemoCorpus } from './demo-corpus.js';
import { CURRENT_CHECKOUT, runHttpEval } from './http-eval.js';
import { chatSummaryTable, chatTable, declineTable, legend, missesText, runsToJson, searchTable, xquadTable } from './http-report.js';
import { createPagefindSystem } from './pagefind-system.js';
import { loadQuestions } from './questions.js';
import { categoryTable, overallTable } from './report.js';
import { evaluateSystems, type SystemResult } from './run-eval.js';

const PARTS = ['rankers', 'chat', 'search', 'xquad'] as const;

const USAGE = `Usage: npm run eval -- [--baseline DIR] [--only rankers,chat,search,xquad] [--limit N]
                       [--json results.json] [--misses] [--ranker-misses "System name"]

Measures Auskunft on the demo site (demo-site/):

  rankers  eval/questions.json against each ranker in-process (BM25, vectors, hybrid) and Pagefind
  chat     eval/data/demo-chat.json and demo-decline.json through POST /api/chat
  search   eval/data/demo-search-colloquial.json and eval/questions.json through GET /api/search
  xquad    XQuAD (German) as a second opinion: chat and search against the answer's paragraph;
           needs ../shared/data/xquad/xquad.de.json (or AUSKUNFT_EVAL_XQUAD / --xquad FILE)

chat, search and xquad go over HTTP like a citizen: the demo site is served on 127.0.0.1, the
checkout's own CLI crawls it (auskunft crawl) and serves the index (auskunft serve).

  --baseline DIR   also measure this checkout (built with npm run build), e.g. a git worktree of an
                   older commit, in the same run; every cell then reads "current / baseline"
                   (env AUSKUNFT_EVAL_BASELINE)
  --limit N        XQuAD: about N questions (every k-th, deterministic) instead of all 1,190
  --json FILE      write all numbers and per-item scores
  --misses         print the failing items with the reply
  --ranker-misses  print the ranker comparison's misses for the system whose name starts so`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      json: { type: 'string' },
      misses: { type: 'boolean' },
      'ranker-misses': { type: 'string' },
      baseline: { type: 'string' },
      only: { type: 'string' },
      limit: { type: 'string' },
      xquad: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const only = new Set((values.only ?? PARTS.join(',')).split(',').map((p) => p.trim()).filter(Boolean));
  for (const part of only) if (!(PARTS as readonly string[]).includes(part)) throw new Error(`--only kennt "${part}" nicht; möglich sind ${PARTS.join(', ')}.`);
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new Error(`--limit braucht eine ganze Zahl ab 1, nicht "${values.limit}".`);
  const baseline = values.baseline ?? process.env['AUSKUNFT_EVAL_BASELINE'];
  const started = Date.now();
  const json: Record<string, unknown> = {};

  if (only.has('rankers')) json['rankers'] = await rankerComparison(values['ranker-misses']);

  if (only.has('chat') || only.has('search') || only.has('xquad')) {
    const checkouts = [{ label: 'current', dir: CURRENT_CHECKOUT }, ...(baseline ? [{ label: 'baseline', dir: resolve(baseline) }] : [])];
    const result = await runHttpEval({
      checkouts,
      parts: { chat: only.has('chat'), search: only.has('search'), xquad: only.has('xquad') },
      ...(limit ? { xquadLimit: limit } : {}),
      ...(values.xquad ? { xquadFile: values.xquad } : {}),
      log: (line) => console.error(line),
    });
    const { runs } = result;
    console.log(`\nOver HTTP (auskunft crawl + auskunft serve). ${legend(runs)}\n`);
    if (only.has('chat')) {
      console.log(`Chat: ${result.counts.chat} in-scope questions (eval/data/demo-chat.json), share in %\n\n${chatTable(runs)}\n`);
      console.log(`Chat: ${result.counts.decline} messages that must not be answered from the site (eval/data/demo-decline.json), share in %\n\n${declineTable(runs)}\n`);
      console.log(`${chatSummaryTable(runs)}\n`);
    }
    if (only.has('search')) console.log(`Search over GET /api/search\n\n${searchTable(runs)}\n`);
    if (only.has('xquad')) console.log(result.xquadSkipped ?? `XQuAD second opinion (${result.xquadFile}; ${result.counts.xquad} questions${limit ? `, every k-th for --limit ${limit}` : ''})\n\n${xquadTable(runs)}\n`);
    if (values.misses) for (const run of runs) console.log(`${missesText(run)}\n`);
    json['http'] = { counts: result.counts, xquadSkipped: result.xquadSkipped, runs: runsToJson(runs) };
  }

  if (values.json) await writeFile(values.json, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return 0;
}

/** The in-process ranker comparison on eval/questions.json (BM25, vectors, hybrid, Pagefind). */
async function rankerComparison(missesOf: string | undefined): Promise<Array<Omit<SystemResult, 'rankings'>>> {
  const corpus = await buildDemoCorpus();
  const pagefind = await createPagefindSystem(corpus.html);
  try {
    const questions = await loadQuestions(corpus.paths);
    const systems = [...(await createAuskunftSystems(corpus.indexDir, corpus.embedder)), pagefind];
    const results = await evaluateSystems(questions, systems);
    console.log(`Rankers in-process: ${questions.length} questions (eval/questions.json), ${corpus.report.pages} pages, ${corpus.report.passages} passages, embedder ${corpus.embedder.id}\n`);
    console.log(`${overallTable(results)}\n\nMRR@10 / Recall@5 (%) per category; out-of-scope: share declined\n\n${categoryTable(results)}\n`);
    if (missesOf) {
      const result = results.find((r) => r.system.startsWith(missesOf));
      questions.forEach((q, i) => {
        const ranking = result?.rankings[i];
        if (!ranking) return;
        const rank = ranking.pages.findIndex((p) => q.expected.includes(p));
        if (q.expected.length === 0 ? ranking.confident : rank !== 0) console.log(`[${q.category}] ${q.q}\n   expected ${q.expected.join(' ') || '(decline)'}\n   got ${rank < 0 ? 'miss' : `rank ${rank + 1}`}${ranking.confident ? '' : ' (declined)'}: ${ranking.pages.slice(0, 3).join(' ')}`);
      });
    }
    return results.map(({ rankings: _, ...r }) => r);
  } finally {
    await pagefind.close();
    await corpus.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
