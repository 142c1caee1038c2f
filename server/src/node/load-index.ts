import { readFile } from 'node:fs/promises';
import { readCurrentVersion } from '@auskunft/core/fs';
import { join } from 'node:path';
import { AuskunftError, CURRENT_POINTER, INDEX_FILES, VERSIONS_DIR, type LexicalIndex, type Manifest, type Passage } from '@auskunft/core';
import { readIndexFiles } from '../index-files.js';

export interface LoadedIndex {
  dir: string;
  manifest: Manifest;
  passages: Passage[];
  lexical: LexicalIndex;
  vectorsPath: string;
}

/**
 * Reads an index directory from disk: either the root written by `auskunft crawl` (follows
 * CURRENT) or one version directory. Checking and parsing are shared with the Worker
 * (index-files.ts); this part only finds and reads the files.
 */
export async function loadIndexFromDisk(dir: string): Promise<LoadedIndex> {
  const versionDir = await resolveVersionDir(dir);
  const { manifest, passages, lexical } = await readIndexFiles({
    name: (file) => join(versionDir, file),
    read: (file) =>
      readFile(join(versionDir, file)).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      }),
  });
  return { dir: versionDir, manifest, passages, lexical, vectorsPath: join(versionDir, INDEX_FILES.vectors) };
}

/** The version directory an index directory points to (via CURRENT), or the directory itself if it is one. */
export async function resolveVersionDir(dir: string): Promise<string> {
  const version = await readCurrentVersion(dir);
  if (version !== null) return join(dir, VERSIONS_DIR, version);
  const manifest = await readFile(join(dir, INDEX_FILES.manifest), 'utf8').catch(() => null);
  if (manifest !== null) return dir;
  throw new AuskunftError('INDEX_NOT_FOUND', `No index found in "${dir}" (neither ${CURRENT_POINTER} nor ${INDEX_FILES.manifest}). Build one with \`npx auskunft crawl <start-url> --out ${dir}\`.`);
}
