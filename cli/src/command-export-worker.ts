import { defineSettings } from '@auskunft/core';
import { serverSettings } from '@auskunft/server';
import { readWidgetBundle, exportWorkerAssets } from '@auskunft/server/node';
import { loadSettings } from './config-file.js';
import { parseCommandArgs, settingsHelp } from './options.js';

export const workerExportSettings = defineSettings({
  workerAssetsDir: {
    type: 'string', key: 'worker.assetsDir', env: 'AUSKUNFT_WORKER_ASSETS_DIR', default: 'server/worker-assets',
    doc: 'Folder `auskunft export-worker` fills with the index and widget for Cloudflare Workers ([assets] directory in server/wrangler.toml).',
  },
});

const USAGE = `Usage: auskunft export-worker --index <index-dir> --out <assets-dir>

Copies the live index version of <index-dir>, the widget script and the editors' synonym list
(search.synonymsFile, if set) into <assets-dir>, the folder server/wrangler.toml uploads as the
Worker's static assets. Every file is verified against the
index's checksums and must fit Cloudflare's limit of 25 MiB per asset. Then run, in server/:
  npx wrangler dev --ip 127.0.0.1     (local, offline)
  npx wrangler deploy                 (to Cloudflare)

  --index <dir>      index directory (env AUSKUNFT_INDEX_DIR, default index-data)
  --out <dir>        same as --worker-assets-dir
  --without-vectors  leave vectors.hnsw out, for a Worker bound to Cloudflare Vectorize
                     (binding VECTORIZE; load the vectors with \`auskunft export-vectorize\`)
  --config <file>    config file (env AUSKUNFT_CONFIG, default ./auskunft.config.json if present)
`;

export async function exportWorkerCommand(argv: string[]): Promise<number> {
  const defs = [workerExportSettings];
  const { values, positionals, overrides } = parseCommandArgs(argv, defs, { index: { type: 'string' }, out: { type: 'string' }, 'without-vectors': { type: 'boolean' } });
  if (values['help']) {
    console.log(`${USAGE}\n${settingsHelp(defs)}`);
    return 0;
  }
  if (positionals.length > 0) {
    console.error(`auskunft export-worker: unexpected argument "${positionals[0]}"; name folders with --index and --out.\n\n${USAGE}`);
    return 2;
  }
  if (values['out'] !== undefined) overrides['workerAssetsDir'] = values['out'];
  const settingsFor = await loadSettings(values['config'], overrides);
  const { indexDir, synonymsFile } = settingsFor(serverSettings, { indexDir: values['index'] });
  const { workerAssetsDir } = settingsFor(workerExportSettings);
  const widget = await readWidgetBundle();
  const result = await exportWorkerAssets({ indexDir, outDir: workerAssetsDir, ...(widget ? { widget } : {}), ...(synonymsFile ? { synonymsFile } : {}), withoutVectors: values['without-vectors'] === true });
  const sizes = result.files.map((f) => `  ${f.name.padEnd(15)} ${(f.bytes / 1024).toFixed(0).padStart(8)} KiB`).join('\n');
  console.log(`Exported index version ${result.manifest.version} (${result.manifest.counts.pages} pages, ${result.manifest.counts.passages} passages) to ${result.outDir}:\n${sizes}`);
  if (!widget) console.warn('widget.js was not found (run `npm run build`); the Worker will answer 404 for /widget.js.');
  return 0;
}
