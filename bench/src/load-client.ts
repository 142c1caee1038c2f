#!/usr/bin/env node
/**
 * The load generator, run as its own process so it does not share an event loop with the server:
 * autocannon against /api/search, one JSON line of results on stdout. `--mix cycle` sends the
 * queries in turn; `--mix zipf` draws them by Zipf's law (s = 1, the first query most often),
 * as popular searches repeat in a real query log.
 *
 *   node bench/dist/load-client.js --url http://127.0.0.1:8080 --queries q.json --duration 10 --connections 32 --mix zipf
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createRandom, createZipf } from './random.js';

export interface LoadResult {
  seconds: number;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  /** Milliseconds. */
  latency: { mean: number; p50: number; p90: number; p99: number; max: number };
  /** Answers other than 2xx, connection errors and timeouts: any of them makes the run invalid. */
  failed: number;
}

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    queries: { type: 'string' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    mix: { type: 'string', default: 'cycle' },
  },
});
if (!values.url || !values.queries) throw new Error('load-client needs --url and --queries');
if (values.mix !== 'cycle' && values.mix !== 'zipf') throw new Error(`--mix must be "cycle" or "zipf", got "${values.mix}"`);
const queries = JSON.parse(await readFile(values.queries, 'utf8')) as string[];
const random = createRandom(11);
const zipf = createZipf(queries.length, 1);
let next = 0;
const nextQuery = values.mix === 'zipf' ? () => queries[zipf(random)]! : () => queries[next++ % queries.length]!;
const connections = Number(values.connections);
const result = await autocannon({
  url: values.url,
  connections,
  duration: Number(values.duration),
  requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: `/api/search?q=${encodeURIComponent(nextQuery())}` }) }],
});
const summary: LoadResult = {
  seconds: result.duration,
  connections,
  requests: result['2xx'],
  requestsPerSecond: result['2xx'] / result.duration,
  latency: { mean: result.latency.average, p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
  failed: result.non2xx + result.errors + result.timeouts,
};
console.log(JSON.stringify(summary));
