import type { Passage } from '@auskunft/core';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AnswerContext } from '../answer/answer-question.js';
import { streamAnswer } from '../answer/answer-question.js';
import type { Answer } from '../answer/answer.js';
import { createEditorAuth, type PasswordHasher, type SignedIn } from '../editor/auth.js';
import { CONSOLE_CSS } from '../editor/console-css.js';
import { entriesPage, entryForm, entryPage, historyPage, layout, loginPage, overviewPage, previewBody, problemPage, type EntryFormView, type TopicView } from '../editor/console-pages.js';
import { CONSOLE_SCRIPT } from '../editor/console-script.js';
import type { EditorStore, Entry, EntryFields } from '../editor/editor-store.js';
import { isExpired, readEntryForm, validateEntry } from '../editor/entry.js';
import type { EditorOverlay, OverlayRetriever } from '../editor/overlay.js';
import { reportUnanswered } from '../editor/unanswered.js';
import { createWorkflow, WorkflowError } from '../editor/workflow.js';
import { groupByPage } from '../retrieve/group.js';
import type { Retriever } from '../retrieve/retrieve.js';
import type { Store } from '../store/store.js';

export interface EditorConsoleOptions {
  editorStore: EditorStore;
  passwords: PasswordHasher;
  overlay: EditorOverlay;
  store: Store;
  retriever: Retriever;
  passages: readonly Passage[];
  /** What the chat needs to answer, for a retriever (the preview uses one with the draft). */
  answers: (retriever: Retriever) => AnswerContext;
  clientKey: (c: Context) => Promise<string | null>;
  trustProxy: boolean;
  sessionMinutes: number;
  maxLoginFailures: number;
  maxAnswerChars: number;
  retentionDays: number;
}

const COOKIE = 'auskunft_redaktion';
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
const FORM_LIMIT = 256 * 1024;
type Vars = { Variables: { signedIn: SignedIn } };

/**
 * The editors' console under /editor/: server-rendered German pages, no script, one stylesheet
 * from this origin. Off (404) until an account exists (`auskunft editor add-user`). The session
 * cookie is sent only to /editor/, so the citizens' API and widget never see one.
 */
