import { analyzeTerms, isAuskunftError } from '@auskunft/core';
import { crawlSettings, loadFaqFiles, type FaqFileEntry } from '@auskunft/crawler';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createEditorStore, entryYaml, serverSettings } from '@auskunft/server';
import { loadIndexFromDisk, sqliteSql } from '@auskunft/server/node';
import { loadSettings } from './config-file.js';
import { parseCommandArgs } from './options.js';

const USAGE = `Usage: auskunft faq validate [<faq-dir>] [--index <dir>] [--base-url <url>]

Checks every FAQ file (*.yaml, *.yml, *.md) the way the crawl will read it, and more:
  - format: required fields, YAML syntax, dates, unknown fields (file:line for each problem)
  - duplicates: the same question (or an alternative wording) in two entries
  - dead sources: a "source" page that the last crawl did not find (needs an index: --index)
  - expired entries: "valid-until" in the past (they would not be indexed)
Exit code 0 when everything is fine, 1 when there is something to fix.
<faq-dir> defaults to AUSKUNFT_CRAWL_FAQ_DIR or "crawl.faqDir" in auskunft.config.json.

       auskunft faq export <dir> [--store-path <file>]

Writes every entry released in the editors' console as a FAQ file (<dir>/konsole-<id>.yaml, the
format above), so the answers can be kept in version control. An exported entry that is then
crawled from crawl.faqDir exists twice until it is withdrawn in the console.
`;

export async function faqCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, [], { index: { type: 'string' }, 'base-url': { type: 'string' }, 'store-path': { type: 'string' } });
  const [action, dirArgument] = positionals;
  if (action === 'export' && !values['help']) return exportEntries(dirArgument, values['config'] as string | undefined, values['store-path'] as string | undefined);
  if (values['help'] || action !== 'validate') {
    console.log(USAGE);
    return values['help'] ? 0 : 2;
  }
  const settingsFor = await loadSettings(values['config']);
  const dir = dirArgument ?? settingsFor(crawlSettings, {}).faqDir;
  if (!dir) {
    console.error(`auskunft faq validate: name the folder of FAQ files, e.g. auskunft faq validate faq/\n\n${USAGE}`);
    return 2;
  }
  const indexDir = (values['index'] as string | undefined) ?? process.env['AUSKUNFT_INDEX_DIR'] ?? 'index-data';
  const index = await loadIndexFromDisk(indexDir).catch(() => null);
  const baseUrl = (values['base-url'] as string | undefined) ?? index?.manifest.source.startUrls[0] ?? 'https://www.example.invalid/';
  const today = new Date().toISOString().slice(0, 10);

  const problems: string[] = [];
  let loaded;
  try {
    loaded = await loadFaqFiles(dir, { baseUrl, today });
  } catch (error) {
    if (!isAuskunftError(error)) throw error;
    // The loader lists every format problem at once; show them as they are.
    console.log(error.message.replace(/^[^\n]*\n/, 'Format problems:\n'));
    return 1;
  }
  problems.push(...loaded.warnings.filter((w) => w.includes('expired')).map((w) => w.replace('; not indexed', '; remove it or extend "valid-until"')));
  problems.push(...duplicateWordings(loaded.entries));
  if (index) {
    const pages = new Set(index.passages.map((p) => p.url));
    for (const entry of loaded.entries) {
      if (!pages.has(entry.source)) problems.push(`${entry.location}: source ${entry.source} was not found in the last crawl (index ${index.manifest.version}); check the address or re-crawl`);
    }
  } else {
    console.log(`Note: no index in ${indexDir}, so source pages were not checked against the last crawl (use --index).`);
  }
  const ignored = loaded.warnings.filter((w) => !w.includes('expired'));
  for (const w of ignored) console.log(`Note: ${w}`);
  if (problems.length === 0) {
    console.log(`${loaded.files} FAQ files, ${loaded.entries.length} entries: everything is fine.`);
    return 0;
  }
  console.log(`${loaded.files} FAQ files, ${loaded.entries.length} entries, ${problems.length} to fix:\n  ${problems.join('\n  ')}`);
  return 1;
}

/** Alternatives that repeat another entry's question or alternative send citizens two ways. */
function duplicateWordings(entries: readonly FaqFileEntry[]): string[] {
  const seen = new Map<string, { entry: FaqFileEntry; wording: string }>();
  const problems: string[] = [];
  for (const entry of entries) {
    for (const wording of [entry.question, ...entry.alternatives]) {
      const key = analyzeTerms(wording).sort().join(' ');
      if (!key) continue;
      const first = seen.get(key);
      if (first && first.entry !== entry) {
        problems.push(`${entry.location}: "${wording}" means the same as "${first.wording}" in ${first.entry.location}; keep it in one entry`);
      } else if (!first) seen.set(key, { entry, wording });
    }
  }
  return problems;
}

async function exportEntries(dir: string | undefined, config: string | undefined, storePath: string | undefined): Promise<number> {
  if (!dir) {
    console.error(`auskunft faq export: name the folder to write to, e.g. auskunft faq export faq/\n\n${USAGE}`);
    return 2;
  }
  const settings = (await loadSettings(config, storePath ? { storePath } : {}))(serverSettings);
  const sql = sqliteSql(settings.storePath);
  try {
    const live = await createEditorStore(sql).liveVersions();
    await mkdir(dir, { recursive: true });
    for (const version of live) await writeFile(join(dir, `konsole-${version.entryId}.yaml`), entryYaml(version));
    console.log(`${live.length} released console entries written to ${dir}.`);
    return 0;
  } finally {
    sql.close();
  }
}
