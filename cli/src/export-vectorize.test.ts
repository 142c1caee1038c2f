import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from './main.js';
import { captureOutput, crawlDemoInto } from './test-helpers/demo.js';

/** `auskunft export-vectorize`: the vectors of a crawled index as upload files for Cloudflare Vectorize. */
describe('auskunft export-vectorize', () => {
  let work: string;
  let indexDir: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'auskunft-vectorize-cli-'));
    indexDir = join(work, 'index-data');
    await crawlDemoInto(indexDir);
  });

  afterAll(() => rm(work, { recursive: true, force: true }));

  const run = async (args: string[]) => {
    const { result, output } = await captureOutput(() => main(['export-vectorize', ...args]));
    return { code: result, output };
  };

  it('writes NDJSON for wrangler and prints the upload commands', async () => {
    const outDir = join(work, 'vectorize');
    const { code, output } = await run(['--index', indexDir, '--out', outDir]);
    expect(code).toBe(0);
    expect(await readdir(outDir)).toEqual(['vectors-001.ndjson']);
    const lines = (await readFile(join(outDir, 'vectors-001.ndjson'), 'utf8')).trim().split('\n');
    const first = JSON.parse(lines[0]!) as { id: string; values: number[]; namespace: string };
    expect(first.id).toBe(`${first.namespace}/0`);
    expect(first.values).toHaveLength(512);
    expect(output).toContain(`Exported ${lines.length} vectors`);
    expect(output).toContain('npx wrangler vectorize create auskunft --dimensions 512 --metric cosine');
    expect(output).toContain(`npx wrangler vectorize insert auskunft --file ${outDir}/vectors-001.ndjson`);
  });

  it('names the missing index instead of writing anything', async () => {
    const { code, output } = await run(['--index', join(work, 'nowhere'), '--out', join(work, 'unused')]);
    expect(code).toBe(1);
    expect(output).toMatch(/No index found in ".*nowhere"/);
  });
});
