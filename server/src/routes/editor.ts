import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { html } from 'hono/html';
import { ApiError } from '../http/api-error.js';
import { reportUnanswered, unansweredCsv } from '../editor/unanswered.js';
import { createFailureLimit } from '../http/failure-limit.js';
import type { Retriever } from '../retrieve/retrieve.js';
import type { Store } from '../store/store.js';

export interface EditorRouteOptions {
  token: string | undefined;
  store: Store;
  retriever: Retriever;
  retentionDays: number;
  /** The client's pseudonymous key (privacy/client-key.ts), for counting failed token attempts. */
  clientKey?: (c: Context) => Promise<string | null>;
}

/** Wrong tokens allowed per client before it has to wait; the window is a quarter of an hour. */
const MAX_FAILED_ATTEMPTS = 10;
const FAILED_ATTEMPTS_WINDOW_MS = 15 * 60_000;
/** Longest report period accepted (the longest retention there is, store.retentionDays). */
const MAX_DAYS = 3650;

/**
 * Editors' pages. Off unless an editor token is configured. The token is accepted as a Bearer
 * token (scripts) or as the password of HTTP Basic authentication (RFC 7617), so a browser asks
 * for it natively and nothing needs a login page or a cookie.
 */
export function editorRoute(options: EditorRouteOptions) {
  const app = new Hono();
  app.use('/unanswered', requireEditor(options.token, options.clientKey ?? (async () => null)));
  app.get('/unanswered', async (c) => {
    const days = c.req.query('days');
    const since = days === undefined || days === '' ? options.retentionDays : /^\d{1,4}$/.test(days) ? Number(days) : NaN;
    if (!(since >= 1 && since <= MAX_DAYS)) throw new ApiError(400, 'INVALID_REQUEST', `Der Parameter „days“ muss eine ganze Zahl von 1 bis ${MAX_DAYS} sein.`);
    const from = new Date(Date.now() - since * 86_400_000).toISOString();
    const groups = await reportUnanswered(await options.store.listQueries(from), await options.store.listFeedback(from), options.retriever);
    const format = c.req.query('format') ?? 'html';
    if (!['html', 'csv', 'json'].includes(format)) throw new ApiError(400, 'INVALID_REQUEST', 'Der Parameter „format“ muss „html“, „csv“ oder „json“ sein.');
    if (format === 'csv') {
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', 'attachment; filename="unbeantwortete-fragen.csv"');
      return c.body(`\uFEFF${unansweredCsv(groups)}`);
    }
    if (format === 'json') return c.json({ since: from, groups });
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'self'");
    return c.html(html`<!doctype html>
<html lang="de">
  <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Unbeantwortete Fragen – Auskunft</title></head>
  <body>
    <main>
      <h1>Unbeantwortete Fragen</h1>
      <p>Fragen der letzten ${since} Tage ohne verlässliche Antwort, ohne Treffer oder mit negativer Bewertung – nach Thema gruppiert, häufigste zuerst. Die Fragen wurden vor dem Speichern von persönlichen Daten bereinigt.</p>
      <p><a href="?format=csv&amp;days=${since}">Als CSV herunterladen</a></p>
      ${groups.length === 0
        ? html`<p>Keine unbeantworteten Fragen in diesem Zeitraum.</p>`
        : html`<table>
        <caption>${groups.length} Themen</caption>
        <thead><tr><th scope="col">Anzahl</th><th scope="col">Frage (weitere Formulierungen)</th><th scope="col">Grund</th><th scope="col">Nächster Treffer</th></tr></thead>
        <tbody>
          ${groups.map(
            (g) => html`<tr>
            <td>${g.count}</td>
            <td>${g.representative}${g.examples.length > 1 ? html`<ul>${g.examples.slice(1).map((e) => html`<li>${e}</li>`)}</ul>` : ''}</td>
            <td>${[g.reasons.no_answer ? `${g.reasons.no_answer}× keine Antwort` : '', g.reasons.no_results ? `${g.reasons.no_results}× keine Treffer` : '', g.reasons.negative_feedback ? `${g.reasons.negative_feedback}× negativ bewertet` : ''].filter(Boolean).join(', ')}</td>
            <td>${g.nearMiss ? html`<a href="${g.nearMiss.url}">${g.nearMiss.title}${g.nearMiss.section ? ` › ${g.nearMiss.section}` : ''}</a> (${Math.round(g.nearMiss.coverage * 100)} % der Wörter)` : '–'}</td>
          </tr>`,
          )}
        </tbody>
      </table>`}
    </main>
  </body>
</html>`);
  });
  return app;
}

function requireEditor(token: string | undefined, clientKey: (c: Context) => Promise<string | null>): MiddlewareHandler {
  const failures = createFailureLimit({ limit: MAX_FAILED_ATTEMPTS, windowMs: FAILED_ATTEMPTS_WINDOW_MS });
  return async (c, next) => {
    if (!token) throw new ApiError(404, 'NOT_FOUND', 'Diese Adresse gibt es nicht.');
    const client = (await clientKey(c)) ?? 'unknown';
    const wait = failures.retryAfter(client);
    if (wait !== null) {
      c.header('Retry-After', String(wait));
      throw new ApiError(429, 'RATE_LIMITED', `Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es in ${Math.ceil(wait / 60)} Minuten erneut.`);
    }
    const header = c.req.header('authorization') ?? '';
    const [scheme, value = ''] = header.split(' ');
    let given = '';
    if (scheme?.toLowerCase() === 'bearer') given = value;
    else if (scheme?.toLowerCase() === 'basic') given = decodeBasicPassword(value);
    if (!(await constantTimeEqual(given, token))) {
      failures.fail(client);
      c.header('WWW-Authenticate', 'Basic realm="Auskunft Redaktion", charset="UTF-8"');
      throw new ApiError(401, 'UNAUTHORIZED', 'Für diese Seite ist das Redaktions-Token nötig.');
    }
    await next();
  };
}

function decodeBasicPassword(value: string): string {
  try {
    const decoded = new TextDecoder().decode(Uint8Array.from(atob(value), (ch) => ch.charCodeAt(0)));
    return decoded.slice(decoded.indexOf(':') + 1);
  } catch {
    return '';
  }
}

/** Compares digests, not the strings, so the comparison time says nothing about the token. */
async function constantTimeEqual(a: string, b: string): Promise<boolean> {
  const digest = async (s: string) => new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s)));
  const [x, y] = await Promise.all([digest(a), digest(b)]);
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i]! ^ y[i]!;
  return diff === 0;
}
