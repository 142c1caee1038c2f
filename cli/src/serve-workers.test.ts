import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlDemoInto } from './test-helpers/demo.js';

const BIN = fileURLToPath(new URL('../bin/auskunft.js', import.meta.url));
let outDir: string;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'auskunft-workers-'));
  await crawlDemoInto(outDir);
});

afterAll(() => rm(outDir, { recursive: true, force: true }));

/** Starts `auskunft serve` and resolves with the process and the URL it prints. */
function serve(args: string[], env: Record<string, string>): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--index', outDir, '--port', '0', ...args], { env: { ...process.env, AUSKUNFT_LOG: 'off', AUSKUNFT_STORE_PATH: ':memory:', ...env } });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve({ child, url: match[1]!, output: () => out });
    });
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));

describe('auskunft serve --workers', () => {
  it('serves from two worker processes, keeps one rate limit per client across them, and stops cleanly', async () => {
    const { child, url } = await serve(['--workers', '2'], { AUSKUNFT_SEARCH_RATE_LIMIT: '6' });
    try {
      const statuses: number[] = [];
      // Sequential requests on fresh connections: cluster's round robin spreads them over both workers.
      for (let i = 0; i < 10; i++) {
        const response = await fetch(`${url}api/search?q=${encodeURIComponent(`Kraftfahrzeughilfe ${i}`)}`, { headers: { connection: 'close' } });
        statuses.push(response.status);
        await response.arrayBuffer();
      }
      // Per-worker counters would have let up to 12 through.
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429, 429, 429]);
      const health = await fetch(`${url}healthz`);
      expect(health.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited(child)).toBe(0);
  });

  it('reports why a worker could not load the index, once, and exits 1', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--index', join(outDir, 'fehlt'), '--port', '0', '--workers', '2'], { env: { ...process.env, AUSKUNFT_LOG: 'off' } });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    expect(await exited(child)).toBe(1);
    expect(err.match(/auskunft: No index found/g)).toHaveLength(1);
  });
});
