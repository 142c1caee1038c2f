import type { SearchResultWire } from '@auskunft/core/api';
import { pagePath, sectionPath } from './citations.js';

export interface SearchScore {
  /** 1 / rank of the first expected page within the first 10 results, else 0. */
  pageRR: number;
  pageAt1: boolean;
  /** The top result's section URL is the expected section; null without one. */
  sectionAt1: boolean | null;
  /** 1 / rank of the first result whose section URL is the expected section (first 10), else 0; null without one. */
  sectionRR: number | null;
  /** The first three results as path#anchor, for --misses. */
  top: string[];
}

/** Scores one /api/search response against the expected pages and (optionally) section. */
export function scoreSearch(expectedPages: readonly string[], expectedSection: string | undefined, results: readonly Pick<SearchResultWire, 'url' | 'sectionUrl'>[]): SearchScore {
  const top10 = results.slice(0, 10);
  const pages = new Set(expectedPages);
  const pageRank = top10.findIndex((r) => pages.has(pagePath(r.url)));
  const sectionRank = expectedSection ? top10.findIndex((r) => sectionPath(r.sectionUrl) === expectedSection) : -1;
  return {
    pageRR: pageRank >= 0 ? 1 / (pageRank + 1) : 0,
    pageAt1: pageRank === 0,
    sectionAt1: expectedSection ? sectionRank === 0 : null,
    sectionRR: expectedSection ? (sectionRank >= 0 ? 1 / (sectionRank + 1) : 0) : null,
    top: top10.slice(0, 3).map((r) => sectionPath(r.sectionUrl)),
  };
}

/** Mean of the non-null values; NaN when there are none. */
export function mean(values: ReadonlyArray<number | null>): number {
  const counted = values.filter((v): v is number => v !== null);
  return counted.length ? counted.reduce((a, b) => a + b, 0) / counted.length : Number.NaN;
}
