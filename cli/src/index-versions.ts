import { readdir, readFile, rm } from 'node:fs/promises';
import { readCurrentVersion, writeCurrentVersion } from '@auskunft/core/fs';
import { join } from 'node:path';
import { AuskunftError, INDEX_FILES, VERSIONS_DIR, isVersionName, parseManifest, type Manifest } from '@auskunft/core';

export interface IndexVersion {
  version: string;
  current: boolean;
  manifest: Manifest | null;
  /** Why the manifest could not be read, for versions that are incomplete or damaged. */
  problem?: string;
}

/** All complete version directories, oldest first, with the live one marked. */
export async function listVersions(indexDir: string): Promise<IndexVersion[]> {
  const current = await readCurrentVersion(indexDir);
  const names = (await readdir(join(indexDir, VERSIONS_DIR)).catch(() => [] as string[])).filter(isVersionName).sort();
  return Promise.all(
    names.map(async (version) => {
      try {
        const manifest = parseManifest(JSON.parse(await readFile(join(indexDir, VERSIONS_DIR, version, INDEX_FILES.manifest), 'utf8')));
        return { version, current: version === current, manifest };
      } catch (error) {
        return { version, current: version === current, manifest: null, problem: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
      }
    }),
  );
}

/**
 * Makes `version` the live one by replacing CURRENT atomically (write a temporary file, rename
 * it over the pointer). Running servers switch on their next check.
 */
export async function setCurrentVersion(indexDir: string, version: string): Promise<void> {
  const versions = await listVersions(indexDir);
  const target = versions.find((v) => v.version === version);
  if (!target) {
    const known = versions.map((v) => v.version).join(', ') || 'none';
    throw new AuskunftError('INDEX_NOT_FOUND', `There is no version "${version}" in ${indexDir}. Versions: ${known}.`);
  }
  if (!target.manifest) throw new AuskunftError('INDEX_CORRUPT', `Version ${version} is incomplete or damaged (${target.problem}); refusing to make it current.`);
  await writeCurrentVersion(indexDir, version);
}

/** Deletes all but the newest `keep` versions; the current one is always kept. */
export async function pruneVersions(indexDir: string, keep: number): Promise<string[]> {
  const versions = await listVersions(indexDir);
  const doomed = versions.slice(0, Math.max(0, versions.length - keep)).filter((v) => !v.current);
  for (const v of doomed) await rm(join(indexDir, VERSIONS_DIR, v.version), { recursive: true, force: true });
  return doomed.map((v) => v.version);
}
