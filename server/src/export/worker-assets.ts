import { copyFile, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AuskunftError, INDEX_FILES, parseSynonyms, type Manifest } from '@auskunft/core';
import { loadIndexFromDisk } from '../node/load-index.js';
import { WIDGET_CHUNK_DIR, type WidgetBundle } from '../widget/widget-bundle.js';
import { WORKER_SYNONYMS_FILE, WORKER_WIDGET_CHUNKS_FILE, WORKER_WIDGET_FILE } from '../worker/asset-names.js';

export { WORKER_SYNONYMS_FILE, WORKER_WIDGET_CHUNKS_FILE, WORKER_WIDGET_FILE };

/** Cloudflare's limit for one static asset file (Workers Static Assets, 2026). */
export const WORKER_ASSET_MAX_BYTES = 25 * 1024 * 1024;


export interface WorkerAssetsExport {
  outDir: string;
  manifest: Manifest;
  files: Array<{ name: string; bytes: number }>;
}

/**
 * Copies the live version of an index directory, flat, into the folder that wrangler.toml
 * uploads as the Worker's static assets, plus the widget script and the editors' synonym list. The index is verified first
 * (same checks as the server), and every file must fit Cloudflare's per-asset limit.
 */
export async function exportWorkerAssets(options: {
  indexDir: string;
  outDir: string;
  widget?: WidgetBundle;
  /** The editors' synonym list (`search.synonymsFile`); the Worker cannot read it from disk. */
  synonymsFile?: string;
  /** Leave vectors.hnsw out, for a Worker that searches Cloudflare Vectorize (binding VECTORIZE). */
  withoutVectors?: boolean;
  /** Largest file allowed; Cloudflare's limit unless a test sets a smaller one. */
  maxAssetBytes?: number;
}): Promise<WorkerAssetsExport> {
  const maxBytes = options.maxAssetBytes ?? WORKER_ASSET_MAX_BYTES;
  const index = await loadIndexFromDisk(options.indexDir);
  const names = [...(options.withoutVectors ? [] : [INDEX_FILES.vectors]), INDEX_FILES.passages, INDEX_FILES.lexical, INDEX_FILES.manifest];
  const files: WorkerAssetsExport['files'] = [];
  for (const name of names) {
    const { size } = await stat(join(index.dir, name));
    if (size > maxBytes) {
      throw new AuskunftError(
        'INDEX_TOO_LARGE',
        `${join(index.dir, name)} has ${mib(size)} MiB; Cloudflare serves static assets of at most ${mib(maxBytes)} MiB. ` +
          'This index is too large for the Worker with its bundled index: serve it with `auskunft serve` on Node, or move the vectors to Cloudflare Vectorize (see docs/deployment.md).',
      );
    }
    files.push({ name, bytes: size });
  }
  const synonyms = options.synonymsFile ? await readSynonyms(options.synonymsFile) : undefined;
  await prepareOutDir(options.outDir);
  if (synonyms !== undefined) {
    await writeFile(join(options.outDir, WORKER_SYNONYMS_FILE), synonyms);
    files.push({ name: WORKER_SYNONYMS_FILE, bytes: Buffer.byteLength(synonyms) });
  }
  if (options.widget !== undefined) {
    await writeFile(join(options.outDir, WORKER_WIDGET_FILE), options.widget.script);
    files.push({ name: WORKER_WIDGET_FILE, bytes: Buffer.byteLength(options.widget.script) });
    await mkdir(join(options.outDir, WIDGET_CHUNK_DIR), { recursive: true });
    for (const [name, code] of options.widget.chunks) {
      await writeFile(join(options.outDir, WIDGET_CHUNK_DIR, name), code);
      files.push({ name: `${WIDGET_CHUNK_DIR}/${name}`, bytes: Buffer.byteLength(code) });
    }
    const list = JSON.stringify([...options.widget.chunks.keys()]);
    await writeFile(join(options.outDir, WORKER_WIDGET_CHUNKS_FILE), list);
    files.push({ name: WORKER_WIDGET_CHUNKS_FILE, bytes: Buffer.byteLength(list) });
  }
  // The manifest goes last: a half-finished export has none and fails loudly in the Worker.
  for (const name of names) await copyFile(join(index.dir, name), join(options.outDir, name));
  return { outDir: options.outDir, manifest: index.manifest, files };
}

/** Reads and checks the synonym list, so a broken one fails the export rather than the Worker's start. */
async function readSynonyms(file: string): Promise<string> {
  const text = await readFile(file, 'utf8').catch((error: Error) => {
    throw new AuskunftError('CONFIG_FILE_UNREADABLE', `Cannot read the synonym list "${file}" (search.synonymsFile / AUSKUNFT_SEARCH_SYNONYMS_FILE): ${error.message}`, { cause: error });
  });
  parseSynonyms(text, file);
  return text;
}

/** Creates the folder, or empties an earlier export; refuses to overwrite a folder it did not write. */
async function prepareOutDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const entries = await readdir(dir);
  const ours = new Set<string>([...Object.values(INDEX_FILES), WORKER_WIDGET_FILE, WORKER_WIDGET_CHUNKS_FILE, WIDGET_CHUNK_DIR, WORKER_SYNONYMS_FILE]);
  const foreign = entries.filter((e) => !ours.has(e));
  if (foreign.length > 0) {
    throw new AuskunftError('CONFIG_INVALID', `${dir} holds other files (${foreign.slice(0, 5).join(', ')}); export the Worker's assets into an empty folder or an earlier export.`);
  }
  // Stale files from an earlier export must not survive, least of all the manifest.
  await Promise.all(entries.map((e) => rm(join(dir, e), { force: true, recursive: true })));
}

function mib(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
