import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadIndexFromDisk } from '@auskunft/server/node';
import { INDEX_SUBDIR } from './build-index.js';
import type { LoadResult } from './load-client.js';
import { benchQueries } from './queries.js';

const CLI = fileURLToPath(new URL('../../cli/bin/auskunft.js', import.meta.url));
const CLIENT = fileURLToPath(new URL('./load-client.js', import.meta.url));
/** Distinct queries the load test draws from: more than one process answers in a test run. */
const QUERIES = 10_000;

export interface LoadOptions {
  dir: string;
  seconds: number;
  connections: number;
  /** Extra AUSKUNFT_* variables for the server, e.g. to switch the query log off. */
  env: Record<string, string>;
  /** `cycle`: distinct queries in turn; `zipf`: popular queries repeat (see load-client.ts). */
  mix: 'cycle' | 'zipf';
  /** Queries to send instead of the bench queries (e.g. chat questions, chat-questions.ts). */
  queries?: readonly string[];
  /** Worker processes of `auskunft serve` (default 1). */
  workers?: number;
}

export interface LoadTestResult extends LoadResult {
  /** Peak resident memory of the server process (VmHWM), MiB; NaN where /proc is unavailable. */
  serverPeakRssMiB: number;
}

/**
 * `auskunft serve` (the real CLI, one process unless `workers` says more) on 127.0.0.1 with rate limits switched off, and
 * autocannon in a second process sending bench queries (the evaluation questions and 10,000
 * generated ones) to /api/search for `seconds` at a fixed number of connections.
 */
export async function runLoadTest(options: LoadOptions): Promise<LoadTestResult> {
  const work = await mkdtemp(join(tmpdir(), 'auskunft-bench-load-'));
  const measured = options.queries ?? (await benchQueries((await loadIndexFromDisk(join(options.dir, INDEX_SUBDIR))).passages, { generated: QUERIES, warmup: 0 })).measured;
  const queriesFile = join(work, 'queries.json');
  await writeFile(queriesFile, JSON.stringify(measured));
  const server = spawn(process.execPath, [CLI, 'serve', '--index', join(options.dir, INDEX_SUBDIR), '--port', '0', '--host', '127.0.0.1'], {
    env: {
      ...process.env,
      AUSKUNFT_SEARCH_RATE_LIMIT: '0',
      AUSKUNFT_CHAT_RATE_LIMIT: '0',
      AUSKUNFT_MAX_QUERY_CHARS: '0',
      AUSKUNFT_RELOAD_INTERVAL_MS: '0',
      AUSKUNFT_WORKERS: String(options.workers ?? 1),
      AUSKUNFT_STORE_PATH: join(work, 'store.sqlite'),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await listeningUrl(server);
    const client = await run(process.execPath, [CLIENT, '--url', url, '--queries', queriesFile, '--duration', String(options.seconds), '--connections', String(options.connections), '--mix', options.mix]);
    const result = JSON.parse(client.trim().split('\n').at(-1)!) as LoadResult;
    return { ...result, serverPeakRssMiB: await serverRssMiB(server.pid!) };
  } finally {
    await stop(server);
    await rm(work, { recursive: true, force: true });
  }
}

/** Resolves with the URL the server prints once it listens; its other output (request logs) is read and dropped. */
function listeningUrl(server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    let found = false;
    let errors = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      if (found) return;
      seen = (seen + chunk.toString()).slice(-4000);
      const match = /listening on (http:\/\/\S+?)\/?\s/.exec(seen);
      if (match) {
        found = true;
        resolve(match[1]!);
      }
    });
    server.stderr!.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)));
    server.once('exit', (code) => reject(new Error(`auskunft serve exited with ${code} before listening: ${errors}`)));
  });
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err = (err + chunk.toString()).slice(-4000)));
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${args[0]} exited with ${code}: ${err}`))));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Peak memory of the server: of the process, plus its workers' when it is a cluster primary. */
async function serverRssMiB(pid: number): Promise<number> {
  const children = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '');
  const pids = [pid, ...children.split(/\s+/).filter(Boolean).map(Number)];
  const each = await Promise.all(pids.map(peakRssMiB));
  return each.reduce((a, b) => a + b, 0);
}

async function peakRssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kib = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  return kib ? Number(kib) / 1024 : NaN;
}
