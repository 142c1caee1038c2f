import { createHashedNgramEmbedder, resolveSettings } from '@auskunft/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, serverSettings, type ServerSettings } from '../src/index.js';
import { createEditorStore, type EditorStore } from '../src/editor/editor-store.js';
import { createEditorOverlay, type EditorOverlay } from '../src/editor/overlay.js';
import { createScryptHasher } from '../src/node/password-scrypt.js';
import { openIndexOnDisk } from '../src/node/open-index.js';
import { sqliteSql } from '../src/node/editor-sqlite.js';
import { createSqliteStore } from '../src/store/sqlite.js';
import { buildDemoIndex } from './demo-index.js';

/** The console driven over HTTP as a browser would: cookies, forms, redirects. */
const QUESTION = 'Wer bezahlt meinen Assistenzhund?';
let demo: Awaited<ReturnType<typeof buildDemoIndex>>;
let editorStore: EditorStore;
let overlay: EditorOverlay;
let app: ReturnType<typeof createApp>;
let sql: ReturnType<typeof sqliteSql>;
let source: string;
const settings: ServerSettings = { ...resolveSettings(serverSettings), logEnabled: false, chatRateLimit: 0, searchRateLimit: 0, editorMaxLoginFailures: 3 };
const passwords = createScryptHasher();

async function addUser(name: string, role: 'editor' | 'reviewer', password = 'ein langes Passwort') {
  await editorStore.addUser({ name, role, ...(await passwords.hash(password)), createdAt: new Date().toISOString() });
}

/** One browser: keeps the session cookie, reads the CSRF token off the last page. */
function browser(address = '192.0.2.10') {
  let cookie = '';
  let csrf = '';
  const request = async (path: string, init: { method?: string; form?: Record<string, string> } = {}) => {
    const res = await app.request(path, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      headers: { ...(cookie ? { cookie } : {}), ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), 'x-forwarded-for': address },
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!.endsWith('=') ? '' : set.split(';')[0]!;
    const text = await res.text();
    csrf = /name="csrf" value="([0-9a-f]+)"/.exec(text)?.[1] ?? csrf;
    return { status: res.status, text, location: res.headers.get('location'), setCookie: set, headers: res.headers };
  };
  return {
    request,
    get csrf() {
      return csrf;
    },
    async login(name: string, password = 'ein langes Passwort') {
      return request('/editor/anmelden', { form: { name, password } });
    },
    post: (path: string, form: Record<string, string>) => request(path, { form: { csrf, ...form } }),
    expireCookie: () => void (cookie = cookie.replace(/=.*/, '=' + '0'.repeat(64))),
    get cookie() {
      return cookie;
    },
    set cookie(value: string) {
      cookie = value;
    },
  };
}

async function ask(question: string) {
  const res = await app.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ message: question }) });
  const text = await res.text();
  const done = JSON.parse(/event: done\ndata: (.*)\n/.exec(text)![1]!);
  return { answer: { ...done, text: done.answer }, setCookie: res.headers.get('set-cookie') };
}

const entry = (overrides: Record<string, string> = {}) => ({
  question: QUESTION,
  alternatives: 'Gibt es Zuschüsse für einen Assistenzhund?\nAssistenzhund Kosten Übernahme',
  answer: 'Die Kosten für einen **Assistenzhund** übernimmt das Inklusionsamt nicht. Zuständig ist meist die Krankenkasse oder der Rentenversicherungsträger; wir beraten Sie gern zum Antrag.',
  source,
  contact: 'Frau Beispiel, Telefon 0221 555-123',
  validUntil: '',
  easyLanguage: '',
  ...overrides,
});

beforeAll(async () => {
  demo = await buildDemoIndex();
  sql = sqliteSql(':memory:');
  editorStore = createEditorStore(sql);
  overlay = createEditorOverlay(editorStore, { intervalMs: 1000 });
  const { index, retriever } = await openIndexOnDisk({ ...settings, indexDir: demo.outDir }, createHashedNgramEmbedder(), overlay);
  source = new URL('/inklusionsamt/begleitende-hilfe/', index.manifest.source.startUrls[0]).toString();
  app = createApp({ retriever, manifest: index.manifest, passages: index.passages, settings, store: createSqliteStore(':memory:'), editor: { store: editorStore, passwords, overlay }, clientAddress: () => '192.0.2.1' });
});

