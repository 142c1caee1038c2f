import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoSite, type DemoSite } from '@auskunft/demo-site';
import { createSqliteStore } from '@auskunft/server/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The editors' commands, run as editors run them: the compiled CLI against the demo index. */
const BIN = fileURLToPath(new URL('../bin/auskunft.js', import.meta.url));

function run(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, AUSKUNFT_LOG: 'off', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let site: DemoSite;
let dir: string;
let versions: string[] = [];

beforeAll(async () => {
  site = await startDemoSite();
  dir = await mkdtemp(join(tmpdir(), 'auskunft-editor-'));
  for (let i = 0; i < 2; i++) {
    const crawl = await run(['crawl', site.url, '--out', join(dir, 'index'), '--delay-ms', '0', '--concurrency', '4']);
    expect(crawl.code, crawl.stderr).toBe(0);
    versions.push(/Index version (\S+)/.exec(crawl.stdout)![1]!);
    // Version names have one-second resolution.
    if (i === 0) await new Promise((r) => setTimeout(r, 1100));
  }
});

afterAll(async () => {
  await site.close();
  await rm(dir, { recursive: true, force: true });
});

describe('auskunft ask', () => {
  it('shows the rankers\' scores, the FAQ decision and the cited answer', async () => {
    const { code, stdout } = await run(['ask', 'Wie beantrage ich einen Schwerbehindertenausweis?', '--index', join(dir, 'index')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/#\s+fused\s+bm25\s+vector\s+words\s+passage/);
    expect(stdout).toContain('/inklusionsamt/schwerbehindertenausweis/');
    expect(stdout).toMatch(/FAQ match: (yes|no)/);
    expect(stdout).toMatch(/Answer \((faq|extractive)\):\n\s+.+\[1\]/);
  });

  it('says how to ask when the question is missing', async () => {
    const { code, stderr } = await run(['ask', '--index', join(dir, 'index')]);
    expect(code).toBe(2);
    expect(stderr).toContain('give a question in quotes');
  });
});

describe('auskunft index', () => {
  it('lists versions, rolls back without restarting the server, and prunes', async () => {
    const index = join(dir, 'index');
    const list = await run(['index', 'list', '--index', index]);
    expect(list.stdout).toContain(`  ${versions[0]}`);
    expect(list.stdout).toContain(`* ${versions[1]}`);

    const server = spawn(process.execPath, [BIN, 'serve', '--index', index, '--port', '0', '--reload-interval-ms', '100'], { env: { ...process.env, AUSKUNFT_LOG: 'off', AUSKUNFT_STORE_PATH: ':memory:' } });
    try {
      const url = await listeningUrl(server);
      const version = async () => (await (await fetch(`${url}healthz`)).json()).index.version as string;
      expect(await version()).toBe(versions[1]);
      const rollback = await run(['index', 'rollback', '--index', index]);
      expect(rollback.stdout).toContain(`${versions[0]} is now the live version`);
      await waitFor(async () => (await version()) === versions[0]);
      const search = await fetch(`${url}api/search?q=Kraftfahrzeughilfe`);
      expect(search.status).toBe(200);
    } finally {
      server.kill('SIGTERM');
    }

    const unknown = await run(['index', 'rollback', '20200101T000000Z-0000', '--index', index]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no version');
    const prune = await run(['index', 'prune', '--keep', '1', '--index', index]);
    // The live version (the older one after the roll-back) is never removed.
    expect(prune.stdout).toContain('Nothing to remove');
  });
});

describe('auskunft report unanswered', () => {
  it('groups the seeded query log by topic and exports CSV', async () => {
    const storePath = join(dir, 'store.sqlite');
    const store = createSqliteStore(storePath);
    const now = Date.now();
    const questions = ['Gibt es Zuschüsse für einen Assistenzhund?', 'Wer bezahlt meinen Assistenzhund?', 'Assistenzhund Kosten Übernahme', 'Wie beantrage ich Elterngeld?'];
    for (const [i, query] of questions.entries()) {
      await store.logQuery({ at: new Date(now - (10 - i) * 60_000).toISOString(), kind: 'chat', query, results: 0, confident: false, generated: 'extractive' });
    }
    await store.close();
    const env = { AUSKUNFT_STORE_PATH: storePath };
    const report = await run(['report', 'unanswered', '--index', join(dir, 'index')], env);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toMatch(/3×\s+Gibt es Zuschüsse für einen Assistenzhund\?/);
    expect(report.stdout).toMatch(/1×\s+Wie beantrage ich Elterngeld\?/);
    const csvPath = join(dir, 'report.csv');
    await run(['report', 'unanswered', '--index', join(dir, 'index'), '--csv', csvPath], env);
    const csv = await readFile(csvPath, 'utf8');
    expect(csv.split('\r\n')[1]).toMatch(/^"3","Gibt es Zuschüsse für einen Assistenzhund\?"/);
  });
});

function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.stderr!.on('data', (d) => (out += d));
    child.on('close', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not met in time');
}