export function editorConsoleRoute(o: EditorConsoleOptions) {
  const auth = createEditorAuth(o.editorStore, o.passwords, o);
  const workflow = createWorkflow(o.editorStore, () => o.overlay.refresh());
  const pages = new Set(o.passages.map((p) => p.url));
  const today = () => new Date().toISOString().slice(0, 10);
  const rules = () => ({ isIndexedPage: (url: string) => pages.has(url), maxAnswerChars: o.maxAnswerChars, today: today() });
  const secure = (c: Context) => new URL(c.req.url).protocol === 'https:' || (o.trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https');
  const page = (c: Context, body: ReturnType<typeof layout>, status: 200 | 400 | 401 | 403 | 404 | 409 | 413 | 429 = 200) => c.html(body, status);

  const app = new Hono<Vars>();
  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CSP);
    c.header('Cache-Control', 'no-store');
  });
  app.get('/console.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    return c.body(CONSOLE_CSS);
  });
  app.get('/console.js', (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    return c.body(CONSOLE_SCRIPT);
  });
  app.use('*', async (c, next) => {
    if ((await o.editorStore.countUsers()) === 0) {
      return page(c, problemPage(null, 'Redaktionskonsole ausgeschaltet', 'Die Redaktionskonsole ist aus, weil es noch kein Konto gibt. Ein Administrator legt eines an mit: npx auskunft editor add-user NAME --role editor'), 404);
    }
    await next();
  });
  app.use(
    '*',
    bodyLimit({ maxSize: FORM_LIMIT, onError: (c) => c.html(problemPage(null, 'Zu groß', `Das Formular ist zu groß (höchstens ${FORM_LIMIT / 1024} KB). Kürzen Sie die Texte; die Antwort darf höchstens ${o.maxAnswerChars} Zeichen haben.`), 413) }),
  );
  // A form from another site must not act in an editor's name; browsers send Origin with POSTs.
  app.use('*', async (c, next) => {
    if (c.req.method === 'POST') {
      // Pages are sent with "Referrer-Policy: no-referrer", so the browser's Origin is "null";
      // Sec-Fetch-Site then tells where the form came from.
      const origin = c.req.header('origin');
      const site = c.req.header('sec-fetch-site');
      const foreignOrigin = origin && origin !== 'null' && origin !== new URL(c.req.url).origin && !(o.trustProxy && origin.endsWith(`//${c.req.header('x-forwarded-host') ?? c.req.header('host')}`));
      if (foreignOrigin || site === 'cross-site' || site === 'same-site') {
        return page(c, problemPage(null, 'Nicht erlaubt', 'Dieses Formular kam nicht von der Redaktionskonsole und wurde nicht angenommen.'), 403);
      }
    }
    await next();
  });

  app.get('/anmelden', (c) => page(c, loginPage({ info: c.req.query('grund') === 'abgelaufen' ? 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.' : c.req.query('grund') === 'abgemeldet' ? 'Sie sind abgemeldet.' : null })));
  app.post('/anmelden', async (c) => {
    const form = await c.req.parseBody();
    const name = typeof form['name'] === 'string' ? form['name'].trim() : '';
    const password = typeof form['password'] === 'string' ? form['password'] : '';
    if (!name || !password) return page(c, loginPage({ error: 'Bitte geben Sie Benutzername und Passwort ein.', name }), 400);
    const result = await auth.login(name, password, await o.clientKey(c));
    if (!result.ok) return page(c, loginPage({ error: result.message, name }), result.status);
    setCookie(c, COOKIE, result.sessionId, { path: '/editor/', httpOnly: true, sameSite: 'Strict', secure: secure(c), maxAge: o.sessionMinutes * 60 });
    return c.redirect('/editor/', 303);
  });

  // Everything below needs a session, and every POST the session's CSRF token.
  app.use('*', async (c, next) => {
    const state = await auth.session(getCookie(c, COOKIE));
    if (typeof state === 'string') {
      if (state === 'expired') deleteCookie(c, COOKIE, { path: '/editor/' });
      if (c.req.method === 'POST') {
        const form = await c.req.parseBody();
        const kept = 'question' in form || 'answer' in form ? readEntryForm(form) : null;
        return page(c, loginPage({ error: state === 'expired' ? 'Ihre Sitzung ist abgelaufen; nichts wurde gespeichert. Bitte melden Sie sich erneut an. Ihre Eingaben stehen unten.' : 'Bitte melden Sie sich an; nichts wurde gespeichert.', kept }), 401);
      }
      return c.redirect(state === 'expired' ? '/editor/anmelden?grund=abgelaufen' : '/editor/anmelden', 303);
    }
    c.set('signedIn', state);
    if (c.req.method === 'POST') {
      const form = await c.req.parseBody();
      if (typeof form['csrf'] !== 'string' || !(await sameSecret(form['csrf'], state.csrf))) {
        const kept = 'question' in form || 'answer' in form ? readEntryForm(form) : null;
        return page(c, problemPage(state, 'Sicherheitsprüfung fehlgeschlagen', 'Das Formular war unvollständig oder veraltet (Sicherheitsprüfung fehlgeschlagen); nichts wurde gespeichert. Bitte öffnen Sie die Seite erneut und senden Sie es noch einmal. Ihre Eingaben stehen unten.', kept), 403);
      }
    }
    await next();
  });

  app.post('/abmelden', async (c) => {
    await auth.logout(c.get('signedIn').idHash);
    deleteCookie(c, COOKIE, { path: '/editor/' });
    return c.redirect('/editor/anmelden?grund=abgemeldet', 303);
  });

  const topicsFor = async (days: number): Promise<TopicView[]> => {
    const from = new Date(Date.now() - days * 86_400_000).toISOString();
    const [queries, feedback, states] = await Promise.all([o.store.listQueries(from), o.store.listFeedback(from), o.editorStore.topics()]);
    const groups = await reportUnanswered(queries, feedback, o.retriever);
    const week = new Date(Date.now() - 7 * 86_400_000).toISOString();
    const fortnight = new Date(Date.now() - 14 * 86_400_000).toISOString();
    return groups.map((g) => {
      const wordings = new Set(g.examples);
      const times = [...queries.filter((q) => wordings.has(q.query)).map((q) => q.at), ...feedback.filter((f) => f.rating === 'down' && wordings.has(f.question)).map((f) => f.at)];
      return {
        key: topicKey(g.representative),
        representative: g.representative,
        count: g.count,
        trend: { recent: times.filter((t) => t >= week).length, before: times.filter((t) => t < week && t >= fortnight).length },
        reasons: g.reasons,
        examples: g.examples,
        answers: feedback.filter((f) => wordings.has(f.question) && f.rating === 'down').slice(-5).map((f) => ({ answer: f.answer, sources: f.sources, comment: f.comment })),
        nearMiss: g.nearMiss,
        state: states.find((s) => s.topic === topicKey(g.representative)) ?? null,
      };
    });
  };

  app.get('/', (c) => c.redirect('/editor/', 308));
  // The overview lives at /editor/ (cookies are scoped to that path); a sub-app's "/" is "/editor".
  app.get('/*', async (c, next) => {
    if (c.req.path !== '/editor/') return next();
    const days = c.req.query('days') ? Number(c.req.query('days')) : o.retentionDays;
    if (!Number.isInteger(days) || days <= 0 || days > 3650) return page(c, problemPage(c.get('signedIn'), 'Ungültiger Zeitraum', 'Der Zeitraum muss eine ganze Zahl von Tagen zwischen 1 und 3650 sein.'), 400);
    const users = (await o.editorStore.listUsers()).map((u) => u.name);
    return page(c, overviewPage(c.get('signedIn'), await topicsFor(days), days, users, c.req.query('ok') ?? null));
  });
  app.post('/themen', async (c) => {
    const form = await c.req.parseBody();
    const topic = typeof form['topic'] === 'string' ? form['topic'] : '';
    const action = form['action'];
    const states = await o.editorStore.topics();
    const before = states.find((s) => s.topic === topic);
    const assignee = typeof form['assignee'] === 'string' && form['assignee'] ? form['assignee'] : null;
    if (!topic || (action !== 'done' && action !== 'reopen' && action !== 'assign')) return page(c, problemPage(c.get('signedIn'), 'Ungültige Eingabe', 'Thema oder Aktion fehlen. Bitte nutzen Sie die Knöpfe der Übersicht.'), 400);
    if (assignee && !(await o.editorStore.getUser(assignee))) return page(c, problemPage(c.get('signedIn'), 'Unbekannte Person', `Es gibt kein Konto „${assignee}“.`), 400);
    await o.editorStore.setTopic({
      topic,
      done: action === 'done' ? true : action === 'reopen' ? false : before?.done ?? false,
      assignee: action === 'assign' ? assignee : before?.assignee ?? null,
      user: c.get('signedIn').user.name,
      at: new Date().toISOString(),
    });
    return c.redirect(`/editor/?ok=${encodeURIComponent(action === 'assign' ? (assignee ? `Zugewiesen an ${assignee}.` : 'Zuweisung entfernt.') : action === 'done' ? 'Als erledigt markiert.' : 'Wieder geöffnet.')}`, 303);
  });

  const blankView = (fields: EntryFields, entryId: number | null, topic: string | null): EntryFormView => ({
    entryId, topic, fields, errors: {}, message: null, sourceQuery: '', sourceHits: null, preview: null, maxAnswerChars: o.maxAnswerChars,
  });

  app.get('/eintrag/neu', async (c) => {
    const topic = c.req.query('thema') ?? null;
    let fields: EntryFields = { question: '', alternatives: [], answer: '', source: '', contact: '', validUntil: '', easyLanguage: '' };
    if (topic) {
      const t = (await topicsFor(o.retentionDays)).find((x) => x.key === topic);
      if (t) fields = { ...fields, question: t.representative, alternatives: t.examples.filter((e) => e !== t.representative) };
    }
    const view = blankView(fields, null, topic);
    view.sourceQuery = fields.question;
    return page(c, layout('Neuer Eintrag', c.get('signedIn'), entryForm(c.get('signedIn'), view)));
  });

  const handleForm = async (c: Context<Vars>, entryId: number | null) => {
    const signedIn = c.get('signedIn');
    const form = await c.req.parseBody();
    const fields = readEntryForm(form);
    const topic = typeof form['topic'] === 'string' && form['topic'] ? form['topic'] : null;
    const action = typeof form['pick'] === 'string' ? 'pick' : String(form['action'] ?? 'speichern');
    const view = blankView(fields, entryId, topic);
    view.sourceQuery = typeof form['sourceQuery'] === 'string' ? form['sourceQuery'].trim() : '';
    const entry = entryId === null ? null : await o.editorStore.getEntry(entryId);
    if (entryId !== null && !entry) return page(c, problemPage(signedIn, 'Nicht gefunden', `Den Eintrag ${entryId} gibt es nicht.`, fields), 404);
    const render = async (status: 200 | 400 | 409 = 200) => {
      const body = entryForm(signedIn, view);
      if (!entry) return page(c, layout('Neuer Eintrag', signedIn, body), status);
      return page(c, entryPage(signedIn, entry, await o.editorStore.versions(entry.id), await o.editorStore.events(entry.id), body, null, today()), status);
    };

    if (action === 'pick') {
      fields.source = String(form['pick']);
      view.errors = pickErrors(validateEntry(fields, rules(), false), ['source']);
      return render(view.errors.source ? 400 : 200);
    }
    if (action === 'quelle') {
      if (!view.sourceQuery) {
        view.message = { kind: 'error', text: 'Bitte geben Sie Suchwörter für die Quelle ein.' };
        return render(400);
      }
      const retrieval = await o.retriever.retrieve(view.sourceQuery, 40);
      view.sourceHits = groupByPage(retrieval.passages).slice(0, 8).map((p) => ({ url: p.url, title: p.title }));
      return render();
    }
    if (action === 'vorschau') {
      view.errors = validateEntry(fields, rules(), false);
      if (!fields.question) view.errors.question = 'Für die Vorschau braucht es die Frage.';
      if (Object.keys(view.errors).length === 0) view.preview = await preview(fields);
      // The console script asks for the preview alone while the editor types.
      if (c.req.header('x-auskunft-preview') === '1') return c.html(previewBody(view));
      return render(Object.keys(view.errors).length ? 400 : 200);
    }
    if (action !== 'speichern' && action !== 'vorlegen') {
      view.message = { kind: 'error', text: 'Unbekannte Aktion. Bitte nutzen Sie die Knöpfe unter dem Formular.' };
      return render(400);
    }
    view.errors = validateEntry(fields, rules(), action === 'vorlegen');
    if (Object.keys(view.errors).length) return render(400);
    try {
      const saved = await workflow.save(signedIn.user, entryId, fields, topic);
      if (action === 'vorlegen') await workflow.submit(signedIn.user, saved.entryId);
      return c.redirect(`/editor/eintrag/${saved.entryId}?ok=${action === 'vorlegen' ? 'vorgelegt' : 'gespeichert'}`, 303);
    } catch (error) {
      if (!(error instanceof WorkflowError)) throw error;
      view.message = { kind: 'error', text: error.message };
      return render(409);
    }
  };
  const preview = async (fields: EntryFields): Promise<Answer | null> => {
    const draft = (o.retriever as Partial<OverlayRetriever>).withDraft;
    const retriever = draft ? await draft.call(o.retriever, fields) : o.retriever;
    let answer: Answer | null = null;
    for await (const event of streamAnswer(o.answers(retriever), fields.question, [])) if (event.type === 'done') answer = event.answer;
    return answer;
  };

  app.post('/eintrag', (c) => handleForm(c, null));
  app.post('/eintrag/:id{[0-9]+}', (c) => handleForm(c, Number(c.req.param('id'))));

  const OK: Record<string, string> = { gespeichert: 'Der Entwurf ist gespeichert.', vorgelegt: 'Der Entwurf liegt zur Freigabe vor. Eine Prüferin oder ein Prüfer muss ihn freigeben.', freigeben: 'Freigegeben: Der Assistent verwendet diese Antwort ab sofort.', zurueckweisen: 'Zurückgewiesen; die Autorin oder der Autor sieht Ihren Kommentar.', zurueckziehen: 'Zurückgezogen: Der Assistent verwendet diese Antwort nicht mehr.' };

  const showEntry = async (c: Context<Vars>, entry: Entry, message: { kind: 'error' | 'ok'; text: string } | null, status: 200 | 400 | 403 | 409 = 200) => {
    const signedIn = c.get('signedIn');
    const versions = await o.editorStore.versions(entry.id);
    const latest = versions.find((v) => v.version === (entry.draftVersion ?? entry.liveVersion)) ?? versions.at(-1);
    // A pending draft is the reviewers' to decide on; editing it again would withdraw it from review.
    const form = latest && entry.draftState !== 'pending' ? entryForm(signedIn, { ...blankView(latest, entry.id, entry.topic), message }) : null;
    return page(c, entryPage(signedIn, entry, versions, await o.editorStore.events(entry.id), form, message, today()), status);
  };
  app.get('/eintrag/:id{[0-9]+}', async (c) => {
    const entry = await o.editorStore.getEntry(Number(c.req.param('id')));
    if (!entry) return page(c, problemPage(c.get('signedIn'), 'Nicht gefunden', `Den Eintrag ${c.req.param('id')} gibt es nicht.`), 404);
    const ok = c.req.query('ok');
    return showEntry(c, entry, ok && OK[ok] ? { kind: 'ok', text: OK[ok] } : null);
  });
  app.post('/eintrag/:id{[0-9]+}/entscheidung', async (c) => {
    const signedIn = c.get('signedIn');
    const id = Number(c.req.param('id'));
    const form = await c.req.parseBody();
    const action = String(form['action'] ?? '');
    const comment = typeof form['comment'] === 'string' ? form['comment'].trim().slice(0, 2000) : '';
    const entry = await o.editorStore.getEntry(id);
    if (!entry) return page(c, problemPage(signedIn, 'Nicht gefunden', `Den Eintrag ${id} gibt es nicht.`), 404);
    try {
      if (action === 'freigeben') await workflow.release(signedIn.user, id, comment);
      else if (action === 'zurueckweisen') await workflow.reject(signedIn.user, id, comment);
      else if (action === 'zurueckziehen') await workflow.withdraw(signedIn.user, id, comment);
      else return showEntry(c, entry, { kind: 'error', text: 'Unbekannte Aktion.' }, 400);
    } catch (error) {
      if (!(error instanceof WorkflowError)) throw error;
      return showEntry(c, (await o.editorStore.getEntry(id))!, { kind: 'error', text: error.message }, 403);
    }
    return c.redirect(`/editor/eintrag/${id}?ok=${action}`, 303);
  });

  app.get('/eintraege', async (c) => {
    const entries = await o.editorStore.listEntries();
    const rows = await Promise.all(entries.map(async (entry) => {
      const versions = await o.editorStore.versions(entry.id);
      const live = versions.find((v) => v.version === entry.liveVersion);
      const latest = versions.find((v) => v.version === (entry.draftVersion ?? entry.liveVersion)) ?? versions.at(-1);
      const state = entry.draftState === 'pending' ? 'liegt zur Freigabe vor'
        : live ? (isExpired(live, today()) ? `abgelaufen am ${live.validUntil}` : 'freigegeben')
        : entry.draftState === 'rejected' ? 'zurückgewiesen'
        : entry.draftState === 'draft' ? 'Entwurf' : 'zurückgezogen';
      return { entry, question: latest?.question ?? `Eintrag ${entry.id}`, state };
    }));
    const files = o.passages.filter((p) => p.kind === 'faq' && p.origin === 'faq-file').map((p) => ({ question: p.section ?? p.title, url: p.url, validUntil: p.validUntil }));
    return page(c, entriesPage(c.get('signedIn'), rows, files));
  });
  app.get('/verlauf', async (c) => page(c, historyPage(c.get('signedIn'), await o.editorStore.events())));

  return app;
}

/** Topics are told apart by their representative wording, normalized. */
function topicKey(question: string): string {
  return question.toLocaleLowerCase('de-DE').replace(/\s+/g, ' ').trim().slice(0, 300);
}

function pickErrors<T extends object>(errors: T, keys: Array<keyof T>): T {
  return Object.fromEntries(Object.entries(errors).filter(([k]) => keys.includes(k as keyof T))) as T;
}

/** Compares digests, so the time taken says nothing about the token. */
async function sameSecret(a: string, b: string): Promise<boolean> {
  const digest = async (s: string) => new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s)));
  const [x, y] = await Promise.all([digest(a), digest(b)]);
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i]! ^ y[i]!;
  return diff === 0;
}

