import { readIndexFiles, type IndexContents, type ReadIndexOptions } from '@auskunft/core';

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
