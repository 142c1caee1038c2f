import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuskunftSystems } from '../src/auskunft-systems.js';
import { buildDemoCorpus, type DemoCorpus } from '../src/demo-corpus.js';
import { createPagefindSystem } from '../src/pagefind-system.js';
import { loadQuestions } from '../src/questions.js';
import { evaluateSystems, type SystemResult } from '../src/run-eval.js';

// The whole question set runs in a few seconds, so CI evaluates all of it, not a sample.
let corpus: DemoCorpus;
let results: Map<string, SystemResult>;
let close: () => Promise<void>;

beforeAll(async () => {
  corpus = await buildDemoCorpus();
  const pagefind = await createPagefindSystem(corpus.html);
  close = async () => {
    await pagefind.close();
    await corpus.close();
  };
  const questions = await loadQuestions(corpus.paths);
  const systems = [...(await createAuskunftSystems(corpus.indexDir, corpus.embedder)), pagefind];
  results = new Map((await evaluateSystems(questions, systems)).map((r) => [r.system.split(' ')[0]!, r]));
});

afterAll(() => close?.());

describe('search quality on eval/questions.json', () => {
  it('ranks better with hybrid retrieval than with BM25 alone or with Pagefind', () => {
    const mrr = (name: string) => results.get(name)!.overall.mrrAt10;
    expect(mrr('Hybrid')).toBeGreaterThan(mrr('BM25'));
    expect(mrr('Hybrid')).toBeGreaterThan(mrr('Pagefind'));
  });

  it('keeps a floor on recall and on declining questions the site does not answer', () => {
    const hybrid = results.get('Hybrid')!;
    // Floors sit a little below the measured values (docs/evaluation.md), so a real
    // regression fails and a one-question wobble does not.
    expect(hybrid.overall.recallAt5).toBeGreaterThanOrEqual(0.95);
    expect(hybrid.overall.mrrAt10).toBeGreaterThanOrEqual(0.9);
    expect(hybrid.overall.outOfScopeAbstention).toBeGreaterThanOrEqual(0.8);
    expect(hybrid.overall.falseAbstention).toBeLessThanOrEqual(0.15);
    for (const category of ['typo', 'compound', 'synonym'] as const) {
      expect(hybrid.byCategory[category].recallAt5, category).toBeGreaterThanOrEqual(0.9);
    }
  });
});
