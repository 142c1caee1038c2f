import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHashedNgramEmbedder, resolveSettings, splitSentences } from '@auskunft/core';
import { crawlSettings, crawlSite } from '@auskunft/crawler';
import { startDemoSite } from '@auskunft/demo-site';
import { loadIndexFromDisk } from '@auskunft/server/node';
import { dictionary } from '@zxcvbn-ts/language-de';

/** What generated passages are made of: the demo site's own language plus general German words. */
export interface SourceMaterial {
  /** Prose sentences of the demo site (at least five words each). */
  sentences: string[];
  /** Section headings of the demo site. */
  headings: string[];
  /** FAQ questions of the demo site. */
  questions: string[];
  /** Page titles with the first segment of their path ("inklusionsamt"). */
  titles: Array<{ title: string; area: string }>;
  /** General German words, most frequent first (German Wikipedia, via @zxcvbn-ts/language-de). */
  words: string[];
  /** Hash of all of the above: part of the cache key of generated indexes. */
  fingerprint: string;
}

/**
 * Crawls the bundled demo site (127.0.0.1, about a second) and collects its sentences, headings,
 * questions and titles. Words of a general frequency list are mixed in later so the vocabulary
 * grows with the corpus as it does on a real site (Heaps' law); 38 pages alone have 3,000 words.
 */
export async function loadSourceMaterial(): Promise<SourceMaterial> {
  const site = await startDemoSite();
  const dir = await mkdtemp(join(tmpdir(), 'auskunft-bench-source-'));
  try {
    await crawlSite({
      startUrls: [site.url],
      outDir: dir,
      embedder: createHashedNgramEmbedder(),
      settings: { ...resolveSettings(crawlSettings, { env: {} }), delayMs: 0, concurrency: 4 },
    });
    const { passages } = await loadIndexFromDisk(dir);
    const sentences = new Set<string>();
    const headings = new Set<string>();
    const questions = new Set<string>();
    const titles = new Map<string, string>();
    for (const passage of passages) {
      for (const sentence of splitSentences(passage.text)) if (sentence.split(/\s+/).length >= 5) sentences.add(sentence);
      const heading = passage.section?.split(' › ').at(-1);
      if (heading) (passage.kind === 'faq' ? questions : headings).add(heading);
      titles.set(passage.title, new URL(passage.url).pathname.split('/')[1] || 'start');
    }
    const words = dictionary.wikipedia.filter((w) => /^\p{L}{4,}$/u.test(w));
    const material = {
      sentences: [...sentences].sort(),
      headings: [...headings].sort(),
      questions: [...questions].sort(),
      titles: [...titles].sort(([a], [b]) => (a < b ? -1 : 1)).map(([title, area]) => ({ title, area })),
      words,
    };
    const fingerprint = createHash('sha256').update(JSON.stringify(material)).digest('hex');
    return { ...material, fingerprint };
  } finally {
    await site.close();
    await rm(dir, { recursive: true, force: true });
  }
}
