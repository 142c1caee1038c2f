import { readVersionDir, resolveVersionDir, vectorsPath } from '@auskunft/core/fs';
import type { LexicalIndex, Manifest, Passage } from '@auskunft/core';

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
 * (core's read-index.ts); hnswlib-node opens the vector file by path afterwards.
 */
export async function loadIndexFromDisk(dir: string): Promise<LoadedIndex> {
  const versionDir = await resolveVersionDir(dir);
  const { manifest, passages, lexical } = await readVersionDir(versionDir);
  return { dir: versionDir, manifest, passages, lexical, vectorsPath: vectorsPath(versionDir) };
}
