import { createHashedNgramEmbedder, resolveSettings } from '@auskunft/core';
import { crawlSettings, crawlSite } from '@auskunft/crawler';
import { startDemoSite } from '@auskunft/demo-site';
import { vi } from 'vitest';

/** Crawls the bundled demo site (served on 127.0.0.1 just for this) into `outDir`. */
export async function crawlDemoInto(outDir: string): Promise<{ siteUrl: string }> {
  const site = await startDemoSite();
  try {
    await crawlSite({ startUrls: [site.url], outDir, embedder: createHashedNgramEmbedder(), settings: { ...resolveSettings(crawlSettings), delayMs: 0, concurrency: 4 } });
    return { siteUrl: site.url };
  } finally {
    await site.close();
  }
}

/** Runs a command in-process and collects what it printed (log, warn and error, in order). */
export async function captureOutput<T>(run: () => Promise<T>): Promise<{ result: T; output: string }> {
  const lines: string[] = [];
  const spies = (['log', 'warn', 'error'] as const).map((level) => vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.join(' '))));
  try {
    return { result: await run(), output: lines.join('\n') };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}
