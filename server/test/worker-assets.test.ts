import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAuskunftError } from '@auskunft/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exportWorkerAssets } from '../src/export/worker-assets.js';
import { loadIndexFromAssets, type AssetsBinding } from '../src/worker/load-index-assets.js';
import { loadIndexFromDisk } from '../src/node/load-index.js';
import { buildIndexOfPages } from './page-index.js';

/**
 * The way an index gets into the Worker: `auskunft export-worker` copies it into the static-assets
 * folder, and the Worker reads it back through the assets binding with the Node server's checks.
 */
let site: Awaited<ReturnType<typeof buildIndexOfPages>>;
let outDir: string;

/** Serves a folder the way the Workers assets binding does: by path, 404 for anything missing. */
const folderBinding = (dir: string): AssetsBinding => ({
  async fetch(input) {
    const path = new URL(String(input instanceof Request ? input.url : input)).pathname;
    try {
      return new Response(await readFile(join(dir, path)));
    } catch {
      return new Response('Not found', { status: 404 });
    }
  },
});

async function expectIndexError(promise: Promise<unknown>, code: string): Promise<string> {
  const error = await promise.then(
    () => {
      throw new Error('expected the index to be refused');
    },
    (e: unknown) => e,
  );
  expect(isAuskunftError(error) && error.code).toBe(code);
  return (error as Error).message;
}

beforeAll(async () => {
  site = await buildIndexOfPages({
    '/': '<h1>Inklusionsamt</h1><p>Wir beraten Arbeitgeber und schwerbehinderte Beschäftigte.</p><a href="/kfz/">Kraftfahrzeughilfe</a>',
    '/kfz/': '<h1>Kraftfahrzeughilfe</h1><p>Zuschüsse zum behinderungsgerechten Umbau eines Autos beantragen Sie vor dem Kauf.</p>',
  });
});

afterAll(() => site.close());

beforeEach(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'auskunft-export-'));
  return () => rm(outDir, { recursive: true, force: true });
});

describe('exportWorkerAssets', () => {
  it('copies the live version flat, with the widget, and the Worker reads it like the Node server', async () => {
    const result = await exportWorkerAssets({ indexDir: site.outDir, outDir, widget: { script: '/* widget */', chunks: new Map([['chat-abc123.js', 'export const chat = 1;']]) } });
    expect((await readdir(outDir)).sort()).toEqual(['lexical.json', 'manifest.json', 'passages.json', 'vectors.hnsw', 'widget', 'widget-chunks.json', 'widget.js']);
    expect(await readdir(join(outDir, 'widget'))).toEqual(['chat-abc123.js']);
    expect(JSON.parse(await readFile(join(outDir, 'widget-chunks.json'), 'utf8'))).toEqual(['chat-abc123.js']);
    expect(result.manifest.version).toBe(site.report.version);
    const fromAssets = await loadIndexFromAssets(folderBinding(outDir));
    const fromDisk = await loadIndexFromDisk(site.outDir);
    expect(fromAssets.manifest).toEqual(fromDisk.manifest);
    expect(fromAssets.passages).toEqual(fromDisk.passages);
    expect(fromAssets.lexical).toEqual(fromDisk.lexical);
    expect(Buffer.from(fromAssets.vectors).equals(await readFile(fromDisk.vectorsPath))).toBe(true);
  });

  it('leaves the vectors out for a Worker that searches Vectorize', async () => {
    await exportWorkerAssets({ indexDir: site.outDir, outDir, withoutVectors: true });
    expect((await readdir(outDir)).sort()).toEqual(['lexical.json', 'manifest.json', 'passages.json']);
    const fromAssets = await loadIndexFromAssets(folderBinding(outDir), { vectors: false });
    expect(fromAssets.vectors).toBeNull();
    await expect(loadIndexFromAssets(folderBinding(outDir))).rejects.toThrow(/vectors\.hnsw in the Worker's static assets .* is missing/);
  });

  it('replaces an earlier export but refuses a folder with other files', async () => {
    await exportWorkerAssets({ indexDir: site.outDir, outDir, widget: { script: '/* old */', chunks: new Map() } });
    await exportWorkerAssets({ indexDir: site.outDir, outDir });
    expect(await readdir(outDir)).not.toContain('widget.js');
    await writeFile(join(outDir, 'notizen.txt'), 'nicht löschen');
    const message = await expectIndexError(exportWorkerAssets({ indexDir: site.outDir, outDir }), 'CONFIG_INVALID');
    expect(message).toContain('notizen.txt');
    expect(await readFile(join(outDir, 'notizen.txt'), 'utf8')).toBe('nicht löschen');
  });

  it("carries the editors' synonym list along, after checking it", async () => {
    const synonymsFile = join(outDir, '..', `synonyme-${Date.now()}.txt`);
    await writeFile(synonymsFile, 'Auto, PKW, Kfz\n');
    try {
      await exportWorkerAssets({ indexDir: site.outDir, outDir, synonymsFile });
      expect(await readFile(join(outDir, 'synonyms.txt'), 'utf8')).toBe('Auto, PKW, Kfz\n');
      await writeFile(synonymsFile, 'Auto\n');
      const message = await expectIndexError(exportWorkerAssets({ indexDir: site.outDir, outDir, synonymsFile }), 'CONFIG_INVALID');
      expect(message).toContain(`${synonymsFile}:1`);
    } finally {
      await rm(synonymsFile, { force: true });
    }
  });

  it('refuses an index with a file above the per-asset limit and points to the alternatives', async () => {
    const message = await expectIndexError(exportWorkerAssets({ indexDir: site.outDir, outDir, maxAssetBytes: 1000 }), 'INDEX_TOO_LARGE');
    expect(message).toMatch(/has [\d.]+ MiB/);
    expect(message).toContain('Vectorize');
  });
});

describe('loadIndexFromAssets', () => {
  it('refuses a file that does not match its checksum, naming it', async () => {
    await exportWorkerAssets({ indexDir: site.outDir, outDir });
    const passages = JSON.parse(await readFile(join(outDir, 'passages.json'), 'utf8'));
    passages[0].text = 'Geändert';
    await writeFile(join(outDir, 'passages.json'), JSON.stringify(passages));
    const message = await expectIndexError(loadIndexFromAssets(folderBinding(outDir)), 'INDEX_CORRUPT');
    expect(message).toContain('/passages.json');
    expect(message).toContain('checksum');
  });

  it('says which file is missing and how to export it', async () => {
    await exportWorkerAssets({ indexDir: site.outDir, outDir });
    await rm(join(outDir, 'vectors.hnsw'));
    const message = await expectIndexError(loadIndexFromAssets(folderBinding(outDir)), 'INDEX_CORRUPT');
    expect(message).toContain('/vectors.hnsw');
    expect(message).toContain('is missing');
    expect(message).toContain('auskunft export-worker');
  });
});
