import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ANALYSIS_VERSION,
  AuskunftError,
  CURRENT_POINTER,
  INDEX_FILES,
  INDEX_FORMAT_VERSION,
  VERSIONS_DIR,
  parseLexicalIndex,
  parseManifest,
  sha256Hex,
  type LexicalIndex,
  type Manifest,
  type Passage,
} from '@auskunft/core';

export interface LoadedIndex {
  dir: string;
  manifest: Manifest;
  passages: Passage[];
  lexical: LexicalIndex;
  vectorsPath: string;
}

/**
 * Reads an index directory from disk: either the root written by `auskunft crawl` (follows
 * CURRENT) or one version directory. Every file is checked against the manifest's checksum, so a
 * truncated copy fails loudly at start-up instead of answering wrongly.
 */
export async function loadIndexFromDisk(dir: string): Promise<LoadedIndex> {
  const versionDir = await resolveVersionDir(dir);
  const manifest = await readJson(join(versionDir, INDEX_FILES.manifest), (json) => parseManifest(json));
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION) {
    throw new AuskunftError('INDEX_FORMAT_UNSUPPORTED', `The index in ${versionDir} has format version ${manifest.formatVersion}; this server reads version ${INDEX_FORMAT_VERSION}. Rebuild it with this version's \`auskunft crawl\`.`);
  }
  if (manifest.analysis !== ANALYSIS_VERSION) {
    throw new AuskunftError('INDEX_FORMAT_UNSUPPORTED', `The index in ${versionDir} was built with text analysis version ${manifest.analysis ?? 1}; this server analyses queries with version ${ANALYSIS_VERSION}, so words would not match. Re-run \`auskunft crawl\` to rebuild it.`);
  }
  for (const [name, entry] of Object.entries(manifest.files)) {
    const file = INDEX_FILES[name as keyof typeof manifest.files];
    const data = await readFile(join(versionDir, file));
    if (data.byteLength !== entry.bytes || (await sha256Hex(data)) !== entry.sha256) {
      throw new AuskunftError('INDEX_CORRUPT', `${join(versionDir, file)} does not match its checksum in manifest.json (copied incompletely?). Rebuild the index or restore the directory.`);
    }
  }
  const passages = await readJson(join(versionDir, INDEX_FILES.passages), (json) => {
    if (!Array.isArray(json)) throw new Error('expected an array of passages');
    return json as Passage[];
  });
  const lexical = await readJson(join(versionDir, INDEX_FILES.lexical), parseLexicalIndex);
  return { dir: versionDir, manifest, passages, lexical, vectorsPath: join(versionDir, INDEX_FILES.vectors) };
}

async function resolveVersionDir(dir: string): Promise<string> {
  const pointer = await readFile(join(dir, CURRENT_POINTER), 'utf8').catch(() => null);
  if (pointer !== null) return join(dir, VERSIONS_DIR, pointer.trim());
  const manifest = await readFile(join(dir, INDEX_FILES.manifest), 'utf8').catch(() => null);
  if (manifest !== null) return dir;
  throw new AuskunftError('INDEX_NOT_FOUND', `No index found in "${dir}" (neither ${CURRENT_POINTER} nor ${INDEX_FILES.manifest}). Build one with \`npx auskunft crawl <start-url> --out ${dir}\`.`);
}

async function readJson<T>(path: string, parse: (json: unknown) => T): Promise<T> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new AuskunftError('INDEX_CORRUPT', `Cannot read ${path}: ${(error as Error).message}. The index directory is incomplete; rebuild it.`, { cause: error });
  }
  try {
    return parse(JSON.parse(text));
  } catch (error) {
    throw new AuskunftError('INDEX_CORRUPT', `${path} is not a valid index file: ${(error as Error).message.slice(0, 500)}`, { cause: error });
  }
}
