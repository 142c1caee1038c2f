import { readVersionFile, versionDir } from '@auskunft/core/fs';
import { CRAWL_REPORT_FILE } from './incremental/crawl-state.js';
import type { CrawlReport } from './report.js';

/** The crawl report stored in a version of an index directory, or null when there is none. */
export async function readCrawlReport(indexDir: string, version: string): Promise<CrawlReport | null> {
  const text = await readVersionFile(versionDir(indexDir, version), CRAWL_REPORT_FILE);
  if (text === null) return null;
  try {
    return JSON.parse(text) as CrawlReport;
  } catch {
    return null;
  }
}
