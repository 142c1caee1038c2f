import { join } from 'node:path';
import { CRAWL_REPORT_FILE, type CrawlProgress, type CrawlReport, type SkipCategory } from '@auskunft/crawler';

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
      line = `crawl: ${event.done} documents, ${event.queued} queued, ${event.skipped} skipped (${event.errors} errors), ${event.requests} requests, ${rate} documents/s`;
    } else if (event.stage === 'embed') {
      line = `embed: ${event.done}/${event.total} passages${event.reused ? ` (${event.reused} unchanged, vectors reused)` : ''}`;
    } else line = 'write: building index files';
    if (stream.isTTY) stream.write(`\r\x1b[2K${line}`);
    else if (Date.now() - lastLogged > 5000 || event.stage === 'write') {
      lastLogged = Date.now();
      stream.write(`${line}\n`);
    }
  };
}

const CATEGORY_LABELS: Record<SkipCategory, string> = {
  'robots': 'robots.txt',
  'not-found': 'not found',
  'http-error': 'server errors',
  'network': 'network errors',
  'redirect': 'redirect problems',
  'noindex': 'noindex',
  'duplicate': 'duplicates',
  'excluded': 'excluded by patterns',
  'trap': 'crawler traps',
  'depth': 'too deep',
  'limit': 'page limit',
  'too-large': 'too large',
  'content-type': 'not HTML/PDF',
  'parse': 'unreadable',
  'empty': 'no content',
};

/** The crawl report as the operator reads it after `auskunft crawl`. */
export function formatReport(report: CrawlReport): string {
  const { changes, embedding } = report;
  const lines = [
    `Index version ${report.version} written to ${report.indexDir}`,
    `  pages: ${report.pages}, passages: ${report.passages} (FAQ: ${report.faqs}), PDFs: ${report.pdfs}, FAQ files: ${report.faqFiles.files} with ${report.faqFiles.entries} entries, size: ${(report.bytes / 1024).toFixed(0)} KiB`,
    `  changes: ${changes.added} added, ${changes.changed} changed, ${changes.unchanged} unchanged, ${changes.removed} removed${changes.kept ? `, ${changes.kept} kept from the previous version (failed temporarily)` : ''}${faqChanges(report)}`,
    `  embedded: ${embedding.embedded} passages (${embedding.reused} unchanged reused); requests: ${report.requests} (${report.notModified} not modified)`,
    `  embedder: ${report.embedder}, duration: ${(report.durationMs / 1000).toFixed(1)} s`,
  ];
  if (report.live === false) lines.unshift(`NOT LIVE: ${report.heldBack}. Check the site; make this version live with \`auskunft index rollback ${report.version}\`.`);
  for (const k of (report.keptUrls ?? []).slice(0, 50)) lines.push(`    ${k.url} — kept from version ${k.fromVersion} (${k.reason})`);
  if (report.skipped.length) {
    const byCategory = Object.entries(report.skippedByCategory).map(([c, n]) => `${CATEGORY_LABELS[c as SkipCategory] ?? c} ${n}`);
    lines.push(`  skipped: ${report.skipped.length} (${byCategory.join(', ')})`);
    for (const s of report.skipped.slice(0, 50)) lines.push(`    ${s.url} — ${s.reason}`);
    if (report.skipped.length > 50) lines.push(`    … and ${report.skipped.length - 50} more`);
  }
  if (report.warnings.length) {
    lines.push(`  warnings: ${report.warnings.length}`);
    for (const w of report.warnings.slice(0, 20)) lines.push(`    ${w}`);
    if (report.warnings.length > 20) lines.push(`    … and ${report.warnings.length - 20} more`);
  }
  lines.push(`  full report: ${join(report.indexDir, CRAWL_REPORT_FILE)}`);
  return lines.join('\n');
}

function faqChanges(report: CrawlReport): string {
  const c = report.faqFileChanges;
  if (!c || c.added + c.changed + c.unchanged + c.removed === 0) return '';
  return `; FAQ-file entries: ${c.added} added, ${c.changed} changed, ${c.unchanged} unchanged, ${c.removed} removed`;
}
