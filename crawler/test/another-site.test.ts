import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHashedNgramEmbedder, resolveSettings } from '@auskunft/core';
import { listVersions, readCurrentVersion } from '@auskunft/core/fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSettings, crawlSite } from '../src/index.js';
import { page, serveSite, type FixtureSite } from './serve-site.js';

const settings = { ...resolveSettings(crawlSettings), delayMs: 0 };
const embedder = createHashedNgramEmbedder({ dimension: 32 });

describe('crawling another site into an existing index directory', () => {
  let stadtA: FixtureSite;
  let stadtB: FixtureSite;
  let outDir: string;
  let liveVersion: string;

  beforeAll(async () => {
    stadtA = await serveSite({ '/': page('Stadt A', '<p>Das Bürgerbüro der Stadt A hat montags bis freitags geöffnet.</p>') });
    stadtB = await serveSite({ '/': page('Stadt B', '<p>Das Sozialamt der Stadt B berät zur Grundsicherung im Alter.</p>') });
    outDir = await mkdtemp(join(tmpdir(), 'auskunft-another-site-'));
    liveVersion = (await crawlSite({ startUrls: [stadtA.url], outDir, embedder, settings })).version;
  });

  afterAll(async () => {
    await Promise.all([stadtA.close(), stadtB.close()]);
    await rm(outDir, { recursive: true, force: true });
  });

  it('refuses with a message naming both sites and leaves the live index alone', async () => {
    const requestsBefore = stadtB.requests.length;
    await expect(crawlSite({ startUrls: [stadtB.url], outDir, embedder, settings })).rejects.toThrow(
      new RegExp(`holds the index of ${stadtA.origin}.*not of ${stadtB.origin}.*--replace-site`),
    );
    expect(stadtB.requests.length).toBe(requestsBefore);
    expect(await readCurrentVersion(outDir)).toBe(liveVersion);
    expect(await listVersions(outDir)).toHaveLength(1);
  });

  it('re-crawls the same site into the directory as before', async () => {
    const report = await crawlSite({ startUrls: [stadtA.url], outDir, embedder, settings });
    liveVersion = report.version;
    expect(await readCurrentVersion(outDir)).toBe(report.version);
  });

  it('replaces the index with the other site when asked to', async () => {
    const report = await crawlSite({ startUrls: [stadtB.url], outDir, embedder, settings, replaceSite: true });
    expect(report.removedUrls).toEqual([stadtA.url]);
    expect(await readCurrentVersion(outDir)).toBe(report.version);
    expect(report.version).not.toBe(liveVersion);
  });
});
