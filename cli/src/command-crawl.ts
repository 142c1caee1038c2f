import { createEmbedderFromSettings, embedderSettings } from '@auskunft/core';
import { crawlSettings, crawlSite } from '@auskunft/crawler';
import { loadSettings } from './config-file.js';
import { parseCommandArgs, settingsHelp } from './options.js';
import { createProgressPrinter, formatReport } from './progress.js';

const USAGE = `Usage: auskunft crawl <start-url> [more start URLs] --out <index-dir> [options]

Crawls the site from the start URLs and its sitemaps (same origin, at or below the start path),
extracts the main content of HTML pages and the text of linked PDFs, splits it into passages,
adds the FAQ files of --faq-dir, embeds the passages and writes a new index version into
<index-dir>. The previous version keeps being served until the new one is complete; a re-run
only re-embeds what changed. Every skipped URL is reported with the reason, and the report is
also written as crawl-report.json into the new version.

Examples:
  auskunft crawl https://www.example.de/ --out index-data
  auskunft crawl https://www.example.de/inklusionsamt/ --exclude "/inklusionsamt/intern/,*?print=1" --faq-dir faq

  --out <dir>        index directory (env AUSKUNFT_INDEX_DIR, default index-data)
  --replace-site     allow replacing an index of another site in <index-dir> (refused otherwise)
  --config <file>    config file (env AUSKUNFT_CONFIG, default ./auskunft.config.json if present);
                     crawl settings go under "crawl", e.g. {"crawl": {"exclude": ["/intern/"]}}

Pages that fail temporarily (5xx after the retries, timeouts, dropped connections) keep their
passages from the previous version; only pages that are gone (404/410, no longer linked, now
excluded) are removed. When more than crawl.maxFailureShare of the previous pages fail, the new
version is written but not made live.

Exit codes: 0 index written and live, 1 nothing written (see the message; the old index is
unchanged), 2 bad command line, 3 index written but not made live (too many pages failed
temporarily; see \`auskunft index list\`).

Options (each also as environment variable and config file key):
`;

export async function crawlCommand(argv: string[]): Promise<number> {
  const defs = [crawlSettings, embedderSettings];
  const { values, positionals, overrides } = parseCommandArgs(argv, defs, { out: { type: 'string' }, 'replace-site': { type: 'boolean' } });
  if (values['help']) {
    console.log(`${USAGE}${settingsHelp(defs)}`);
    return 0;
  }
  if (positionals.length === 0) {
    console.error(`auskunft crawl: give at least one start URL, e.g. https://www.example.de/\n\n${USAGE}`);
    return 2;
  }
  const settingsFor = await loadSettings(values['config'], overrides);
  const settings = settingsFor(crawlSettings);
  const embedder = createEmbedderFromSettings(settingsFor(embedderSettings));
  const outDir = (values['out'] as string | undefined) ?? process.env['AUSKUNFT_INDEX_DIR'] ?? 'index-data';
  const replaceSite = values['replace-site'] === true;
  const report = await crawlSite({ startUrls: positionals, outDir, embedder, settings, replaceSite, onProgress: createProgressPrinter() });
  if (process.stderr.isTTY) process.stderr.write('\n');
  console.log(formatReport(report));
  return report.live === false ? 3 : 0;
}
