import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AuskunftError } from '../errors.js';
import { sha256Hex } from './checksum.js';
import { CURRENT_POINTER, VERSIONS_DIR, isVersionName, newVersionName } from './layout.js';
import { INDEX_FILES, parseManifest, type Manifest } from './manifest.js';
import { readIndexFiles, type IndexContents, type IndexFileSource, type ReadIndexOptions } from './read-index.js';

/**
 * An index directory on disk (Node only; exported as `@auskunft/core/fs` so that Worker bundles
 * never import `node:fs`). This is the one module that knows the layout described in layout.ts:
 * the crawler writes versions through it, the server and the CLI read, list, roll back and prune
 * through it.
 */

/**
 * The live version name of an index directory, or null when it has none yet. A pointer that
 * names anything but a version directory (`../../etc`, an absolute path) is refused, so a
 * tampered CURRENT can never make the server read files outside `versions/`.
 */
export async function readCurrentVersion(indexDir: string): Promise<string | null> {
  const text = (await readFile(join(indexDir, CURRENT_POINTER), 'utf8').catch(() => null))?.trim();
  if (!text) return null;
  if (!isVersionName(text)) {
    throw new AuskunftError('INDEX_CORRUPT', `${join(indexDir, CURRENT_POINTER)} names "${text.slice(0, 80)}", which is not a version in ${VERSIONS_DIR}/. Repair it with \`auskunft index rollback <version>\` (see \`auskunft index list\`).`);
  }
  return text;
}

/**
 * Makes `version` live by writing a temporary file and renaming it over CURRENT: rename is atomic
 * on POSIX, so a reader sees the old or the new name, never a half-written one.
 */
export async function writeCurrentVersion(indexDir: string, version: string): Promise<void> {
  if (!isVersionName(version)) throw new AuskunftError('INDEX_NOT_FOUND', `"${version}" is not a version name.`);
  const tmp = join(indexDir, `.${CURRENT_POINTER}.${process.pid}.${version}.tmp`);
  await writeFile(tmp, `${version}\n`);
  await rename(tmp, join(indexDir, CURRENT_POINTER));
}

/** The directory of one version inside an index directory. */
export function versionDir(indexDir: string, version: string): string {
  return join(indexDir, VERSIONS_DIR, version);
}

/** The version directory an index directory points to (via CURRENT), or the directory itself if it is one. */
export async function resolveVersionDir(dir: string): Promise<string> {
  const version = await readCurrentVersion(dir);
  if (version !== null) return versionDir(dir, version);
  const manifest = await readFile(join(dir, INDEX_FILES.manifest), 'utf8').catch(() => null);
  if (manifest !== null) return dir;
  throw new AuskunftError('INDEX_NOT_FOUND', `No index found in "${dir}" (neither ${CURRENT_POINTER} nor ${INDEX_FILES.manifest}). Build one with \`npx auskunft crawl <start-url> --out ${dir}\`.`);
}

/** Reads files of one version directory for the runtime-neutral reader; a missing file reads as null. */
export function versionFileSource(dir: string): IndexFileSource {
  return {
    name: (file) => join(dir, file),
    read: (file) =>
      readFile(join(dir, file)).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      }),
  };
}

/** Reads and checks one version directory (checksums, format and analysis versions). */
export function readVersionDir(dir: string, options: ReadIndexOptions = {}): Promise<IndexContents> {
  return readIndexFiles(versionFileSource(dir), options);
}

/** A file of a version directory, by name, e.g. the crawl state stored beside the index files. */
export function readVersionFile(dir: string, name: string): Promise<string | null> {
  return readFile(join(dir, name), 'utf8').catch(() => null);
}

export interface IndexVersion {
  version: string;
  current: boolean;
  manifest: Manifest | null;
  /** Why the manifest could not be read, for versions that are incomplete or damaged. */
  problem?: string;
}

/** All complete version directories, oldest first, with the live one marked. */
export async function listVersions(indexDir: string): Promise<IndexVersion[]> {
  const current = await readCurrentVersion(indexDir).catch(() => null);
  const names = (await readdir(join(indexDir, VERSIONS_DIR)).catch(() => [] as string[])).filter(isVersionName).sort();
  return Promise.all(
    names.map(async (version) => {
      try {
        const manifest = parseManifest(JSON.parse(await readFile(join(versionDir(indexDir, version), INDEX_FILES.manifest), 'utf8')));
        return { version, current: version === current, manifest };
      } catch (error) {
        return { version, current: version === current, manifest: null, problem: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
      }
    }),
  );
}

/** Makes an existing, complete version the live one. Running servers switch on their next check. */
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
  for (const v of doomed) await rm(versionDir(indexDir, v.version), { recursive: true, force: true });
  return doomed.map((v) => v.version);
}

/** A version being written: files go into `dir` until `publish` or `discard`. */
export interface VersionWriter {
  version: string;
  /** The partial directory the files are written into. */
  dir: string;
  write(name: string, data: string | Uint8Array): Promise<void>;
  /** Size and SHA-256 of a file written into `dir`, for the manifest. */
  describe(name: string): Promise<{ bytes: number; sha256: string }>;
  /**
   * Renames the partial directory to `versions/<version>/` and, unless `makeCurrent` is false,
   * points CURRENT at it. Returns the final directory.
   */
  publish(options?: { makeCurrent?: boolean }): Promise<string>;
  discard(): Promise<void>;
}

/**
 * Starts a new version. Files go to `versions/.<name>.partial/`, which is renamed to
 * `versions/<name>/` only when complete, and CURRENT moves last, so a server reading the same
 * directory switches from one complete version to the next and never sees a partial one.
 */
export async function createVersion(indexDir: string, now: Date = new Date()): Promise<VersionWriter> {
  const version = newVersionName(now);
  const dir = join(indexDir, VERSIONS_DIR, `.${version}.partial`);
  await mkdir(dir, { recursive: true });
  const reserved = new Set<string>(Object.values(INDEX_FILES));
  return {
    version,
    dir,
    async write(name, data) {
      if (name.includes('/') || name.includes('\\') || name.startsWith('.')) throw new Error(`index file name "${name}" is not a plain name`);
      await writeFile(join(dir, name), data);
    },
    async describe(name) {
      if (!reserved.has(name)) throw new Error(`"${name}" is not an index file`);
      const path = join(dir, name);
      const [info, data] = await Promise.all([stat(path), readFile(path)]);
      return { bytes: info.size, sha256: await sha256Hex(data) };
    },
    async publish(options = {}) {
      const final = versionDir(indexDir, version);
      await rename(dir, final);
      if (options.makeCurrent !== false) await writeCurrentVersion(indexDir, version);
      return final;
    },
    async discard() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Where a version's HNSW file is, for readers that open it by path (hnswlib-node). */
export function vectorsPath(dir: string): string {
  return join(dir, INDEX_FILES.vectors);
}
