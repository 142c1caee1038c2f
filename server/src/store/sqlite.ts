import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { STORE_SCHEMA, feedbackFromRow, queryFromRow, type FeedbackRow, type QueryRow } from './schema.js';
import type { Store } from './store.js';

/**
 * The embedded default store: one SQLite file (WAL mode, so the query log never blocks reads).
 * `:memory:` keeps everything in RAM, for tests and for deployments that want nothing on disk.
 */
export function createSqliteStore(path: string): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  for (const statement of STORE_SCHEMA) db.exec(statement);
  const insertFeedback = db.prepare('INSERT INTO feedback (at, rating, comment, question, answer, sources) VALUES (?, ?, ?, ?, ?, ?)');
  const insertQuery = db.prepare('INSERT INTO queries (at, kind, query, results, confident, generated) VALUES (?, ?, ?, ?, ?, ?)');
  const selectFeedback = db.prepare<[string], FeedbackRow>('SELECT at, rating, comment, question, answer, sources FROM feedback WHERE at >= ? ORDER BY at');
  const selectQueries = db.prepare<[string], QueryRow>('SELECT at, kind, query, results, confident, generated FROM queries WHERE at >= ? ORDER BY at');
  const purgeFeedback = db.prepare('DELETE FROM feedback WHERE at < ?');
  const purgeQueries = db.prepare('DELETE FROM queries WHERE at < ?');

  return {
    async addFeedback(r) {
      insertFeedback.run(r.at, r.rating, r.comment, r.question, r.answer, JSON.stringify(r.sources));
    },
    async logQuery(r) {
      insertQuery.run(r.at, r.kind, r.query, r.results, r.confident === null ? null : Number(r.confident), r.generated);
    },
    async listFeedback(since) {
      return selectFeedback.all(since).map(feedbackFromRow);
    },
    async listQueries(since) {
      return selectQueries.all(since).map(queryFromRow);
    },
    async purgeOlderThan(cutoff) {
      return db.transaction(() => purgeFeedback.run(cutoff).changes + purgeQueries.run(cutoff).changes)();
    },
    async close() {
      db.close();
    },
  };
}
