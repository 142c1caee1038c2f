import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoSite, type DemoSite } from '@auskunft/demo-site';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The whole product as a web team runs it: the compiled `auskunft` command crawls the demo site
 * over HTTP on 127.0.0.1 and serves the index; search and chat are asked over real HTTP.
 * Needs the build (`npm test` builds first).
 */
const BIN = fileURLToPath(new URL('../bin/auskunft.js', import.meta.url));

function run(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts `auskunft serve` and resolves with the URL it prints. */
function serve(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', ...args]);
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve({ child, url: match[1]! });
    });
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
}

describe('auskunft CLI end to end on the demo site', () => {
  let site: DemoSite;
  let outDir: string;
  let server: { child: ChildProcess; url: string };
  let crawlOutput: string;

  beforeAll(async () => {
    site = await startDemoSite();
    outDir = await mkdtemp(join(tmpdir(), 'auskunft-cli-'));
    const started = Date.now();
    const crawl = await run(['crawl', site.url, '--out', outDir, '--delay-ms', '0', '--concurrency', '4']);
    crawlOutput = `${crawl.stdout}\n${crawl.stderr}`;
    expect(crawl.code, crawlOutput).toBe(0);
    console.info(`crawl of the demo site took ${Date.now() - started} ms:\n${crawl.stdout}`);
    server = await serve(['--index', outDir, '--port', '0']);
  });

  afterAll(async () => {
    server?.child.kill('SIGTERM');
    await site?.close();
    await rm(outDir, { recursive: true, force: true });
  });

  it('reports pages, passages and size after crawling', () => {
    expect(crawlOutput).toMatch(/pages: \d+, passages: \d+/);
  });

  it('finds the Schwerbehindertenausweis page first and cites it in the chat answer', async () => {
    const question = 'Wie beantrage ich einen Schwerbehindertenausweis?';
    const t0 = performance.now();
    const search = await (await fetch(`${server.url}api/search?q=${encodeURIComponent(question)}`)).json();
    console.info(`search over HTTP: ${(performance.now() - t0).toFixed(1)} ms`);
    expect(new URL(search.results[0].url).pathname).toBe('/inklusionsamt/schwerbehindertenausweis/');

    const res = await fetch(`${server.url}api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: question, history: [] }),
    });
    const text = await res.text();
    const done = JSON.parse(/event: done\ndata: (.*)\n/.exec(text)![1]!);
    expect(done.answer).toMatch(/\[\d\]/);
    expect(done.sources.map((s: { url: string }) => new URL(s.url).pathname)).toContain('/inklusionsamt/schwerbehindertenausweis/');
  });

  it('serves health and the widget script', async () => {
    expect((await (await fetch(`${server.url}healthz`)).json()).status).toBe('ok');
    const widget = await fetch(`${server.url}widget.js`);
    expect(widget.status).toBe(200);
    expect((await widget.text()).length).toBeGreaterThan(1000);
  });

  it('explains bad command lines and configuration instead of crashing', async () => {
    const noUrl = await run(['crawl']);
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr).toContain('give at least one start URL');
    const unknown = await run(['crawl', site.url, '--max-pagez', '3']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--max-pagez'");
    const badEnv = await run(['serve', '--index', outDir], { AUSKUNFT_PORT: 'achtzig' });
    expect(badEnv.code).toBe(1);
    expect(badEnv.stderr).toContain('environment variable AUSKUNFT_PORT: expected a whole number, got "achtzig"');
    const noIndex = await run(['serve', '--index', join(outDir, 'missing'), '--port', '0']);
    expect(noIndex.code).toBe(1);
    expect(noIndex.stderr).toContain('No index found');
  });
});
