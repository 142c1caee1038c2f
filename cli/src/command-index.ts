import { parseArgs } from 'node:util';
import { AuskunftError } from '@auskunft/core';
import { listVersions, pruneVersions, setCurrentVersion } from '@auskunft/core/fs';
import { readCrawlReport } from '@auskunft/crawler';

const USAGE = `Usage:
  auskunft index list [--index <dir>]                  versions in the index directory, live one marked
  auskunft index rollback [<version>] [--index <dir>]  make an earlier version live (default: the one before)
  auskunft index prune --keep <n> [--index <dir>]      delete all but the newest n versions (never the live one)

A running \`auskunft serve\` switches to the new live version within AUSKUNFT_RELOAD_INTERVAL_MS,
without a restart. --index defaults to AUSKUNFT_INDEX_DIR or index-data.`;

export async function indexCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { index: { type: 'string' }, keep: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  const [action, version] = positionals;
  if (values.help || !action) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const dir = values.index ?? process.env['AUSKUNFT_INDEX_DIR'] ?? 'index-data';
  if (action === 'list') {
    const versions = await listVersions(dir);
    if (versions.length === 0) {
      console.log(`No index versions in ${dir}. Build one with \`auskunft crawl <start-url> --out ${dir}\`.`);
      return 0;
    }
    for (const v of versions) {
      const m = v.manifest;
      const facts = m ? `${m.createdAt}  ${m.counts.pages} pages, ${m.counts.passages} passages, ${m.embedder.id}` : `damaged: ${v.problem}`;
      console.log(`${v.current ? '*' : ' '} ${v.version}  ${facts}`);
      const report = await readCrawlReport(dir, v.version);
      if (report?.live === false && !v.current) console.log(`    not made live: ${report.heldBack}`);
    }
    return 0;
  }
  if (action === 'rollback') {
    const versions = await listVersions(dir);
    const currentAt = versions.findIndex((v) => v.current);
    const target = version ?? versions.slice(0, Math.max(0, currentAt)).reverse().find((v) => v.manifest)?.version;
    if (!target) throw new AuskunftError('INDEX_NOT_FOUND', `No earlier complete version to roll back to in ${dir}.`);
    await setCurrentVersion(dir, target);
    console.log(`${target} is now the live version of ${dir}.`);
    return 0;
  }
  if (action === 'prune') {
    const keep = Number(values.keep);
    if (!Number.isInteger(keep) || keep < 1) {
      console.error('auskunft index prune: give --keep <n> with n ≥ 1.');
      return 2;
    }
    const removed = await pruneVersions(dir, keep);
    console.log(removed.length ? `Removed ${removed.join(', ')}.` : 'Nothing to remove.');
    return 0;
  }
  console.error(`auskunft index: unknown action "${action}".\n\n${USAGE}`);
  return 2;
}
