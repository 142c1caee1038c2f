import { AuskunftError } from '@auskunft/core';
import { listVersions } from '@auskunft/core/fs';

/**
 * Refuses to put another site into an index directory that serves one already: the new version
 * would silently replace the live index of, say, www.stadt-a.de with www.stadt-b.de (a typo in
 * --out, or the demo checkout's `index-data`). Same site means a start URL shares an origin with
 * the live version's start URLs; `replaceSite` (`--replace-site`) allows the switch.
 */
export async function checkSameSite(outDir: string, startUrls: readonly string[], replaceSite: boolean): Promise<void> {
  if (replaceSite) return;
  const live = (await listVersions(outDir)).find((v) => v.current)?.manifest;
  if (!live) return;
  const before = new Set(live.source.startUrls.map((u) => new URL(u).origin));
  if (before.size === 0 || startUrls.some((u) => before.has(new URL(u).origin))) return;
  throw new AuskunftError(
    'CONFIG_INVALID',
    `${outDir} holds the index of ${[...before].join(', ')} (version ${live.version}), not of ${startUrls.map((u) => new URL(u).origin).join(', ')}. ` +
      `Nothing was crawled or changed. Choose another --out directory, or pass --replace-site to replace that index with this site.`,
  );
}
