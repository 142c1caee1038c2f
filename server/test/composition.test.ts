import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHashedNgramEmbedder, resolveSettings } from '@auskunft/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverSettings } from '../src/config.js';
import { openIndexOnDisk } from '../src/node/open-index.js';
import { exportWorkerAssets } from '../src/export/worker-assets.js';
import { startWorker } from '../src/worker/start.js';
import type { AssetsBinding } from '../src/worker/load-index-assets.js';
import { buildDemoIndex } from './demo-index.js';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/** Serves a folder the way the Workers assets binding does: by path, 404 for anything missing. */
const folderBinding = (dir: string): AssetsBinding => ({
  async fetch(input) {
    const path = new URL(String(input instanceof Request ? input.url : input)).pathname;
    return readFile(join(dir, path)).then(
      (data) => new Response(data),
      () => new Response('Not found', { status: 404 }),
    );
  },
});

describe('one composition root', () => {
  let demo: Awaited<ReturnType<typeof buildDemoIndex>>;
  let assetsDir: string;
  beforeAll(async () => {
    demo = await buildDemoIndex();
    assetsDir = join(demo.outDir, 'worker-assets');
    await exportWorkerAssets({ indexDir: demo.outDir, outDir: assetsDir });
  });
  afterAll(() => demo.close());

  it('gives Node and the Worker the same retriever options from one set of variables', async () => {
    const env = { AUSKUNFT_SEARCH_EMBEDDING_CACHE_SIZE: '7', AUSKUNFT_SEARCH_VECTOR_WEIGHT: '0.8', AUSKUNFT_QUERY_LOG: 'false', AUSKUNFT_LOG: 'false' };
    const settings = resolveSettings(serverSettings, { env });
    const onNode = await openIndexOnDisk({ ...settings, indexDir: demo.outDir }, createHashedNgramEmbedder());
    const onWorker = await startWorker({ ASSETS: folderBinding(assetsDir), ...env });
    expect(onWorker.retriever.tuning).toEqual(onNode.retriever.tuning);
    expect(onNode.retriever.tuning.embeddingCacheSize).toBe(7);
    expect(onNode.retriever.tuning.vectorWeight).toBe(0.8);
  });
});

/** Files that may use Node's APIs or native addons: they are exported only from `@auskunft/server/node`. */
const NODE_ONLY = [/^node\//, /^export\//, /^store\/sqlite\.ts$/, /^vectors\/hnswlib\.ts$/];
const NODE_IMPORT = /from\s+'(node:[^']+|better-sqlite3|hnswlib-node|@auskunft\/core\/fs)'/;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)).map((e) => relative(SRC, join(e.parentPath, e.name)));
}

describe('runtime boundary', () => {
  it('keeps Node-only imports inside the Node folders, so the Worker bundle never loads them', async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles(SRC)) {
      if (NODE_ONLY.some((re) => re.test(file))) continue;
      if (NODE_IMPORT.test(await readFile(join(SRC, file), 'utf8'))) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });

  it('exports nothing Node-only from the package entry', async () => {
    const entry = await readFile(join(SRC, 'index.ts'), 'utf8');
    const targets = [...entry.matchAll(/from '\.\/([^']+)\.js'/g)].map((m) => `${m[1]}.ts`);
    expect(targets.filter((t) => NODE_ONLY.some((re) => re.test(t)))).toEqual([]);
  });
});
