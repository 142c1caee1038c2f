import type { EditorStore, EditorUser, Role } from './editor-store.js';

/** Password hashing is the runtime's (scrypt from node:crypto on Node: node/password-scrypt.ts). */
export interface PasswordHasher {
  hash(password: string): Promise<{ salt: string; hash: string }>;
  verify(password: string, salt: string, hash: string): Promise<boolean>;
}

export const MIN_PASSWORD_LENGTH = 10;
/** Failed logins are counted over this window; after the limit, logins wait until it has passed. */
export const LOGIN_WINDOW_MINUTES = 15;
/** A client (an office behind one address) may fail more often than one account. */
const CLIENT_FACTOR = 4;

export interface SignedIn {
  user: Pick<EditorUser, 'name' | 'role'>;
  csrf: string;
  idHash: string;
}

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
const randomToken = () => hex(crypto.getRandomValues(new Uint8Array(32)));
/** Session ids are kept hashed: a copy of the database does not let anyone sign in. */
export const hashToken = async (token: string) => hex(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token))));

export function createEditorAuth(store: EditorStore, passwords: PasswordHasher, options: { sessionMinutes: number; maxLoginFailures: number }) {
  // Unknown names cost a hash too, so response times do not tell which accounts exist.
  let dummy: Promise<{ salt: string; hash: string }> | undefined;
  return {
    async login(name: string, password: string, clientKey: string | null): Promise<{ ok: true; sessionId: string; signedIn: SignedIn } | { ok: false; status: 401 | 429; message: string }> {
      const since = new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60_000).toISOString();
      const accountKey = `account:${name.toLowerCase()}`;
      const clientKeyed = clientKey ? `client:${clientKey}` : null;
      const [forAccount, forClient] = await Promise.all([store.countLoginFailures(accountKey, since), clientKeyed ? store.countLoginFailures(clientKeyed, since) : 0]);
      if (options.maxLoginFailures > 0 && (forAccount >= options.maxLoginFailures || forClient >= options.maxLoginFailures * CLIENT_FACTOR)) {
        return { ok: false, status: 429, message: `Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie ${LOGIN_WINDOW_MINUTES} Minuten und versuchen Sie es dann erneut, oder lassen Sie Ihr Passwort zurücksetzen.` };
      }
      const user = await store.getUser(name);
      let valid = false;
      if (user) valid = await passwords.verify(password, user.salt, user.hash);
      else {
        const d = await (dummy ??= passwords.hash('kein Konto'));
        await passwords.verify(password, d.salt, d.hash);
      }
      if (!user || !valid) {
        const at = new Date().toISOString();
        await store.addLoginFailure(accountKey, at);
        if (clientKeyed) await store.addLoginFailure(clientKeyed, at);
        return { ok: false, status: 401, message: 'Benutzername oder Passwort ist falsch. Bitte prüfen Sie Ihre Eingabe.' };
      }
      await store.clearLoginFailures(accountKey);
      const sessionId = randomToken();
      const idHash = await hashToken(sessionId);
      const csrf = randomToken();
      await store.addSession({ idHash, user: user.name, csrf, expiresAt: new Date(Date.now() + options.sessionMinutes * 60_000).toISOString() });
      return { ok: true, sessionId, signedIn: { user: { name: user.name, role: user.role }, csrf, idHash } };
    },
    /** The signed-in person, or why not: no or unknown session, or an expired one. */
    async session(sessionId: string | undefined): Promise<SignedIn | 'none' | 'expired'> {
      if (!sessionId || !/^[0-9a-f]{64}$/.test(sessionId)) return 'none';
      const idHash = await hashToken(sessionId);
      const session = await store.getSession(idHash);
      if (!session) return 'none';
      if (session.expiresAt < new Date().toISOString()) {
        await store.removeSession(idHash);
        return 'expired';
      }
      const user = await store.getUser(session.user);
      if (!user) return 'none';
      return { user: { name: user.name, role: user.role }, csrf: session.csrf, idHash };
    },
    logout: (idHash: string) => store.removeSession(idHash),
  };
}

export type EditorAuth = ReturnType<typeof createEditorAuth>;

/** Checks a new account's name, role and password; German messages for the CLI. */
export function accountProblem(name: string, role: string | undefined, password: string | undefined): string | null {
  if (!/^[\p{L}\p{N}._-]{2,64}$/u.test(name)) return 'Der Benutzername darf nur Buchstaben, Ziffern, Punkt, Binde- und Unterstrich enthalten (2 bis 64 Zeichen).';
  if (role !== undefined && !isRole(role)) return `Die Rolle muss „editor“ oder „reviewer“ sein, nicht „${role}“.`;
  if (password !== undefined && [...password].length < MIN_PASSWORD_LENGTH) return `Das Passwort muss mindestens ${MIN_PASSWORD_LENGTH} Zeichen lang sein.`;
  return null;
}

export function isRole(role: string): role is Role {
  return role === 'editor' || role === 'reviewer';
}
