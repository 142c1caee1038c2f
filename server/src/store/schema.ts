import type { FeedbackRecord, QueryRecord } from './store.js';

/**
 * Tables shared by the SQLite (Node) and D1 (Workers) stores; both speak SQLite's dialect.
 * `at` is an ISO-8601 UTC string, so text comparison orders by time.
 */
export const STORE_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS feedback (
     id INTEGER PRIMARY KEY,
     at TEXT NOT NULL,
     rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
     comment TEXT,
     question TEXT NOT NULL,
     answer TEXT NOT NULL,
     sources TEXT NOT NULL
   )`,
  `CREATE INDEX IF NOT EXISTS feedback_at ON feedback (at)`,
  `CREATE TABLE IF NOT EXISTS queries (
     id INTEGER PRIMARY KEY,
     at TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('search', 'chat')),
     query TEXT NOT NULL,
     results INTEGER NOT NULL,
     confident INTEGER,
     generated TEXT
   )`,
  `CREATE INDEX IF NOT EXISTS queries_at ON queries (at)`,
];

export interface FeedbackRow {
  at: string;
  rating: 'up' | 'down';
  comment: string | null;
  question: string;
  answer: string;
  sources: string;
}

export interface QueryRow {
  at: string;
  kind: 'search' | 'chat';
  query: string;
  results: number;
  confident: number | null;
  generated: string | null;
}

/** Row → record, shared by both SQLite dialect stores. */
export function feedbackFromRow(row: FeedbackRow): FeedbackRecord {
  return { ...row, sources: JSON.parse(row.sources) as string[] };
}

export function queryFromRow(row: QueryRow): QueryRecord {
  return { ...row, confident: row.confident === null ? null : row.confident === 1, generated: row.generated as QueryRecord['generated'] };
}
