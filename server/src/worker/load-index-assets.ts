import { bundledSynonyms, mergeSynonyms, parseSynonyms, readIndexFiles, type IndexContents, type ReadIndexOptions, type SynonymTable } from '@auskunft/core';
import { WIDGET_CHUNK_DIR, type WidgetBundle } from '../widget/widget-bundle.js';
import { WORKER_SYNONYMS_FILE, WORKER_WIDGET_CHUNKS_FILE, WORKER_WIDGET_FILE } from './asset-names.js';

/** The Workers static-assets binding (`env.ASSETS`): a fetcher over the uploaded files. */
export interface AssetsBinding {
  fetch(input: string | Request | URL, init?: RequestInit): Promise<Response>;
}

/**
 * The file names are resolved against this origin; the assets binding ignores the host and
 * serves by path.
 */
const ASSETS_ORIGIN = 'https://assets.invalid';

/** Reads one exported file from the assets binding; null when it is not there. */
export async function readAsset(assets: AssetsBinding, path: string): Promise<Uint8Array | null> {
  const response = await assets.fetch(new URL(path, ASSETS_ORIGIN));
  if (response.status === 404) {
    await response.body?.cancel();
    return null;
  }
  if (!response.ok) throw new Error(`the assets binding answered ${response.status} for ${path}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Loads the index version exported by `auskunft export-worker` from the Worker's static assets
 * (no file system in workerd). Checks and parsing are the ones the Node server uses.
 */
export function loadIndexFromAssets(assets: AssetsBinding, options: ReadIndexOptions = {}): Promise<IndexContents> {
  return readIndexFiles(
    {
      name: (file) => `/${file} in the Worker's static assets (exported with \`auskunft export-worker\`)`,
      read: (file) => readAsset(assets, `/${file}`),
    },
    options,
  );
}

/** widget.js and its lazily loaded chunks, as `auskunft export-worker` put them into the assets. */
export async function loadWidgetAssets(assets: AssetsBinding): Promise<WidgetBundle | undefined> {
  const script = await readAsset(assets, `/${WORKER_WIDGET_FILE}`);
  if (!script) return undefined;
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  const list = await readAsset(assets, `/${WORKER_WIDGET_CHUNKS_FILE}`);
  const chunks = new Map<string, string>();
  for (const name of list ? (JSON.parse(decode(list)) as string[]) : []) {
    const code = await readAsset(assets, `/${WIDGET_CHUNK_DIR}/${name}`);
    if (code) chunks.set(name, decode(code));
  }
  return { script: decode(script), chunks };
}

/** The bundled German synonyms, plus the editors' list when `auskunft export-worker` put one into the assets. */
export async function loadSynonymsAsset(assets: AssetsBinding): Promise<SynonymTable> {
  const file = await readAsset(assets, `/${WORKER_SYNONYMS_FILE}`);
  if (!file) return bundledSynonyms();
  return mergeSynonyms(bundledSynonyms(), parseSynonyms(new TextDecoder().decode(file), "/synonyms.txt in the Worker's static assets"));
}
