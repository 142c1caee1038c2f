import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CURRENT_POINTER } from './layout.js';

/**
 * The CURRENT pointer on disk (Node only; exported as `@auskunft/core/fs` so that Worker bundles
 * never import `node:fs`). Every reader and writer of an index directory goes through these two.
 */

/** The live version name of an index directory, or null when it has none yet. */
export async function readCurrentVersion(indexDir: string): Promise<string | null> {
  const text = await readFile(join(indexDir, CURRENT_POINTER), 'utf8').catch(() => null);
  return text?.trim() || null;
}

/**
 * Makes `version` live by writing a temporary file and renaming it over CURRENT: rename is atomic
 * on POSIX, so a reader sees the old or the new name, never a half-written one.
 */
export async function writeCurrentVersion(indexDir: string, version: string): Promise<void> {
  const tmp = join(indexDir, `.${CURRENT_POINTER}.${process.pid}.${version}.tmp`);
  await writeFile(tmp, `${version}\n`);
  await rename(tmp, join(indexDir, CURRENT_POINTER));
}
