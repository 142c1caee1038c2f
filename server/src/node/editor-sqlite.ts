import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Sql } from '../editor/sql.js';

/** better-sqlite3 behind the editors' Sql interface; the same file as the feedback store. */
export function sqliteSql(path: string): Sql & { close(): void } {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // Several server processes may write to one file; wait for a lock instead of failing.
  db.pragma('busy_timeout = 5000');
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.prepare(sql)));
    return s;
  };
  return {
    async all<T>(sql: string, ...params: unknown[]) {
      return prepare(sql).all(...params) as T[];
    },
    async run(sql: string, ...params: unknown[]) {
      const r = prepare(sql).run(...params);
      return { changes: r.changes, lastId: Number(r.lastInsertRowid) };
    },
    async batch(list) {
      db.transaction(() => {
        for (const [sql, ...params] of list) prepare(sql).run(...params);
      })();
    },
    close: () => db.close(),
  };
}
