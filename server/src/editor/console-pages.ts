import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Answer } from '../answer/answer.js';
import type { SignedIn } from './auth.js';
import type { Entry, EntryEvent, EntryFields, EntryVersion, TopicState } from './editor-store.js';
import type { FieldErrors, FieldName } from './entry.js';
import { lineDiff } from './line-diff.js';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const ROLE: Record<string, string> = { editor: 'Redaktion', reviewer: 'Prüfung' };
const ACTION: Record<string, string> = { saved: 'gespeichert', submitted: 'zur Freigabe vorgelegt', released: 'freigegeben', rejected: 'zurückgewiesen', withdrawn: 'zurückgezogen' };
const dateTime = (iso: string) => new Date(iso).toLocaleString('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'short' });

export function layout(title: string, signedIn: SignedIn | null, body: Html): Html {
  return html`<!doctype html>
<html lang="de">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} – Auskunft Redaktion</title><link rel="stylesheet" href="/editor/console.css"></head>
<body>
<a class="skip" href="#inhalt">Zum Inhalt springen</a>
<header>
  <p class="brand">Auskunft · Redaktion</p>
  ${signedIn
    ? html`<nav aria-label="Redaktion"><ul>
      <li><a href="/editor/">Was nicht beantwortet wurde</a></li>
      <li><a href="/editor/eintraege">Einträge</a></li>
      <li><a href="/editor/eintrag/neu">Neuer Eintrag</a></li>
      <li><a href="/editor/verlauf">Verlauf</a></li>
    </ul></nav>
    <form method="post" action="/editor/abmelden" class="logout"><input type="hidden" name="csrf" value="${signedIn.csrf}"><span>${signedIn.user.name} (${ROLE[signedIn.user.role]})</span> <button type="submit">Abmelden</button></form>`
    : ''}
</header>
<main id="inhalt" tabindex="-1">
<h1>${title}</h1>
${body}
</main>
</body>
</html>`;
}

export function messageBox(kind: 'error' | 'ok', text: string | null): Html {
  if (!text) return html``;
  return kind === 'error'
    ? html`<div class="message error" role="alert" id="meldung"><p>${text}</p></div>`
    : html`<div class="message ok" role="status" id="meldung"><p>${text}</p></div>`;
}

export function loginPage(options: { error?: string | null; info?: string | null; name?: string; kept?: EntryFields | null }): Html {
  const error = options.error ?? null;
  return layout('Anmelden', null, html`
${messageBox('error', error)}${messageBox('ok', options.info ?? null)}
<form method="post" action="/editor/anmelden" class="stack" novalidate>
  <p><label for="name">Benutzername</label>
  <input id="name" name="name" autocomplete="username" required value="${options.name ?? ''}" ${error ? raw('aria-describedby="meldung" aria-invalid="true"') : ''}></p>
  <p><label for="password">Passwort</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required ${error ? raw('aria-describedby="meldung" aria-invalid="true"') : ''}></p>
  <p><button type="submit">Anmelden</button></p>
</form>
${options.kept ? keptInput(options.kept) : ''}`);
}

/** Shown when a form could not be taken (expired session): what was typed, to copy. */
export function keptInput(fields: EntryFields): Html {
  return html`<section aria-labelledby="kept-title" class="kept"><h2 id="kept-title">Ihre Eingaben (nicht gespeichert)</h2>
<p>Nach der Anmeldung können Sie sie wieder einfügen.</p>
<dl>${(Object.keys(LABELS) as FieldName[]).map((k) => html`<dt>${LABELS[k]}</dt><dd><pre>${k === 'alternatives' ? fields.alternatives.join('\n') : fields[k]}</pre></dd>`)}</dl></section>`;
}

export interface TopicView {
  key: string;
  representative: string;
  count: number;
  trend: { recent: number; before: number };
  reasons: Record<'no_answer' | 'no_results' | 'negative_feedback', number>;
  examples: string[];
  answers: Array<{ answer: string; sources: string[]; comment: string | null }>;
  nearMiss: { title: string; url: string } | null;
  state: TopicState | null;
}

export function overviewPage(signedIn: SignedIn, topics: TopicView[], days: number, users: string[], notice: string | null): Html {
  const open = topics.filter((t) => !t.state?.done);
  const done = topics.filter((t) => t.state?.done);
  return layout('Was nicht beantwortet wurde', signedIn, html`
${messageBox('ok', notice)}
<form method="get" action="/editor/" class="inline"><p><label for="days">Zeitraum in Tagen</label> <input id="days" name="days" type="number" min="1" max="3650" value="${days}" inputmode="numeric"> <button type="submit">Anzeigen</button></p></form>
<p>Fragen der letzten ${days} Tage ohne verlässliche Antwort, ohne Treffer oder mit negativer Bewertung, nach Thema gruppiert. Persönliche Daten wurden vor dem Speichern entfernt. <a href="/editor/unanswered?format=csv&amp;days=${days}">Als CSV (mit Redaktions-Token)</a></p>
${open.length === 0 ? html`<p>Keine offenen Themen in diesem Zeitraum.</p>` : ''}
<ol class="topics">${open.map((t) => topicItem(signedIn, t, users))}</ol>
${done.length ? html`<h2>Erledigt</h2><ul class="topics">${done.map((t) => topicItem(signedIn, t, users))}</ul>` : ''}`);
}

function topicItem(signedIn: SignedIn, t: TopicView, users: string[]): Html {
  const id = `t-${hashId(t.key)}`;
  const trend = t.trend.recent > t.trend.before ? 'steigend' : t.trend.recent < t.trend.before ? 'fallend' : 'gleichbleibend';
  return html`<li class="topic"><article aria-labelledby="${id}">
<h2 id="${id}">${t.representative}</h2>
<p class="meta">${t.count}× gefragt · Tendenz ${trend} (letzte 7 Tage: ${t.trend.recent}, davor: ${t.trend.before}) · ${[
    t.reasons.no_answer ? `${t.reasons.no_answer}× keine Antwort` : '',
    t.reasons.no_results ? `${t.reasons.no_results}× keine Treffer` : '',
    t.reasons.negative_feedback ? `${t.reasons.negative_feedback}× negativ bewertet` : '',
  ].filter(Boolean).join(', ')}${t.state?.assignee ? ` · zugewiesen an ${t.state.assignee}` : ''}${t.state?.done ? ` · erledigt von ${t.state.user}` : ''}</p>
${t.examples.length > 1 ? html`<h3>So wurde gefragt</h3><ul>${t.examples.map((e) => html`<li>${e}</li>`)}</ul>` : ''}
${t.answers.length ? html`<h3>Was der Assistent geantwortet hat</h3><ul>${t.answers.map((a) => html`<li><p>${a.answer}</p>${a.sources.length ? html`<p>Quellen: ${a.sources.map((s, i) => html`${i ? ', ' : ''}<a href="${s}">${s}</a>`)}</p>` : ''}${a.comment ? html`<p>Kommentar: „${a.comment}“</p>` : ''}</li>`)}</ul>` : html`<p>Der Assistent hat keine verlässliche Antwort gegeben.</p>`}
<p>Nächste Seite: ${t.nearMiss ? html`<a href="${t.nearMiss.url}">${t.nearMiss.title}</a>` : 'keine'}</p>
<div class="actions">
  <a class="button" href="/editor/eintrag/neu?thema=${encodeURIComponent(t.key)}">Antwort schreiben<span class="visually-hidden"> zu „${t.representative}“</span></a>
  <form method="post" action="/editor/themen"><input type="hidden" name="csrf" value="${signedIn.csrf}"><input type="hidden" name="topic" value="${t.key}"><input type="hidden" name="action" value="${t.state?.done ? 'reopen' : 'done'}"><button type="submit">${t.state?.done ? 'Wieder öffnen' : 'Als erledigt markieren'}<span class="visually-hidden">: ${t.representative}</span></button></form>
  <form method="post" action="/editor/themen"><input type="hidden" name="csrf" value="${signedIn.csrf}"><input type="hidden" name="topic" value="${t.key}"><input type="hidden" name="action" value="assign">
    <label for="${id}-who">Zuweisen an</label> <select id="${id}-who" name="assignee"><option value="">niemand</option>${users.map((u) => html`<option ${u === t.state?.assignee ? raw('selected') : ''}>${u}</option>`)}</select> <button type="submit">Zuweisen<span class="visually-hidden">: ${t.representative}</span></button></form>
</div>
</article></li>`;
}

const LABELS: Record<FieldName, string> = {
  question: 'Frage', alternatives: 'Alternative Formulierungen', answer: 'Antwort', source: 'Quelle', contact: 'Kontakt', validUntil: 'Gültig bis', easyLanguage: 'Leichte Sprache',
};
const HINTS: Partial<Record<FieldName, string>> = {
  alternatives: 'Eine Formulierung pro Zeile, so wie Bürgerinnen und Bürger fragen.',
  answer: 'Markdown wie in den FAQ-Dateien: Absätze, Listen mit „- “, **fett**, [Linktext](Adresse).',
  source: 'Die Seite dieser Website, auf der die Antwort beruht; Zitate verlinken dorthin.',
  contact: 'Zum Beispiel „Frau Beispiel, Telefon 0221 555-123“.',
  validUntil: 'Leer lassen, wenn die Antwort unbefristet gilt. Danach wird sie nicht mehr verwendet.',
  easyLanguage: 'Die Antwort in Leichter Sprache (ein Satz pro Zeile), falls vorhanden.',
};

export interface EntryFormView {
  entryId: number | null;
  topic: string | null;
  fields: EntryFields;
  errors: FieldErrors;
  message: { kind: 'error' | 'ok'; text: string } | null;
  sourceQuery: string;
  sourceHits: Array<{ url: string; title: string }> | null;
  preview: Answer | null;
  maxAnswerChars: number;
}

export function entryForm(signedIn: SignedIn, v: EntryFormView): Html {
  const action = v.entryId === null ? '/editor/eintrag' : `/editor/eintrag/${v.entryId}`;
  const field = (name: FieldName, control: (attrs: HtmlEscapedString) => Html) => {
    const described = [HINTS[name] ? `${name}-hinweis` : '', v.errors[name] ? `${name}-fehler` : ''].filter(Boolean).join(' ');
    const attrs = raw(`id="${name}" name="${name}"${described ? ` aria-describedby="${described}"` : ''}${v.errors[name] ? ' aria-invalid="true"' : ''}`);
    return html`<div class="field${v.errors[name] ? ' invalid' : ''}"><label for="${name}">${LABELS[name]}</label>
${HINTS[name] ? html`<p class="hint" id="${name}-hinweis">${HINTS[name]}</p>` : ''}
${v.errors[name] ? html`<p class="field-error" id="${name}-fehler">${v.errors[name]}</p>` : ''}
${control(attrs)}</div>`;
  };
  const errorList = Object.entries(v.errors);
  return html`
${errorList.length ? html`<div class="message error" role="alert" id="meldung" tabindex="-1"><p>Bitte korrigieren Sie ${errorList.length === 1 ? 'das markierte Feld' : `die ${errorList.length} markierten Felder`}. Nichts ist verloren.</p><ul>${errorList.map(([k, m]) => html`<li><a href="#${k}">${LABELS[k as FieldName]}: ${m}</a></li>`)}</ul></div>` : v.message ? messageBox(v.message.kind, v.message.text) : ''}
<form method="post" action="${action}" class="stack entry" novalidate>
<input type="hidden" name="csrf" value="${signedIn.csrf}">
${v.topic ? html`<input type="hidden" name="topic" value="${v.topic}">` : ''}
${field('question', (a) => html`<input ${a} value="${v.fields.question}" maxlength="300" required>`)}
${field('alternatives', (a) => html`<textarea ${a} rows="4">${v.fields.alternatives.join('\n')}</textarea>`)}
${field('answer', (a) => html`<textarea ${a} rows="8" required>${v.fields.answer}</textarea>`)}
${field('source', (a) => html`<input ${a} type="url" value="${v.fields.source}" inputmode="url">`)}
<div class="field source-search"><label for="sourceQuery">Seite im Suchindex suchen</label>
<input id="sourceQuery" name="sourceQuery" type="search" value="${v.sourceQuery}"> <button type="submit" name="action" value="quelle">Quelle suchen</button>
${v.sourceHits ? (v.sourceHits.length ? html`<ul class="hits" aria-label="Gefundene Seiten">${v.sourceHits.map((h) => html`<li><button type="submit" name="pick" value="${h.url}">Als Quelle wählen</button> <a href="${h.url}">${h.title}</a> <span class="url">${h.url}</span></li>`)}</ul>` : html`<p role="status">Keine Seite gefunden. Versuchen Sie andere Wörter.</p>`) : ''}
</div>
${field('contact', (a) => html`<input ${a} value="${v.fields.contact}" maxlength="300">`)}
${field('validUntil', (a) => html`<input ${a} type="date" value="${v.fields.validUntil}">`)}
${field('easyLanguage', (a) => html`<textarea ${a} rows="4">${v.fields.easyLanguage}</textarea>`)}
<div class="actions">
  <button type="submit" name="action" value="vorschau">Vorschau aktualisieren</button>
  <button type="submit" name="action" value="speichern">Entwurf speichern</button>
  <button type="submit" name="action" value="vorlegen" class="primary">Zur Freigabe vorlegen</button>
</div>
</form>
<section aria-labelledby="vorschau-titel" class="preview">
<h2 id="vorschau-titel">So würde der Assistent jetzt antworten</h2>
<div id="vorschau" aria-live="polite">${previewBody(v)}</div>
</section>
<script src="/editor/console.js" defer></script>`;
}

/** The preview's content; also sent alone when the console script refreshes it while typing. */
export function previewBody(v: Pick<EntryFormView, 'preview' | 'fields' | 'errors'>): Html {
  if (v.preview) return answerView(v.fields.question, v.preview);
  const problems = Object.values(v.errors);
  if (problems.length) return html`<p>Keine Vorschau: ${problems.join(' ')}</p>`;
  return html`<p>Drücken Sie „Vorschau aktualisieren“, um die Antwort auf die Frage mit diesem Entwurf zu sehen.</p>`;
}

export function answerView(question: string, answer: Answer): Html {
  return html`<div class="answer"><p class="question">Frage: „${question}“</p>
<p>${answer.text}</p>
${answer.sources.length ? html`<ol class="sources">${answer.sources.map((s) => html`<li><a href="${s.url}">${s.title}${s.section ? ` › ${s.section}` : ''}</a></li>`)}</ol>` : ''}
<p class="meta">${answer.confident ? (answer.generated === 'faq' ? 'Antwort aus einem Redaktionseintrag' : 'Antwort aus Sätzen der Seiten') : 'Der Assistent lehnt ab und verweist an einen Menschen.'}</p></div>`;
}

export function entryPage(signedIn: SignedIn, entry: Entry, versions: EntryVersion[], events: EntryEvent[], form: Html | null, message: { kind: 'error' | 'ok'; text: string } | null, today: string): Html {
  const draft = entry.draftVersion === null ? null : versions.find((v) => v.version === entry.draftVersion) ?? null;
  const live = entry.liveVersion === null ? null : versions.find((v) => v.version === entry.liveVersion) ?? null;
  const title = (draft ?? live ?? versions.at(-1))?.question ?? `Eintrag ${entry.id}`;
  return layout(`Eintrag: ${title}`, signedIn, html`
${form ? '' : messageBox(message?.kind ?? 'ok', message?.text ?? null)}
<p class="meta">Status: ${stateText(entry, live, today)}</p>
${draft && entry.draftState === 'pending' ? html`<section aria-labelledby="pruefen"><h2 id="pruefen">Prüfen: Fassung ${draft.version} von ${draft.author}</h2>
${diffView(live, draft)}
<form method="post" action="/editor/eintrag/${entry.id}/entscheidung" class="stack">
<input type="hidden" name="csrf" value="${signedIn.csrf}">
<div class="field"><label for="comment">Kommentar</label><p class="hint" id="comment-hinweis">Beim Zurückweisen nötig: was geändert werden soll.</p><textarea id="comment" name="comment" rows="3" aria-describedby="comment-hinweis"></textarea></div>
<div class="actions"><button type="submit" name="action" value="freigeben" class="primary">Freigeben</button> <button type="submit" name="action" value="zurueckweisen">Zurückweisen</button></div>
</form></section>` : ''}
${live ? html`<section aria-labelledby="live"><h2 id="live">Freigegebene Fassung ${live.version}</h2>${versionView(live)}
<form method="post" action="/editor/eintrag/${entry.id}/entscheidung" class="stack"><input type="hidden" name="csrf" value="${signedIn.csrf}">
<div class="field"><label for="withdraw-comment">Grund für das Zurückziehen</label><input id="withdraw-comment" name="comment"></div>
<p><button type="submit" name="action" value="zurueckziehen">Zurückziehen</button></p></form></section>` : ''}
${form ? html`<section aria-labelledby="bearbeiten"><h2 id="bearbeiten">Bearbeiten</h2>${form}</section>` : ''}
<section aria-labelledby="verlauf"><h2 id="verlauf">Verlauf</h2>${historyTable(events, versions)}</section>`);
}

function stateText(entry: Entry, live: EntryVersion | null, today: string): string {
  const parts: string[] = [];
  if (live) parts.push(live.validUntil && live.validUntil < today ? `abgelaufen am ${live.validUntil} (wird nicht mehr verwendet)` : `freigegeben (Fassung ${live.version})`);
  if (entry.draftState === 'pending') parts.push(`Fassung ${entry.draftVersion} liegt zur Freigabe vor`);
  else if (entry.draftState === 'rejected') parts.push(`Fassung ${entry.draftVersion} wurde zurückgewiesen`);
  else if (entry.draftState === 'draft') parts.push(`Entwurf (Fassung ${entry.draftVersion})`);
  return parts.join('; ') || 'nicht freigegeben';
}

export function versionView(v: EntryFields): Html {
  return html`<dl class="version">${(Object.keys(LABELS) as FieldName[]).map((k) => {
    const value = k === 'alternatives' ? v.alternatives.join('\n') : v[k];
    return value ? html`<dt>${LABELS[k]}</dt><dd>${k === 'source' ? html`<a href="${value}">${value}</a>` : html`<pre>${value}</pre>`}</dd>` : '';
  })}</dl>`;
}

function diffView(live: EntryFields | null, draft: EntryFields): Html {
  if (!live) return html`<p>Neuer Eintrag, noch keine freigegebene Fassung.</p>${versionView(draft)}`;
  return html`<p>Änderungen gegenüber der freigegebenen Fassung:</p><dl class="diff">${(Object.keys(LABELS) as FieldName[]).map((k) => {
    const a = k === 'alternatives' ? live.alternatives.join('\n') : live[k];
    const b = k === 'alternatives' ? draft.alternatives.join('\n') : draft[k];
    if (a === b) return '';
    return html`<dt>${LABELS[k]}</dt><dd><ul>${lineDiff(a, b).map((d) => d.op === 'same' ? html`<li>${d.line}</li>` : d.op === 'add' ? html`<li><ins><span class="visually-hidden">hinzugefügt: </span>${d.line}</ins></li>` : html`<li><del><span class="visually-hidden">entfernt: </span>${d.line}</del></li>`)}</ul></dd>`;
  })}</dl>`;
}

export function historyTable(events: EntryEvent[], versions: EntryVersion[] | null, withEntry = false): Html {
  if (events.length === 0) return html`<p>Noch keine Einträge im Verlauf.</p>`;
  return html`<div class="table"><table><thead><tr><th scope="col">Zeit</th>${withEntry ? html`<th scope="col">Eintrag</th>` : ''}<th scope="col">Person</th><th scope="col">Schritt</th><th scope="col">Fassung</th><th scope="col">Kommentar</th></tr></thead><tbody>
${events.map((e) => {
    const v = versions?.find((x) => x.version === e.version);
    return html`<tr><td>${dateTime(e.at)}</td>${withEntry ? html`<td><a href="/editor/eintrag/${e.entryId}">Eintrag ${e.entryId}</a></td>` : ''}<td>${e.user}</td><td>${ACTION[e.action] ?? e.action}</td><td>${v ? html`<details><summary>Fassung ${e.version}</summary>${versionView(v)}</details>` : `Fassung ${e.version}`}</td><td>${e.comment ?? ''}</td></tr>`;
  })}</tbody></table></div>`;
}

export function entriesPage(signedIn: SignedIn, rows: Array<{ entry: Entry; question: string; state: string }>, files: Array<{ question: string; url: string; validUntil?: string | undefined }>): Html {
  const group = (title: string, list: typeof rows) => html`<h2>${title} (${list.length})</h2>${list.length ? html`<ul>${list.map((r) => html`<li><a href="/editor/eintrag/${r.entry.id}">${r.question}</a> – ${r.state}</li>`)}</ul>` : html`<p>Keine.</p>`}`;
  return layout('Einträge', signedIn, html`
${group('Zur Freigabe', rows.filter((r) => r.state.startsWith('liegt zur Freigabe')))}
${group('Freigegeben', rows.filter((r) => r.state === 'freigegeben'))}
${group('Abgelaufen', rows.filter((r) => r.state.startsWith('abgelaufen')))}
${group('Entwürfe', rows.filter((r) => r.state === 'Entwurf' || r.state === 'zurückgewiesen'))}
${group('Zurückgezogen', rows.filter((r) => r.state === 'zurückgezogen'))}
<h2>Aus FAQ-Dateien (${files.length})</h2>
<p>Diese Einträge stammen aus den FAQ-Dateien der Versionsverwaltung (crawl.faqDir) und werden dort geändert. Einträge aus der Konsole lassen sich mit <code>npx auskunft faq export ORDNER</code> als FAQ-Dateien speichern.</p>
${files.length ? html`<ul>${files.map((f) => html`<li>${f.question} – <a href="${f.url}">${f.url}</a>${f.validUntil ? ` (gültig bis ${f.validUntil})` : ''}</li>`)}</ul>` : ''}`);
}

export function historyPage(signedIn: SignedIn, events: EntryEvent[]): Html {
  return layout('Verlauf', signedIn, html`<p>Wer wann welchen Eintrag gespeichert, vorgelegt, freigegeben, zurückgewiesen oder zurückgezogen hat (neueste zuerst). Der Text jeder Fassung steht auf der Seite des Eintrags.</p>${historyTable(events, null, true)}`);
}

export function problemPage(signedIn: SignedIn | null, title: string, text: string, kept: EntryFields | null = null): Html {
  return layout(title, signedIn, html`${messageBox('error', text)}<p><a href="/editor/">Zur Übersicht</a></p>${kept ? keptInput(kept) : ''}`);
}

function hashId(s: string): string {
  let h = 0;
  for (const ch of s) h = (Math.imul(h, 31) + ch.codePointAt(0)!) >>> 0;
  return h.toString(36);
}
