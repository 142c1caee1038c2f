import { computeMetrics, type Metrics, type Ranking } from './metrics.js';
import { CATEGORIES, type Category, type Question } from './questions.js';
import type { SearchSystem } from './system.js';

export interface SystemResult {
  system: string;
  overall: Metrics;
  byCategory: Record<Category, Metrics>;
  /** What the system returned per question, in question order (for inspecting failures). */
  rankings: Ranking[];
}

/** Runs every question through every system and scores them with the same metrics. */
export async function evaluateSystems(questions: readonly Question[], systems: readonly SearchSystem[]): Promise<SystemResult[]> {
  const results: SystemResult[] = [];
  for (const system of systems) {
    const rankings: Ranking[] = [];
    for (const question of questions) rankings.push(await system.search(question.q));
    const byCategory = {} as Record<Category, Metrics>;
    for (const category of CATEGORIES) {
      const picked = questions.map((q, i) => [q, rankings[i]!] as const).filter(([q]) => q.category === category);
      byCategory[category] = computeMetrics(picked.map(([q]) => q), picked.map(([, r]) => r));
    }
    results.push({ system: system.name, overall: computeMetrics(questions, rankings), byCategory, rankings });
  }
  return results;
}
