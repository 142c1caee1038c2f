/**
 * The little SQL the editors' store needs, so one implementation serves better-sqlite3 on Node
 * and D1 on Workers (both speak SQLite's dialect). `batch` runs its statements in one
 * transaction in both.
 */
export interface Sql {
  all<T>(sql: string, ...params: unknown[]): Promise<T[]>;
  run(sql: string, ...params: unknown[]): Promise<{ changes: number; lastId: number }>;
  batch(statements: Array<[string, ...unknown[]]>): Promise<void>;
}
