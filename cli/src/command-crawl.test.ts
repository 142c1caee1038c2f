import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoSite, type DemoSite } from '@auskunft/demo-site';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { crawlCommand } from './command-crawl.js';

const DEMO_FAQ = fileURLToPath(new URL('../../demo-site/faq/', import.meta.url));

/** Runs the command in-process and returns its exit code and what it printed on stdout. */
async function run(argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
  const progress = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return { code: await crawlCommand(argv), out: lines.join('\n') };
  } finally {
    log.mockRestore();
    progress.mockRestore();
  }
}

describe('auskunft crawl', () => {
  let site: DemoSite;
  let outDir: string;

  beforeAll(async () => {
    site = await startDemoSite();
    outDir = await mkdtemp(join(tmpdir(), 'auskunft-crawl-cmd-'));
  });

  afterAll(async () => {
    await site.close();
    await rm(outDir, { recursive: true, force: true });
  });

  it('documents every crawl option in --help', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    for (const flag of ['--faq-dir <value>', '--exclude <value>', '--include <value>', '--max-depth <value>', '--incremental <value>', '--content-selector <value>']) expect(out).toContain(flag);
    expect(out).toContain('crawl-report.json');
  });

  it('indexes the demo site with its editors’ FAQ files and prints the report', async () => {
    const { code, out } = await run([site.url, '--out', outDir, '--delay-ms', '0', '--concurrency', '4', '--faq-dir', DEMO_FAQ]);
    expect(code).toBe(0);
    expect(out).toMatch(/pages: \d+, passages: \d+ \(FAQ: \d+\), PDFs: 3, FAQ files: 4 with 5 entries/);
    expect(out).toMatch(/changes: \d+ added, 0 changed, 0 unchanged, 0 removed/);
    expect(out).toMatch(/skipped: 1 \(robots\.txt 1\)/);
    const reportFile = /full report: (.+crawl-report\.json)/.exec(out)![1]!;
    expect(JSON.parse(await readFile(reportFile, 'utf8'))).toMatchObject({ faqFiles: { files: 4, entries: 5 }, warnings: [] });
  });

  it('re-crawls incrementally: everything unchanged, nothing embedded', async () => {
    const { code, out } = await run([site.url, '--out', outDir, '--delay-ms', '0', '--faq-dir', DEMO_FAQ]);
    expect(code).toBe(0);
    expect(out).toMatch(/changes: 0 added, 0 changed, \d+ unchanged, 0 removed/);
    expect(out).toMatch(/embedded: 0 passages \(\d+ unchanged reused\)/);
  });
});
