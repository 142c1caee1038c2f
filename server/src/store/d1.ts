import { STORE_SCHEMA, feedbackFromRow, queryFromRow, type FeedbackRow, type QueryRow } from './schema.js';
import type { Store } from './store.js';

/**
 * The part of Cloudflare's D1 binding this store uses. Declared here rather than taken from
 * @cloudflare/workers-types, whose global Request/Response types clash with Node's in this
 * workspace; the real binding satisfies it.
 */
export interface D1Binding {
  prepare(sql: string): D1Statement;
  batch(statements: D1Statement[]): Promise<Array<{ meta: { changes?: number } }>>;
}

export interface D1Statement {
  bind(...values: unknown[]): D1Statement;
  run(): Promise<{ meta: { changes?: number } }>;
  all<T = Record<string, unknown>>(): Promise<{ results: T[] }>;
}

/**
 * Feedback and the scrubbed query log in Cloudflare D1 (SQLite at the edge), with the same
 * tables as the SQLite store on Node. The tables are created on first use in each isolate
 * (`CREATE … IF NOT EXISTS`), so a new database needs no migration step.
 */
export function createD1Store(db: D1Binding): Store {
  let ready: Promise<unknown> | undefined;
  const schema = () =>
    (ready ??= db.batch(STORE_SCHEMA.map((sql) => db.prepare(sql))).catch((error: unknown) => {
      ready = undefined;
      throw error;
    }));

  return {
    async addFeedback(r) {
      await schema();
      await db
        .prepare('INSERT INTO feedback (at, rating, comment, question, answer, sources) VALUES (?, ?, ?, ?, ?, ?)')
        .bind(r.at, r.rating, r.comment, r.question, r.answer, JSON.stringify(r.sources))
        .run();
    },
    async logQuery(r) {
      await schema();
      await db
        .prepare('INSERT INTO queries (at, kind, query, results, confident, generated) VALUES (?, ?, ?, ?, ?, ?)')
        .bind(r.at, r.kind, r.query, r.results, r.confident === null ? null : Number(r.confident), r.generated)
        .run();
    },
    async listFeedback(since) {
      await schema();
      const { results } = await db.prepare('SELECT at, rating, comment, question, answer, sources FROM feedback WHERE at >= ? ORDER BY at').bind(since).all<FeedbackRow>();
      return results.map(feedbackFromRow);
    },
    async listQueries(since) {
      await schema();
      const { results } = await db.prepare('SELECT at, kind, query, results, confident, generated FROM queries WHERE at >= ? ORDER BY at').bind(since).all<QueryRow>();
      return results.map(queryFromRow);
    },
    async purgeOlderThan(cutoff) {
      await schema();
      // A batch runs as one transaction in D1.
      const results = await db.batch([db.prepare('DELETE FROM feedback WHERE at < ?').bind(cutoff), db.prepare('DELETE FROM queries WHERE at < ?').bind(cutoff)]);
      return results.reduce((sum, r) => sum + (r.meta.changes ?? 0), 0);
    },
    async close() {},
  };
}
