/** One citizen's rating of one answer. Text fields are scrubbed before they reach a store. */
export interface FeedbackRecord {
  at: string;
  rating: 'up' | 'down';
  comment: string | null;
  question: string;
  answer: string;
  sources: string[];
}

/** One search or chat question, scrubbed, with how well it was answered. */
export interface QueryRecord {
  at: string;
  kind: 'search' | 'chat';
  query: string;
  results: number;
  /** Chat only: whether it answered (true) or handed off (false). */
  confident: boolean | null;
  generated: 'faq' | 'extractive' | 'llm' | null;
}

/**
 * Where feedback and the query log are kept: SQLite on Node, D1 on Workers. Only scrubbed text
 * and no client identifiers are ever passed in (see privacy/scrub.ts).
 */
export interface Store {
  addFeedback(record: FeedbackRecord): Promise<void>;
  logQuery(record: QueryRecord): Promise<void>;
  listFeedback(sinceIso: string): Promise<FeedbackRecord[]>;
  listQueries(sinceIso: string): Promise<QueryRecord[]>;
  /** Deletes everything older than the cutoff (retention); returns the number of rows removed. */
  purgeOlderThan(cutoffIso: string): Promise<number>;
  close(): Promise<void>;
}

/** For deployments that switch logging off: accepts everything, keeps nothing. */
export function createNullStore(): Store {
  return {
    async addFeedback() {},
    async logQuery() {},
    async listFeedback() {
      return [];
    },
    async listQueries() {
      return [];
    },
    async purgeOlderThan() {
      return 0;
    },
    async close() {},
  };
}
