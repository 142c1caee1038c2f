import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AuskunftError } from '../errors.js';
import { CURRENT_POINTER, VERSIONS_DIR } from './layout.js';

/**
 * The CURRENT pointer on disk (Node only; exported as `@auskunft/core/fs` so that Worker bundles
 * never import `node:fs`). Every reader and writer of an index directory goes through these two.
 */

/** The live version name of an index directory, or null when it has none yet. */
export async function readCurrentVersion(indexDir: string): Promise<string | null> {
  const text = await readFile(join(indexDir, CURRENT_POINTER), 'utf8').catch(() => null);
  const version = text?.trim() || null;
  // The pointer names a directory inside versions/, nothing else: "../../etc" or an absolute
  // path would make the server read (and serve) files from anywhere.
  if (version !== null && !isVersionDirName(version)) {
    throw new AuskunftError('INDEX_CORRUPT', `${join(indexDir, CURRENT_POINTER)} names ${JSON.stringify(version.slice(0, 100))}, which is no directory inside ${VERSIONS_DIR}/. Write the name of a version directory into it (as \`auskunft crawl\` does).`);
  }
  return version;
}

/** One plain path segment: no separators, no "." or "..", no control characters. */
function isVersionDirName(name: string): boolean {
  return name.length <= 200 && name !== '.' && name !== '..' && !/[/\\\u0000-\u001f:]/.test(name);
}

/**
 * Makes `version` live by writing a temporary file and renaming it over CURRENT: rename is atomic
 * on POSIX, so a reader sees the old or the new name, never a half-written one.
 */
export async function writeCurrentVersion(indexDir: string, version: string): Promise<void> {
  if (!isVersionDirName(version)) throw new AuskunftError('INDEX_CORRUPT', `${JSON.stringify(version.slice(0, 100))} is no version directory name.`);
  const tmp = join(indexDir, `.${CURRENT_POINTER}.${process.pid}.${version}.tmp`);
  await writeFile(tmp, `${version}\n`);
  await rename(tmp, join(indexDir, CURRENT_POINTER));
}
