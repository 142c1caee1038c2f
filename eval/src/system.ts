import type { Ranking } from './metrics.js';

/** Anything that turns a question into ranked page paths: an Auskunft ranker or a peer. */
export interface SearchSystem {
  name: string;
  search(query: string): Promise<Ranking>;
}
