import type { Sql } from '../editor/sql.js';
import type { D1Binding } from './d1.js';

/** Cloudflare D1 behind the editors' Sql interface (a D1 batch is one transaction). */
export function d1Sql(db: D1Binding): Sql {
  return {
    async all<T>(sql: string, ...params: unknown[]) {
      return (await db.prepare(sql).bind(...params).all<T>()).results;
    },
    async run(sql: string, ...params: unknown[]) {
      const { meta } = await db.prepare(sql).bind(...params).run();
      const m = meta as { changes?: number; last_row_id?: number };
      return { changes: m.changes ?? 0, lastId: m.last_row_id ?? 0 };
    },
    async batch(list) {
      await db.batch(list.map(([sql, ...params]) => db.prepare(sql).bind(...params)));
    },
  };
}
