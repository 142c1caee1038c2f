import type { RetrievedPassage } from './retrieve.js';

export interface PageHit {
  url: string;
  title: string;
  best: RetrievedPassage;
  /** Sum of the fused scores of the page's passages: a page answering in several places ranks higher. */
  score: number;
}

const SECONDARY_WEIGHT = 0.1;

/** One entry per page, best first, with the page's best passage as its representative. */
export function groupByPage(passages: readonly RetrievedPassage[]): PageHit[] {
  const pages = new Map<string, PageHit>();
  for (const hit of passages) {
    const page = pages.get(hit.passage.url);
    if (!page) pages.set(hit.passage.url, { url: hit.passage.url, title: hit.passage.title, best: hit, score: hit.score });
    // Secondary passages add with a steep discount so a long page that mentions a word in many
    // sections cannot outvote the page whose one section is about it.
    else page.score += hit.score * SECONDARY_WEIGHT;
  }
  return [...pages.values()].sort((a, b) => b.score - a.score);
}
