import type { Sql } from './sql.js';

export type Role = 'editor' | 'reviewer';

/** What an editor writes; `answer` and `easyLanguage` are the FAQ files' Markdown subset. */
export interface EntryFields {
  question: string;
  alternatives: string[];
  answer: string;
  /** Absolute URL of an indexed page, optionally with a fragment. */
  source: string;
  contact: string;
  /** YYYY-MM-DD or empty. */
  validUntil: string;
  easyLanguage: string;
}

export interface EditorUser {
  name: string;
  role: Role;
  salt: string;
  hash: string;
  createdAt: string;
}

export interface EntryVersion extends EntryFields {
  entryId: number;
  version: number;
  author: string;
  at: string;
}

export type DraftState = 'draft' | 'pending' | 'rejected';

export interface Entry {
  id: number;
  /** The version being worked on or awaiting review; null when there is none. */
  draftVersion: number | null;
  draftState: DraftState | null;
  /** The version citizens get; null when the entry is not (or no longer) live. */
  liveVersion: number | null;
  topic: string | null;
  createdAt: string;
  updatedAt: string;
}

export type EntryAction = 'saved' | 'submitted' | 'released' | 'rejected' | 'withdrawn';

export interface EntryEvent {
  id: number;
  entryId: number;
  version: number;
  action: EntryAction;
  user: string;
  comment: string | null;
  at: string;
}

export interface TopicState {
  topic: string;
  done: boolean;
  assignee: string | null;
  user: string;
  at: string;
}

export interface EditorSession {
  idHash: string;
  user: string;
  csrf: string;
  expiresAt: string;
}

/**
 * Tables of the editors' console, in the same SQLite file (or D1 database) as feedback and the
 * query log. Versions and events are only ever added: the history is the table itself.
 */
