import type { BuildStats } from './build-index.js';
import type { LoadTestResult } from './load-test.js';
import type { SearchMeasurement } from './measure-search.js';
import type { PagefindMeasurement } from './pagefind-peer.js';
import type { QualityRow } from './quality.js';
import type { QuestionMeasurement } from './question-latency.js';
import type { Latency } from './stats.js';
import { formatNumber, markdownTable, mib } from './table.js';
import type { WidgetFileSize } from './widget-size.js';

const ms = (value: number) => formatNumber(value);
const latencyCells = (l: { p50: number; p95: number; p99: number }) => `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.p99)}`;

export function buildTable(builds: ReadonlyArray<BuildStats & { cached: boolean }>): string {
  return markdownTable(
    ['Passages', 'Pages', 'Embed s', 'BM25 s', 'HNSW s', 'Total s', 'Passages/s', 'Peak RSS', 'passages.json', 'lexical.json', 'vectors.hnsw', 'HNSW M / efC', 'Built'],
    builds.map((b) => [
      b.size, b.pages, b.seconds.embed, b.seconds.lexical, b.seconds.vectors, b.seconds.total, b.passagesPerSecond, `${formatNumber(b.peakRssMiB)} MiB`,
      mib(b.files['passages.json'] ?? 0), mib(b.files['lexical.json'] ?? 0), mib(b.files['vectors.hnsw'] ?? 0), `${b.m} / ${b.efConstruction}`,
      b.cached ? `cached (${b.builtAt.slice(0, 16).replace('T', ' ')})` : 'this run',
    ]),
  );
}

export function latencyTable(measurements: readonly SearchMeasurement[]): string {
  const names = [...new Set(measurements.flatMap((m) => Object.keys(m.latency)))];
  return markdownTable(
    ['ms p50 / p95 / p99', ...measurements.map((m) => `${formatNumber(m.size)} passages`)],
    names.map((name) => [name.replace(/^ {2}/, '· '), ...measurements.map((m) => (m.latency[name] ? latencyCells(m.latency[name]) : '–'))]),
  );
}

export function loadTable(measurements: readonly SearchMeasurement[]): string {
  return markdownTable(
    ['Passages', 'Index load (read, verify, parse, open HNSW)', 'RSS after load', 'JS heap'],
    measurements.map((m) => [m.size, `${formatNumber(m.load.ms / 1000)} s`, `${formatNumber(m.load.rssMiB)} MiB`, `${formatNumber(m.load.heapMiB)} MiB`]),
  );
}

export function recallTable(measurements: readonly SearchMeasurement[]): string {
  const efs = [...new Set(measurements.flatMap((m) => m.recall.map((r) => r.ef)))].sort((a, b) => a - b);
  return markdownTable(
    ['ef', ...measurements.map((m) => `${formatNumber(m.size)}: recall@10 · recall@50 · p50 ms`)],
    efs.map((ef) => [
      `${ef}${measurements[0]?.ef === ef ? ' (server)' : ''}`,
      ...measurements.map((m) => {
        const r = m.recall.find((x) => x.ef === ef);
        return r ? `${r.recallAt10.toFixed(3)} · ${r.recallAt50.toFixed(3)} · ${ms(r.latency.p50)}` : '–';
      }),
    ]),
  );
}

export function agreementTable(measurements: readonly SearchMeasurement[]): string {
  return markdownTable(
    ['Passages', 'Top-10 pages of /api/search shared with exact vectors', 'Chat: first SSE event p50 / p95 / p99 ms', 'Chat: complete p50 / p95 ms'],
    measurements.map((m) => [m.size, `${(m.hybridAgreement * 100).toFixed(1)} %`, latencyCells(m.chat.firstEvent), `${ms(m.chat.complete.p50)} / ${ms(m.chat.complete.p95)}`]),
  );
}

