import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from './main.js';
import { captureOutput, crawlDemoInto } from './test-helpers/demo.js';

/** `auskunft export-worker`: the step that puts a crawled index into the Cloudflare Worker. */
describe('auskunft export-worker', () => {
  let work: string;
  let indexDir: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'auskunft-export-cli-'));
    indexDir = join(work, 'index-data');
    await crawlDemoInto(indexDir);
  });

  afterAll(() => rm(work, { recursive: true, force: true }));

  const run = async (args: string[]) => {
    const { result, output } = await captureOutput(() => main(['export-worker', ...args]));
    return { code: result, output };
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