export const EDITOR_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS editor_users (name TEXT PRIMARY KEY, role TEXT NOT NULL CHECK (role IN ('editor', 'reviewer')), salt TEXT NOT NULL, hash TEXT NOT NULL, created_at TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS editor_sessions (id_hash TEXT PRIMARY KEY, user_name TEXT NOT NULL, csrf TEXT NOT NULL, expires_at TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS editor_login_failures (id INTEGER PRIMARY KEY, key TEXT NOT NULL, at TEXT NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS editor_login_failures_key ON editor_login_failures (key, at)`,
  `CREATE TABLE IF NOT EXISTS editor_entries (id INTEGER PRIMARY KEY, draft_version INTEGER, draft_state TEXT, live_version INTEGER, topic TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS editor_versions (entry_id INTEGER NOT NULL, version INTEGER NOT NULL, question TEXT NOT NULL, alternatives TEXT NOT NULL, answer TEXT NOT NULL, source TEXT NOT NULL, contact TEXT NOT NULL, valid_until TEXT NOT NULL, easy_language TEXT NOT NULL, author TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (entry_id, version))`,
  `CREATE TABLE IF NOT EXISTS editor_events (id INTEGER PRIMARY KEY, entry_id INTEGER NOT NULL, version INTEGER NOT NULL, action TEXT NOT NULL, user_name TEXT NOT NULL, comment TEXT, at TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS editor_topics (topic TEXT PRIMARY KEY, done INTEGER NOT NULL, assignee TEXT, user_name TEXT NOT NULL, at TEXT NOT NULL)`,
];

type VersionRow = { entry_id: number; version: number; question: string; alternatives: string; answer: string; source: string; contact: string; valid_until: string; easy_language: string; author: string; at: string };
type EntryRow = { id: number; draft_version: number | null; draft_state: DraftState | null; live_version: number | null; topic: string | null; created_at: string; updated_at: string };
type EventRow = { id: number; entry_id: number; version: number; action: EntryAction; user_name: string; comment: string | null; at: string };

const fromVersion = (r: VersionRow): EntryVersion => ({
  entryId: r.entry_id, version: r.version, question: r.question, alternatives: JSON.parse(r.alternatives) as string[], answer: r.answer, source: r.source,
  contact: r.contact, validUntil: r.valid_until, easyLanguage: r.easy_language, author: r.author, at: r.at,
});
const fromEntry = (r: EntryRow): Entry => ({
  id: r.id, draftVersion: r.draft_version, draftState: r.draft_state, liveVersion: r.live_version, topic: r.topic, createdAt: r.created_at, updatedAt: r.updated_at,
});
const fromEvent = (r: EventRow): EntryEvent => ({ id: r.id, entryId: r.entry_id, version: r.version, action: r.action, user: r.user_name, comment: r.comment, at: r.at });

/** Plain storage of accounts, sessions, entries and their history; the rules are in workflow.ts. */
export function createEditorStore(sql: Sql) {
  let ready: Promise<void> | undefined;
  const schema = () =>
    (ready ??= sql.batch(EDITOR_SCHEMA.map((s) => [s] as [string])).catch((error: unknown) => {
      ready = undefined;
      throw error;
    }));
  const all = async <T>(query: string, ...params: unknown[]) => {
    await schema();
    return sql.all<T>(query, ...params);
  };
  const run = async (query: string, ...params: unknown[]) => {
    await schema();
    return sql.run(query, ...params);
  };

  return {
    async countUsers(): Promise<number> {
      return (await all<{ n: number }>('SELECT COUNT(*) AS n FROM editor_users'))[0]!.n;
    },
    async addUser(user: EditorUser): Promise<boolean> {
      const r = await run('INSERT OR IGNORE INTO editor_users (name, role, salt, hash, created_at) VALUES (?, ?, ?, ?, ?)', user.name, user.role, user.salt, user.hash, user.createdAt);
      return r.changes === 1;
    },
    async getUser(name: string): Promise<EditorUser | null> {
      const [r] = await all<{ name: string; role: Role; salt: string; hash: string; created_at: string }>('SELECT name, role, salt, hash, created_at FROM editor_users WHERE name = ?', name);
      return r ? { name: r.name, role: r.role, salt: r.salt, hash: r.hash, createdAt: r.created_at } : null;
    },
    async listUsers(): Promise<Array<Pick<EditorUser, 'name' | 'role' | 'createdAt'>>> {
      return (await all<{ name: string; role: Role; created_at: string }>('SELECT name, role, created_at FROM editor_users ORDER BY name')).map((r) => ({ name: r.name, role: r.role, createdAt: r.created_at }));
    },
    /** Removes the account and ends its sessions; what the person did stays in the history. */
    async removeUser(name: string): Promise<boolean> {
      await schema();
      const r = await sql.run('DELETE FROM editor_users WHERE name = ?', name);
      await sql.run('DELETE FROM editor_sessions WHERE user_name = ?', name);
      return r.changes === 1;
    },
    /** A new password ends every session of the account. */
    async setPassword(name: string, salt: string, hash: string): Promise<boolean> {
      const r = await run('UPDATE editor_users SET salt = ?, hash = ? WHERE name = ?', salt, hash, name);
      await sql.run('DELETE FROM editor_sessions WHERE user_name = ?', name);
      return r.changes === 1;
    },

    async addSession(s: EditorSession): Promise<void> {
      await run('DELETE FROM editor_sessions WHERE expires_at < ?', new Date().toISOString());
      await sql.run('INSERT INTO editor_sessions (id_hash, user_name, csrf, expires_at) VALUES (?, ?, ?, ?)', s.idHash, s.user, s.csrf, s.expiresAt);
    },
    async getSession(idHash: string): Promise<EditorSession | null> {
      const [r] = await all<{ id_hash: string; user_name: string; csrf: string; expires_at: string }>('SELECT id_hash, user_name, csrf, expires_at FROM editor_sessions WHERE id_hash = ?', idHash);
      return r ? { idHash: r.id_hash, user: r.user_name, csrf: r.csrf, expiresAt: r.expires_at } : null;
    },
    async removeSession(idHash: string): Promise<void> {
      await run('DELETE FROM editor_sessions WHERE id_hash = ?', idHash);
    },

    async addLoginFailure(key: string, at: string): Promise<void> {
      await run('INSERT INTO editor_login_failures (key, at) VALUES (?, ?)', key, at);
    },
    async countLoginFailures(key: string, sinceIso: string): Promise<number> {
      await run('DELETE FROM editor_login_failures WHERE at < ?', new Date(Date.now() - 86_400_000).toISOString());
      return (await all<{ n: number }>('SELECT COUNT(*) AS n FROM editor_login_failures WHERE key = ? AND at >= ?', key, sinceIso))[0]!.n;
    },
    async clearLoginFailures(key: string): Promise<void> {
      await run('DELETE FROM editor_login_failures WHERE key = ?', key);
    },

    async createEntry(topic: string | null, at: string): Promise<number> {
      return (await run('INSERT INTO editor_entries (draft_version, draft_state, live_version, topic, created_at, updated_at) VALUES (NULL, NULL, NULL, ?, ?, ?)', topic, at, at)).lastId;
    },
    async getEntry(id: number): Promise<Entry | null> {
      const [r] = await all<EntryRow>('SELECT * FROM editor_entries WHERE id = ?', id);
      return r ? fromEntry(r) : null;
    },
    async listEntries(): Promise<Entry[]> {
      return (await all<EntryRow>('SELECT * FROM editor_entries ORDER BY updated_at DESC, id DESC')).map(fromEntry);
    },
    /**
     * Sets the entry's state only if it is still as `expected` says (another editor may have
     * acted meanwhile); returns whether it was.
     */
    async updateEntry(id: number, expected: Pick<Entry, 'draftVersion' | 'draftState' | 'liveVersion'>, next: Pick<Entry, 'draftVersion' | 'draftState' | 'liveVersion'>, at: string): Promise<boolean> {
      const r = await run(
        'UPDATE editor_entries SET draft_version = ?, draft_state = ?, live_version = ?, updated_at = ? WHERE id = ? AND draft_version IS ? AND draft_state IS ? AND live_version IS ?',
        next.draftVersion, next.draftState, next.liveVersion, at, id, expected.draftVersion, expected.draftState, expected.liveVersion,
      );
      return r.changes === 1;
    },
    async addVersion(v: EntryVersion): Promise<void> {
      await run(
        'INSERT INTO editor_versions (entry_id, version, question, alternatives, answer, source, contact, valid_until, easy_language, author, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        v.entryId, v.version, v.question, JSON.stringify(v.alternatives), v.answer, v.source, v.contact, v.validUntil, v.easyLanguage, v.author, v.at,
      );
    },
    async versions(entryId: number): Promise<EntryVersion[]> {
      return (await all<VersionRow>('SELECT * FROM editor_versions WHERE entry_id = ? ORDER BY version', entryId)).map(fromVersion);
    },
    async getVersion(entryId: number, version: number): Promise<EntryVersion | null> {
      const [r] = await all<VersionRow>('SELECT * FROM editor_versions WHERE entry_id = ? AND version = ?', entryId, version);
      return r ? fromVersion(r) : null;
    },
    /** The live version of every live entry. */
    async liveVersions(): Promise<EntryVersion[]> {
      return (await all<VersionRow>('SELECT v.* FROM editor_versions v JOIN editor_entries e ON e.id = v.entry_id AND e.live_version = v.version ORDER BY v.entry_id')).map(fromVersion);
    },
    async addEvent(e: Omit<EntryEvent, 'id'>): Promise<void> {
      await run('INSERT INTO editor_events (entry_id, version, action, user_name, comment, at) VALUES (?, ?, ?, ?, ?, ?)', e.entryId, e.version, e.action, e.user, e.comment, e.at);
    },
    async events(entryId?: number): Promise<EntryEvent[]> {
      const rows = entryId === undefined
        ? await all<EventRow>('SELECT * FROM editor_events ORDER BY id DESC LIMIT 500')
        : await all<EventRow>('SELECT * FROM editor_events WHERE entry_id = ? ORDER BY id', entryId);
      return rows.map(fromEvent);
    },
    /** Grows with every change to any entry: what every process polls to see a release. */
    async revision(): Promise<number> {
      return (await all<{ n: number | null }>('SELECT MAX(id) AS n FROM editor_events'))[0]!.n ?? 0;
    },

    async setTopic(t: TopicState): Promise<void> {
      await run('INSERT INTO editor_topics (topic, done, assignee, user_name, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (topic) DO UPDATE SET done = excluded.done, assignee = excluded.assignee, user_name = excluded.user_name, at = excluded.at', t.topic, Number(t.done), t.assignee, t.user, t.at);
    },
    async topics(): Promise<TopicState[]> {
      return (await all<{ topic: string; done: number; assignee: string | null; user_name: string; at: string }>('SELECT * FROM editor_topics')).map((r) => ({ topic: r.topic, done: r.done === 1, assignee: r.assignee, user: r.user_name, at: r.at }));
    },
  };
}

export type EditorStore = ReturnType<typeof createEditorStore>;