export function peerTable(measurements: readonly SearchMeasurement[], pagefind: readonly PagefindMeasurement[]): string {
  const rows: Array<[string, (m: SearchMeasurement) => string]> = [
    ['Auskunft GET /api/search (HNSW)', (m) => latencyCells(m.latency['GET /api/search']!)],
    ['Auskunft GET /api/search (exact vectors)', (m) => latencyCells(m.latency['GET /api/search (exact vectors)']!)],
    ['Brute-force vector scan alone (k=50)', (m) => latencyCells(m.latency['exact vector scan k=50 alone']!)],
  ];
  return markdownTable(
    ['ms p50 / p95 / p99', ...measurements.map((m) => `${formatNumber(m.size)} passages`)],
    [
      ...rows.map(([name, cell]) => [name, ...measurements.map(cell)]),
      ['Pagefind 1.6 search + top-10 data', ...measurements.map((m) => {
        const p = pagefind.find((x) => x.size === m.size);
        return p ? latencyCells(p.latency) : '–';
      })],
      ['Pagefind 1.6 index build', ...measurements.map((m) => {
        const p = pagefind.find((x) => x.size === m.size);
        return p ? `${formatNumber(p.buildSeconds)} s (${formatNumber(p.pages)} pages)` : '–';
      })],
    ],
  );
}

export function qualityTable(rows: readonly QualityRow[]): string {
  return markdownTable(
    ['System (demo site, 140 questions)', 'R@1', 'R@5', 'MRR@10', 'Out-of-scope declined', 'ms p50 / p95'],
    rows.map((r) => [r.system, pct(r.metrics.recallAt1), pct(r.metrics.recallAt5), r.metrics.mrrAt10.toFixed(3), pct(r.metrics.outOfScopeAbstention), `${ms(r.latency.p50)} / ${ms(r.latency.p95)}`]),
  );
}

export function loadTestTable(rows: ReadonlyArray<LoadTestResult & { size: number; config: string }>): string {
  return markdownTable(
    ['Passages', 'Server settings', 'Connections', 'Requests/s', 'Latency p50 / p90 / p99 ms', 'Failed', 'Server peak RSS'],
    rows.map((r) => [r.size, r.config, r.connections, r.requestsPerSecond, `${ms(r.latency.p50)} / ${ms(r.latency.p90)} / ${ms(r.latency.p99)}`, r.failed, `${formatNumber(r.serverPeakRssMiB)} MiB`]),
  );
}

export function widgetTable(files: readonly WidgetFileSize[]): string {
  return markdownTable(
    ['Widget file', 'Bytes', 'gzip -9'],
    files.map((f) => [f.file, `${formatNumber(f.bytes / 1024)} KiB`, `${formatNumber(f.gzipBytes / 1024)} KiB`]),
  );
}

function pct(share: number): string {
  return (share * 100).toFixed(1);
}

export function questionTable(rows: readonly QuestionMeasurement[]): string {
  const l = (x: Latency | null) => (x ? `${ms(x.p50)} / ${ms(x.p95)} / ${ms(x.p99)}` : 'skipped');
  return markdownTable(
    ['Passages', 'Questions', 'Auskunft GET /api/search p50 / p95 / p99', 'Auskunft retrieve', 'MiniSearch BM25 (German stemmer)', 'Pagefind', 'retrieve p50 ÷ MiniSearch p50', 'Build MiniSearch / Pagefind s'],
    rows.map((r) => [
      r.size,
      r.questions,
      l(r.latency.auskunftApi),
      l(r.latency.auskunftRetrieve),
      l(r.latency.minisearch),
      l(r.latency.pagefind),
      (r.latency.auskunftRetrieve.p50 / r.latency.minisearch.p50).toFixed(2),
      `${formatNumber(r.peerBuildSeconds.minisearch)} / ${r.peerBuildSeconds.pagefind === null ? '–' : formatNumber(r.peerBuildSeconds.pagefind)}`,
    ]),
  );
}
