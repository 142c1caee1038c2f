import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as pagefind from 'pagefind';
import type { SearchSystem } from './system.js';

interface PagefindRuntime {
  options(o: { basePath: string }): Promise<void>;
  init(): Promise<void>;
  search(q: string): Promise<{ results: Array<{ data(): Promise<{ url: string }> }> } | null>;
}

/**
 * Pagefind 1.6 on the same pages, with its default settings, as the peer to beat.
 *
 * Pagefind's search runtime (pagefind.js + WebAssembly) is written for browsers: it fetches its
 * index chunks relative to a base URL. Node 20 has `fetch`, `WebAssembly` and
 * `DecompressionStream`, so the generated bundle runs unchanged once the files are served over
 * HTTP; here from 127.0.0.1 and only for the duration of the evaluation.
 *
 * Confidence: Pagefind has no score threshold, so any result counts as a confident hit.
 */
export async function createPagefindSystem(html: ReadonlyMap<string, string>): Promise<SearchSystem & { close(): Promise<void> }> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
  for (const [url, content] of html) {
    const added = await index.addHTMLFile({ url, content });
    if (added.errors.length) throw new Error(`Pagefind could not index ${url}: ${added.errors.join('; ')}`);
  }
  const outDir = await mkdtemp(join(tmpdir(), 'auskunft-pagefind-'));
  await index.writeFiles({ outputPath: outDir });
  await pagefind.close();

  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname));
    if (path.includes('..')) return void res.writeHead(400).end();
    readFile(join(outDir, path)).then(
      (data) => res.writeHead(200).end(data),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const runtime = (await import(pathToFileURL(join(outDir, 'pagefind.js')).href)) as PagefindRuntime;
  await runtime.options({ basePath: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` });
  await runtime.init();

  return {
    name: 'Pagefind 1.6 (defaults)',
    async search(query) {
      const found = await runtime.search(query);
      const results = found?.results ?? [];
      const pages = await Promise.all(results.slice(0, 10).map(async (r) => (await r.data()).url));
      return { pages, confident: pages.length > 0 };
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
