#!/usr/bin/env node
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createAuskunftSystems } from './auskunft-systems.js';
import { buildDemoCorpus } from './demo-corpus.js';
import { createPagefindSystem } from './pagefind-system.js';
import { loadQuestions } from './questions.js';
import { categoryTable, overallTable } from './report.js';
import { evaluateSystems } from './run-eval.js';

const USAGE = `Usage: npm run eval [-- --json results.json] [--misses "System name"]

Crawls the demo site into a fresh index, runs eval/questions.json against each Auskunft ranker
and against Pagefind on the same pages, and prints Recall@1/5/10, MRR@10 and nDCG@10 overall
and per category, plus how often each system declines out-of-scope and in-scope questions.`;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { json: { type: 'string' }, misses: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const started = Date.now();
  const corpus = await buildDemoCorpus();
  const pagefind = await createPagefindSystem(corpus.html);
  try {
    const questions = await loadQuestions(corpus.paths);
    const systems = [...(await createAuskunftSystems(corpus.indexDir, corpus.embedder)), pagefind];
    const results = await evaluateSystems(questions, systems);
    console.log(`${questions.length} questions, ${corpus.report.pages} pages, ${corpus.report.passages} passages, embedder ${corpus.embedder.id}\n`);
    console.log(`${overallTable(results)}\n\nMRR@10 / Recall@5 (%) per category; out-of-scope: share declined\n\n${categoryTable(results)}\n`);
    if (values.misses) {
      const result = results.find((r) => r.system.startsWith(values.misses!));
      questions.forEach((q, i) => {
        const ranking = result?.rankings[i];
        if (!ranking) return;
        const rank = ranking.pages.findIndex((p) => q.expected.includes(p));
        if (q.expected.length === 0 ? ranking.confident : rank !== 0) console.log(`[${q.category}] ${q.q}\n   expected ${q.expected.join(' ') || '(decline)'}\n   got ${rank < 0 ? 'miss' : `rank ${rank + 1}`}${ranking.confident ? '' : ' (declined)'}: ${ranking.pages.slice(0, 3).join(' ')}`);
      });
    }
    if (values.json) await writeFile(values.json, `${JSON.stringify(results.map(({ rankings: _, ...r }) => r), null, 2)}\n`);
    console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return 0;
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
