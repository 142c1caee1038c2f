import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHashedNgramEmbedder, resolveSettings } from '@auskunft/core';
import { crawlSettings, crawlSite } from '@auskunft/crawler';
import { startDemoSite } from '@auskunft/demo-site';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from './main.js';

/** `auskunft export-worker`: the step that puts a crawled index into the Cloudflare Worker. */
describe('auskunft export-worker', () => {
  let work: string;
  let indexDir: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'auskunft-export-cli-'));
    indexDir = join(work, 'index-data');
    const site = await startDemoSite();
    try {
      await crawlSite({ startUrls: [site.url], outDir: indexDir, embedder: createHashedNgramEmbedder(), settings: { ...resolveSettings(crawlSettings), delayMs: 0, concurrency: 4 } });
    } finally {
      await site.close();
    }
  });

  afterAll(() => rm(work, { recursive: true, force: true }));

  const run = async (args: string[]) => {
    const out: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
    const error = vi.spyOn(console, 'error').mockImplementation((line: string) => void out.push(line));
    const warn = vi.spyOn(console, 'warn').mockImplementation((line: string) => void out.push(line));
    try {
      return { code: await main(['export-worker', ...args]), output: out.join('\n') };
    } finally {
      log.mockRestore();
      error.mockRestore();
      warn.mockRestore();
    }
  };

  it('exports the live version into the assets folder and reports what it wrote', async () => {
    const out = join(work, 'assets');
    const { code, output } = await run(['--index', indexDir, '--out', out]);
    expect(code, output).toBe(0);
    expect(await readdir(out)).toEqual(expect.arrayContaining(['manifest.json', 'passages.json', 'lexical.json', 'vectors.hnsw']));
    expect(output).toMatch(/Exported index version \S+ \(\d+ pages, \d+ passages\)/);
    expect(output).toContain('vectors.hnsw');
  });

  it('explains a missing index and a stray argument', async () => {
    const missing = await run(['--index', join(work, 'nichts'), '--out', join(work, 'assets-2')]);
    expect(missing.code).toBe(1);
    expect(missing.output).toContain('No index found');
    const stray = await run([indexDir]);
    expect(stray.code).toBe(2);
    expect(stray.output).toContain('--index and --out');
  });
});