afterAll(async () => {
  sql.close();
  await demo.close();
});

describe('editors\' console', () => {
  it('is off until an account exists', async () => {
    const res = await browser().request('/editor/');
    expect(res.status).toBe(404);
    expect(res.text).toContain('npx auskunft editor add-user');
    await addUser('anna', 'editor');
    await addUser('bernd', 'editor');
    await addUser('petra', 'reviewer');
    expect((await browser().request('/editor/')).location).toBe('/editor/anmelden');
  });

  it('shows a labelled login form and says clearly when the password is wrong', async () => {
    const b = browser('192.0.2.20');
    const form = await b.request('/editor/anmelden');
    expect(form.text).toMatch(/<label for="name">Benutzername<\/label>/);
    expect(form.text).toMatch(/<label for="password">Passwort<\/label>/);
    expect(form.text).toContain('>Anmelden</button>');
    expect(form.headers.get('content-security-policy')).toContain("default-src 'none'");
    const wrong = await b.login('anna', 'falsches Passwort');
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('Benutzername oder Passwort ist falsch');
    expect(wrong.text).toContain('aria-describedby="meldung"');
    expect(wrong.text).toContain('value="anna"');
    expect(wrong.setCookie).toBeNull();
  });

  it('limits failed logins per account, also with the right password afterwards', async () => {
    await addUser('carla', 'editor');
    const b = browser('192.0.2.30');
    for (let i = 0; i < 3; i++) expect((await b.login('carla', `falsch ${i}`)).status).toBe(401);
    const locked = await b.login('carla');
    expect(locked.status).toBe(429);
    expect(locked.text).toContain('Zu viele fehlgeschlagene Anmeldeversuche');
  });

  it('sets a session cookie only for /editor/, HttpOnly and SameSite=Strict', async () => {
    const b = browser();
    const res = await b.login('anna');
    expect(res.status).toBe(303);
    expect(res.setCookie).toMatch(/Path=\/editor\//);
    expect(res.setCookie).toMatch(/HttpOnly/);
    expect(res.setCookie).toMatch(/SameSite=Strict/);
    expect(res.setCookie).not.toMatch(/Secure/);
    const https = await app.request('https://auskunft.example/editor/anmelden', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=anna&password=ein+langes+Passwort' });
    expect(https.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('refuses a change without the CSRF token and keeps what was typed', async () => {
    const b = browser();
    await b.login('anna');
    const res = await b.request('/editor/eintrag', { form: { ...entry(), action: 'speichern' } });
    expect(res.status).toBe(403);
    expect(res.text).toContain('Sicherheitsprüfung fehlgeschlagen');
    expect(res.text).toContain('Die Kosten für einen **Assistenzhund**');
    expect(await editorStore.listEntries()).toHaveLength(0);
  });

  it('rejects a source outside the site, an over-long answer and a date in the past, field by field, losing nothing', async () => {
    const b = browser();
    await b.login('anna');
    await b.request('/editor/eintrag/neu');
    const long = 'Sehr lange Antwort. '.repeat(200);
    const res = await b.post('/editor/eintrag', { ...entry({ source: 'https://www.example.org/fremd/', answer: long, validUntil: '2020-01-31' }), action: 'vorlegen' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Die Quelle muss eine Seite dieser Website sein');
    expect(res.text).toMatch(/Die Antwort ist zu lang \(\d+ Zeichen, höchstens 3000\)/);
    expect(res.text).toContain('liegt in der Vergangenheit');
    expect(res.text).toContain('aria-describedby="source-hinweis source-fehler"');
    expect(res.text).toContain(long.trim());
    expect(await editorStore.listEntries()).toHaveLength(0);
  });

  it('asks to sign in again after the session expired, showing the typed text', async () => {
    const b = browser();
    await b.login('anna');
    await b.request('/editor/eintrag/neu');
    await sql.run('UPDATE editor_sessions SET expires_at = ?', new Date(Date.now() - 1000).toISOString());
    const res = await b.post('/editor/eintrag', { ...entry(), action: 'speichern' });
    expect(res.status).toBe(401);
    expect(res.text).toContain('Ihre Sitzung ist abgelaufen; nichts wurde gespeichert');
    expect(res.text).toContain('Frau Beispiel, Telefon 0221 555-123');
    expect(await editorStore.listEntries()).toHaveLength(0);
    // A made-up session id is just "not signed in".
    b.expireCookie();
    expect((await b.post('/editor/eintrag', { ...entry(), action: 'speichern' })).text).toContain('Bitte melden Sie sich an');
  });

  it('walks the loop: write, preview, submit, four eyes, release, answer, withdraw, history', async () => {
    expect((await ask(QUESTION)).answer.confident).toBe(false);

    const anna = browser();
    await anna.login('anna');
    await anna.request('/editor/eintrag/neu');
    const search = await anna.post('/editor/eintrag', { ...entry({ source: '' }), sourceQuery: 'Begleitende Hilfe', action: 'quelle' });
    expect(search.text).toContain(`name="pick" value="${source}"`);
    const picked = await anna.post('/editor/eintrag', { ...entry({ source: '' }), pick: source });
    expect(picked.text).toContain(`value="${source}"`);
    const preview = await anna.post('/editor/eintrag', { ...entry(), action: 'vorschau' });
    expect(preview.text).toContain('So würde der Assistent jetzt antworten');
    expect(preview.text).toContain('Antwort aus einem Redaktionseintrag');
    expect((await ask(QUESTION)).answer.confident).toBe(false);

    const submitted = await anna.post('/editor/eintrag', { ...entry(), action: 'vorlegen' });
    expect(submitted.status).toBe(303);
    const id = Number(/eintrag\/(\d+)/.exec(submitted.location!)![1]);

    const bernd = browser();
    await bernd.login('bernd');
    await bernd.request(`/editor/eintrag/${id}`);
    const notReviewer = await bernd.post(`/editor/eintrag/${id}/entscheidung`, { action: 'freigeben', comment: '' });
    expect(notReviewer.status).toBe(403);
    expect(notReviewer.text).toContain('Rolle „Prüfer“');

    await addUser('rita', 'reviewer');
    const rita = browser();
    await rita.login('rita');
    const reviewPage = await rita.request(`/editor/eintrag/${id}`);
    expect(reviewPage.text).toContain('Neuer Eintrag, noch keine freigegebene Fassung');
    const released = await rita.post(`/editor/eintrag/${id}/entscheidung`, { action: 'freigeben', comment: 'Geprüft' });
    expect(released.status).toBe(303);

    const { answer, setCookie } = await ask(QUESTION);
    expect(answer.confident).toBe(true);
    expect(answer.generated).toBe('faq');
    expect(answer.text).toContain('Die Kosten für einen Assistenzhund übernimmt das Inklusionsamt nicht.');
    expect(answer.sources[0].url).toBe(source);
    expect(setCookie).toBeNull();
    expect((await ask('Gibt es Zuschüsse für einen Assistenzhund?')).answer.generated).toBe('faq');

    const withdrawn = await rita.post(`/editor/eintrag/${id}/entscheidung`, { action: 'zurueckziehen', comment: 'Rechtslage ändert sich' });
    expect(withdrawn.status).toBe(303);
    expect((await ask(QUESTION)).answer.confident).toBe(false);

    const history = await rita.request('/editor/verlauf');
    for (const step of ['anna</td><td>gespeichert', 'anna</td><td>zur Freigabe vorgelegt', 'rita</td><td>freigegeben', 'rita</td><td>zurückgezogen']) expect(history.text).toContain(step);
    const page = await rita.request(`/editor/eintrag/${id}`);
    expect(page.text).toContain('Rechtslage ändert sich');
    expect(page.text).toContain('Die Kosten für einen **Assistenzhund**');
  });

  it('does not let a reviewer release a draft they wrote', async () => {
    const petra = browser();
    await petra.login('petra');
    await petra.request('/editor/eintrag/neu');
    const res = await petra.post('/editor/eintrag', { ...entry({ question: 'Zahlt das Inklusionsamt einen Blindenführhund?' }), action: 'vorlegen' });
    const id = Number(/eintrag\/(\d+)/.exec(res.location!)![1]);
    await petra.request(`/editor/eintrag/${id}`);
    const own = await petra.post(`/editor/eintrag/${id}/entscheidung`, { action: 'freigeben', comment: '' });
    expect(own.status).toBe(403);
    expect(own.text).toContain('Vier-Augen-Prinzip');
    expect((await editorStore.getEntry(id))!.liveVersion).toBeNull();
  });

  it('marks a topic done, assigns it, and keeps declined questions with their feedback comment in the overview', async () => {
    await ask('Wie beantrage ich Elterngeld?');
    await app.request('/api/feedback', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rating: 'down', comment: 'Ich finde das Formular nicht', question: 'Wie beantrage ich Elterngeld?', answer: 'Dazu habe ich keine verlässliche Antwort gefunden.', sources: [] }) });
    const anna = browser();
    await anna.login('anna');
    const overview = await anna.request('/editor/');
    expect(overview.text).toContain('Wie beantrage ich Elterngeld?');
    expect(overview.text).toContain('Kommentar: „Ich finde das Formular nicht“');
    const key = /name="topic" value="(wie beantrage ich elterngeld\?)"/.exec(overview.text)![1]!;
    expect((await anna.post('/editor/themen', { topic: key, action: 'assign', assignee: 'bernd' })).status).toBe(303);
    expect((await anna.request('/editor/')).text).toContain('zugewiesen an bernd');
    expect((await anna.post('/editor/themen', { topic: key, action: 'assign', assignee: 'niemand-da' })).text).toContain('Es gibt kein Konto „niemand-da“');
    expect((await anna.post('/editor/themen', { topic: key, action: 'done' })).status).toBe(303);
    const after = await anna.request('/editor/');
    expect(after.text).toMatch(/<h2>Erledigt<\/h2>[\s\S]*Wie beantrage ich Elterngeld\?/);
    expect(after.text).toContain('erledigt von anna');
  });

  it('answers bad routes and parameters with German messages', async () => {
    const anna = browser();
    await anna.login('anna');
    expect((await anna.request('/editor/?days=abc')).text).toContain('Der Zeitraum muss eine ganze Zahl');
    const missing = await anna.request('/editor/eintrag/99999');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('Den Eintrag 99999 gibt es nicht');
    await anna.request('/editor/eintrag/neu');
    expect((await anna.post('/editor/themen', { action: 'löschen' })).text).toContain('Thema oder Aktion fehlen');
    expect((await anna.post('/editor/eintrag', { ...entry({ question: '' }), action: 'vorschau' })).text).toContain('Für die Vorschau braucht es die Frage');
    expect((await anna.post('/editor/eintrag', { ...entry({ source: '' }), sourceQuery: '', action: 'quelle' })).text).toContain('Bitte geben Sie Suchwörter für die Quelle ein');
    const foreign = await app.request('/editor/anmelden', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://boese.example', 'sec-fetch-site': 'cross-site' }, body: 'name=anna&password=x' });
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toContain('kam nicht von der Redaktionskonsole');
  });

  it('ends the session on logout', async () => {
    const anna = browser();
    await anna.login('anna');
    await anna.request('/editor/');
    const before = anna.cookie;
    const out = await anna.post('/editor/abmelden', {});
    expect(out.location).toBe('/editor/anmelden?grund=abgemeldet');
    // The old cookie, sent again, opens nothing: the session is gone on the server.
    anna.cookie = before;
    expect((await anna.request('/editor/')).location).toBe('/editor/anmelden');
  });
});
