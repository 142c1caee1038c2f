/**
 * An index directory holds complete versions side by side and a pointer to the live one:
 *
 *   index-data/
 *     CURRENT                 ← name of the live version, replaced atomically (rename)
 *     versions/<version>/     ← manifest.json, passages.json, lexical.json, vectors.hnsw
 *
 * A build writes a new version directory first and moves CURRENT last, so a reader never sees a
 * half-written index and the previous version stays available for roll-back.
 */
export const CURRENT_POINTER = 'CURRENT';
export const VERSIONS_DIR = 'versions';

/** A sortable, filesystem-safe version name such as `20261125T200102Z-3f9a`. */
export function newVersionName(now: Date, random: () => number = Math.random): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const suffix = Math.floor(random() * 0x10000).toString(16).padStart(4, '0');
  return `${stamp}-${suffix}`;
}

export function isVersionName(name: string): boolean {
  return /^\d{8}T\d{6}Z-[0-9a-f]{4}$/.test(name);
}
