import type { CrawlProgress, CrawlReport } from '@auskunft/crawler';

/**
 * Crawl progress on stderr: one rewritten line on a terminal, a line every few seconds in logs
 * (CI, cron), so nightly runs stay readable.
 */
export function createProgressPrinter(stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  let lastLogged = 0;
  return (event: CrawlProgress) => {
    const seconds = (Date.now() - started) / 1000;
    let line: string;
    if (event.stage === 'fetch') {
      const rate = seconds > 0 ? (event.done / seconds).toFixed(1) : '0.0';
      line = `crawl: ${event.done} pages indexed, ${event.queued} queued, ${event.skipped} skipped, ${rate} pages/s`;
    } else if (event.stage === 'embed') line = `embed: ${event.done}/${event.total} passages`;
    else line = 'write: building index files';
    if (stream.isTTY) stream.write(`\r\x1b[2K${line}`);
    else if (Date.now() - lastLogged > 5000 || event.stage === 'write') {
      lastLogged = Date.now();
      stream.write(`${line}\n`);
    }
  };
}

export function formatReport(report: CrawlReport): string {
  const lines = [
    `Index version ${report.version} written to ${report.indexDir}`,
    `  pages: ${report.pages}, passages: ${report.passages} (FAQ: ${report.faqs}), size: ${(report.bytes / 1024).toFixed(0)} KiB`,
    `  embedder: ${report.embedder}, duration: ${(report.durationMs / 1000).toFixed(1)} s`,
  ];
  if (report.skipped.length) {
    lines.push(`  skipped: ${report.skipped.length}`);
    for (const s of report.skipped.slice(0, 50)) lines.push(`    ${s.url} — ${s.reason}`);
    if (report.skipped.length > 50) lines.push(`    … and ${report.skipped.length - 50} more`);
  }
  return lines.join('\n');
}
