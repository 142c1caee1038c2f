import { describeSettings, embedderSettings, type SettingDefs } from '@auskunft/core';
import { crawlSettings } from '@auskunft/crawler';
import { serverSettings } from '@auskunft/server';
import { demoSettings } from './command-demo.js';
import { vectorizeExportSettings } from './command-export-vectorize.js';
import { workerExportSettings } from './command-export-worker.js';

/** Every operational setting of the product, grouped as the README lists them. */
export const ALL_SETTINGS: Array<[string, SettingDefs]> = [
  ['Server', serverSettings],
  ['Crawler and index', crawlSettings],
  ['Embeddings', embedderSettings],
  ['Demo', demoSettings],
  ['Cloudflare Workers', workerExportSettings],
  ['Cloudflare Workers', vectorizeExportSettings],
];

/** The README's configuration table (`node cli/dist/settings-table.js` prints it). */
export function settingsMarkdown(): string {
  const rows = ALL_SETTINGS.flatMap(([group, defs]) =>
    describeSettings(defs).map((s) => `| ${group} | \`${s.key}\` | \`${s.env}\` | \`${s.default}\` | ${s.doc.replace(/\|/g, '\\|')} |`),
  );
  return ['| Area | Config file key | Environment variable | Default | Meaning |', '|---|---|---|---|---|', ...rows].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(settingsMarkdown());
