import { defineSettings } from '@auskunft/core';
import { serverSettings } from '@auskunft/server';
import { exportVectorizeNdjson } from '@auskunft/server/node';
import { loadSettings } from './config-file.js';
import { parseCommandArgs, settingsHelp } from './options.js';

export const vectorizeExportSettings = defineSettings({
  vectorizeExportDir: {
    type: 'string', key: 'vectorize.exportDir', env: 'AUSKUNFT_VECTORIZE_EXPORT_DIR', default: 'vectorize-export',
    doc: 'Folder `auskunft export-vectorize` writes the index\'s vectors to, as NDJSON files for `wrangler vectorize insert`.',
  },
});

const USAGE = `Usage: auskunft export-vectorize --index <index-dir> --out <dir>

Writes the vectors of the live index version of <index-dir> as NDJSON files for Cloudflare
Vectorize (at most 100,000 vectors per file, the most one \`wrangler vectorize insert\` uploads).
Each vector's id is "<version>/<passage id>" and its namespace the version, so a Worker serving
the previous version is not disturbed while the new one uploads. See docs/deployment.md (Cloudflare Vectorize).

  --index <dir>      index directory (env AUSKUNFT_INDEX_DIR, default index-data)
  --out <dir>        same as --vectorize-export-dir
  --config <file>    config file (env AUSKUNFT_CONFIG, default ./auskunft.config.json if present)
`;

export async function exportVectorizeCommand(argv: string[]): Promise<number> {
  const defs = [vectorizeExportSettings];
  const { values, positionals, overrides } = parseCommandArgs(argv, defs, { index: { type: 'string' }, out: { type: 'string' } });
  if (values['help']) {
    console.log(`${USAGE}\n${settingsHelp(defs)}`);
    return 0;
  }
  if (positionals.length > 0) {
    console.error(`auskunft export-vectorize: unexpected argument "${positionals[0]}"; name folders with --index and --out.\n\n${USAGE}`);
    return 2;
  }
  if (values['out'] !== undefined) overrides['vectorizeExportDir'] = values['out'];
  const settingsFor = await loadSettings(values['config'], overrides);
  const { indexDir } = settingsFor(serverSettings, { indexDir: values['index'] });
  const { vectorizeExportDir } = settingsFor(vectorizeExportSettings);
  const { manifest, files } = await exportVectorizeNdjson({ indexDir, outDir: vectorizeExportDir });
  const { dimension } = manifest.embedder;
  console.log(
    [
      `Exported ${manifest.counts.passages} vectors of index version ${manifest.version} (${dimension} dimensions) to ${vectorizeExportDir}:`,
      ...files.map((f) => `  ${f.name}  ${f.vectors} vectors, ${(f.bytes / 2 ** 20).toFixed(1)} MiB`),
      '',
      'Upload them (once per index: create; then one insert per file):',
      `  npx wrangler vectorize create auskunft --dimensions ${dimension} --metric cosine`,
      ...files.map((f) => `  npx wrangler vectorize insert auskunft --file ${vectorizeExportDir}/${f.name}`),
      `Vectors become searchable within minutes; the Worker then queries namespace "${manifest.version}".`,
    ].join('\n'),
  );
  return 0;
}
