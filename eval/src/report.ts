import type { Metrics } from './metrics.js';
import { CATEGORIES } from './questions.js';
import type { SystemResult } from './run-eval.js';

const pct = (x: number) => (x * 100).toFixed(1);

/** The overall comparison as a Markdown table (ranking metrics over in-scope questions). */
export function overallTable(results: readonly SystemResult[]): string {
  const rows = results.map((r) => row(r.system, r.overall));
  return [
    '| System | R@1 | R@5 | R@10 | MRR@10 | nDCG@10 | Out-of-scope declined | In-scope declined |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

/** MRR@10 (and R@5) per question category, one column per system. */
export function categoryTable(results: readonly SystemResult[]): string {
  const header = `| Category (n) | ${results.map((r) => r.system).join(' | ')} |`;
  const rows = CATEGORIES.map((category) => {
    const n = results[0]?.byCategory[category].questions ?? 0;
    const cells = results.map((r) => {
      const m = r.byCategory[category];
      return category === 'out-of-scope' ? `declined ${pct(m.outOfScopeAbstention)}` : `${m.mrrAt10.toFixed(3)} / ${pct(m.recallAt5)}`;
    });
    return `| ${category} (${n}) | ${cells.join(' | ')} |`;
  });
  return [header, `|---|${results.map(() => '---:').join('|')}|`, ...rows].join('\n');
}

function row(name: string, m: Metrics): string {
  return `| ${name} | ${pct(m.recallAt1)} | ${pct(m.recallAt5)} | ${pct(m.recallAt10)} | ${m.mrrAt10.toFixed(3)} | ${m.ndcgAt10.toFixed(3)} | ${pct(m.outOfScopeAbstention)} | ${pct(m.falseAbstention)} |`;
}
