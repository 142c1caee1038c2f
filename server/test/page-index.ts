import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHashedNgramEmbedder, resolveSettings } from '@auskunft/core';
import { crawlSettings, crawlSite } from '@auskunft/crawler';

/** Serves `path → main content` pages on 127.0.0.1 in a minimal layout and crawls them into a temporary index. */
export async function buildIndexOfPages(pages: Record<string, string>) {
  const server = createServer((req, res) => {
    const main = pages[req.url ?? ''];
    res.writeHead(main ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="de"><head><title>Seite</title></head><body><nav><a href="/">Start</a></nav><main>${main ?? '<h1>Nicht gefunden</h1>'}</main></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const outDir = await mkdtemp(join(tmpdir(), 'auskunft-pages-'));
  const report = await crawlSite({
    startUrls: [url],
    outDir,
    embedder: createHashedNgramEmbedder(),
    settings: { ...resolveSettings(crawlSettings), delayMs: 0, respectRobots: false },
  });
  return {
    url,
    outDir,
    report,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
