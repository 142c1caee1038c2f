import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBenchIndex } from '../src/build-index.js';
import { generateCorpus } from '../src/corpus.js';
import { measureSearch } from '../src/measure-search.js';
import { loadSourceMaterial } from '../src/source-material.js';
import { measureWidgetSizes } from '../src/widget-size.js';

// A smoke test so `npm run bench` cannot rot unnoticed: the bench code end to end on 200
// passages. No timing assertions; performance numbers belong to `npm run bench`.
describe('benchmark (200 passages)', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('generates the same German corpus for the same seed', async () => {
    const material = await loadSourceMaterial();
    const a = generateCorpus(200, material);
    expect(a).toHaveLength(200);
    expect(generateCorpus(200, material)).toEqual(a);
    expect(new Set(a.map((p) => p.url)).size).toBeGreaterThan(20);
    expect(a.some((p) => p.kind === 'faq')).toBe(true);
    expect(a[1]!.text).toMatch(/[äöüß]|Antrag|Sie /);
  });

  it('builds an index and measures search, recall and chat on it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'auskunft-bench-test-'));
    dirs.push(dir);
    const stats = await buildBenchIndex({ size: 200, dir, material: await loadSourceMaterial(), m: 16, efConstruction: 100 });
    expect(stats.size).toBe(200);
    expect(Object.keys(stats.files)).toEqual(expect.arrayContaining(['passages.json', 'lexical.json', 'vectors.hnsw', 'manifest.json']));
    expect(stats.peakRssMiB).toBeGreaterThan(0);

    const measured = await measureSearch({ dir, efSweep: [10, 200], generatedQueries: 20 });
    expect(measured.size).toBe(200);
    expect(measured.queries).toBe(160);
    for (const name of ['GET /api/search', 'retriever.retrieve (hybrid)', 'retriever.retrieve (exact vectors)', 'exact vector scan k=50 alone']) {
      expect(measured.latency[name]?.n, name).toBe(160);
    }
    // On 200 points a wide HNSW search is as good as exact; a broken recall computation is not.
    expect(measured.recall.map((r) => r.ef)).toEqual([10, 200, 400]);
    expect(measured.recall.at(-1)!.recallAt10).toBeGreaterThan(0.95);
    expect(measured.hybridAgreement).toBeGreaterThan(0.9);
    expect(measured.chat.firstEvent.n).toBe(140);
  });

  it('measures gzip sizes of the widget scripts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'auskunft-bench-widget-'));
    dirs.push(dir);
    await writeFile(join(dir, 'widget.js'), 'export const text = "Suche und Chat für Bürgerinnen und Bürger";\n'.repeat(100));
    const [file] = await measureWidgetSizes(dir);
    expect(file!.file).toBe('widget.js');
    expect(file!.gzipBytes).toBeLessThan(file!.bytes / 5);
  });
});
