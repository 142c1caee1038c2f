import { readFile } from 'node:fs/promises';
import type { Passage } from '@auskunft/core';
import { createRandom, type Random } from './random.js';

/** The labelled citizen questions of the evaluation (eval/questions.json): real phrasing, typos included. */
export const EVAL_QUESTIONS_FILE = new URL('../../eval/questions.json', import.meta.url);

export interface BenchQueries {
  /** Run first and not measured: JIT, caches and lazily built structures settle. */
  warmup: string[];
  /** Measured, each once: distinct queries, so no cache answers a repeated one. */
  measured: string[];
}

/**
 * Search queries for the latency runs: the 140 evaluation questions and queries drawn from the
 * generated passages (title words, headings, a few words of text, with and without typos, as
 * questions), so every size sees queries that match its own pages. Deterministic.
 */
export async function benchQueries(passages: readonly Passage[], options: { generated: number; warmup: number; seed?: number }): Promise<BenchQueries> {
  const { questions } = JSON.parse(await readFile(EVAL_QUESTIONS_FILE, 'utf8')) as { questions: Array<{ q: string }> };
  const random = createRandom(options.seed ?? 7);
  const seen = new Set(questions.map((q) => q.q));
  const draw = (count: number): string[] => {
    const out: string[] = [];
    for (let attempts = 0; out.length < count && attempts < count * 20; attempts++) {
      const query = generatedQuery(random.pick(passages), random);
      if (query && !seen.has(query)) {
        seen.add(query);
        out.push(query);
      }
    }
    return out;
  };
  const warmup = draw(options.warmup);
  return { warmup, measured: [...questions.map((q) => q.q), ...draw(options.generated)] };
}

const QUESTION_FORMS = [(w: string) => `Wie beantrage ich ${w}?`, (w: string) => `Wer bekommt ${w}`, (w: string) => `${w} Voraussetzungen`, (w: string) => `was kostet ${w.toLowerCase()}`];

function generatedQuery(passage: Passage, random: Random): string | null {
  const words = (text: string) => text.split(/[\s,.:;!?()„“"]+/).filter((w) => /^\p{L}{3,}$/u.test(w));
  const titleWords = words(passage.title);
  const textWords = words(passage.text);
  switch (random.int(5)) {
    case 0:
      return titleWords.slice(0, random.between(1, 3)).join(' ') || null;
    case 1:
      return passage.section ? `${passage.section} ${random.pick(titleWords)}` : null;
    case 2: {
      const start = random.int(Math.max(1, textWords.length - 4));
      return textWords.slice(start, start + random.between(2, 5)).join(' ') || null;
    }
    case 3: {
      const long = textWords.filter((w) => w.length >= 7);
      return long.length ? `${typo(random.pick(long), random)} ${random.pick(textWords)}` : null;
    }
    default: {
      const nouns = [...titleWords, ...textWords].filter((w) => /^\p{Lu}/u.test(w) && w.length >= 5);
      return nouns.length ? random.pick(QUESTION_FORMS)(random.pick(nouns)) : null;
    }
  }
}

/** Swaps two neighbouring letters or drops one, as hurried typing does. */
function typo(word: string, random: Random): string {
  const at = random.between(1, word.length - 2);
  return random.chance(0.5) ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2) : word.slice(0, at) + word.slice(at + 1);
}
