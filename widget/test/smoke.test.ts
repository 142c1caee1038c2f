/**
 * Browser smoke test for the built widget (widget/dist/widget.js) in real
 * Chromium, on a host page with a strict Content-Security-Policy
 * (no 'unsafe-inline', no style-src at all).
 *
 * It does not build anything: run `npm run build -w @auskunft/widget` first.
 * It skips (with a message) when the bundle or /usr/bin/chromium is missing.
 *
 * The API is faked in-process, following the server contract:
 *   GET  /api/search?q=…  → JSON results with highlight ranges
 *   POST /api/chat        → text/event-stream: delta, delta, done (2 sources)
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const BUNDLE = join(here, '..', 'dist', 'widget.js');
const CHROMIUM = '/usr/bin/chromium';
const RESULTS_DIR = join(here, '..', '..', 'test-results');

const missing = !existsSync(BUNDLE)
  ? `widget/dist/widget.js not found; run "npm run build -w @auskunft/widget" first`
  : !existsSync(CHROMIUM)
    ? `${CHROMIUM} not found`
    : null;
if (missing) console.warn(`[widget smoke test] skipped: ${missing}`);

// ---------------------------------------------------------------- fake API

const PAGES = [
  {
    url: '/leistungen/hoergeraete',
    title: 'Zuschuss für Hörgeräte am Arbeitsplatz',
    section: 'Wer stellt den Antrag?',
    snippet:
      'Das Inklusionsamt übernimmt einen Zuschuss für Hörgeräte, wenn die Versorgung über die Krankenkasse hinaus für die Arbeit nötig ist.',
  },
  {
    url: '/leistungen/technische-arbeitshilfen',
    title: 'Technische Arbeitshilfen',
    section: null,
    snippet: 'Zu den technischen Arbeitshilfen zählen auch Hörgeräte-Zubehör, Lupen und Braillezeilen.',
  },
];

/** Case-insensitive ranges of each query word in the snippet (like the real server). */
function highlight(snippet: string, query: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const lower = snippet.toLowerCase();
  for (const word of query.toLowerCase().split(/\s+/).filter((w) => w.length > 2)) {
    for (let i = lower.indexOf(word); i !== -1; i = lower.indexOf(word, i + 1)) ranges.push([i, i + word.length]);
  }
  return ranges;
}

interface Recorded {
  searches: string[];
  chats: unknown[];
}

function sendSse(res: ServerResponse, events: Array<[string, unknown]>): void {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store' });
  let i = 0;
  const next = (): void => {
    const event = events[i++];
    if (!event) return void res.end();
    res.write(`event: ${event[0]}\ndata: ${JSON.stringify(event[1])}\n\n`);
    setTimeout(next, 120); // let the browser render the streamed deltas
  };
  next();
}

function startServer(recorded: Recorded): Promise<{ server: Server; origin: string }> {
  let origin = '';
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/') {
      // Query parameters become script attributes: ?mode=search&lang=en&target=%23slot, ?api=none
      const p = url.searchParams;
      const attrs = [
        p.get('api') === 'none' ? '' : `data-api="${origin}"`,
        p.has('mode') ? `data-mode="${p.get('mode')}"` : '',
        p.has('lang') ? `data-lang="${p.get('lang')}"` : '',
        p.has('target') ? `data-target="${p.get('target')}"` : '',
      ].join(' ');
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': `default-src 'none'; script-src ${origin}; connect-src ${origin}`,
      });
      res.end(`<!doctype html>
<html lang="de">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Inklusionsamt – Testseite</title></head>
<body>
<h1>Inklusionsamt</h1>
<p>Wir unterstützen schwerbehinderte Menschen im Arbeitsleben und ihre Arbeitgeber.</p>
<div id="slot"></div>
<script src="/widget.js" ${attrs} defer></script>
<h2>Leistungen</h2>
${'<p>Begleitende Hilfe im Arbeitsleben: Beratung, Geldleistungen und technische Arbeitshilfen für Beschäftigte und Arbeitgeber.</p>\n'.repeat(8)}
</body>
</html>`);
    } else if (url.pathname === '/widget.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      res.end(readFileSync(BUNDLE));
    } else if (url.pathname === '/api/search' && req.method === 'GET') {
      const q = url.searchParams.get('q') ?? '';
      recorded.searches.push(q);
      if (q === 'Fehler') {
        res.writeHead(503, { 'content-type': 'application/json; charset=utf-8' });
        return void res.end(JSON.stringify({ error: { code: 'unavailable', message: 'Die Suche ist gerade nicht verfügbar.' } }));
      }
      const results = PAGES.map((p, i) => ({
        url: origin + p.url,
        title: p.title,
        section: p.section,
        sectionUrl: origin + p.url + (p.section ? '#antrag' : ''),
        snippet: p.snippet,
        highlights: highlight(p.snippet, q),
        score: 1 - i / 10,
      }));
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ query: q, results }));
    } else if (url.pathname === '/api/chat' && req.method === 'POST') {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        recorded.chats.push(JSON.parse(body));
        sendSse(res, [
          ['delta', { text: 'Eine Arbeitsassistenz kann das Inklusionsamt ' }],
          ['delta', { text: 'als Geldleistung übernehmen.' }],
          [
            'done',
            {
              answer:
                'Eine Arbeitsassistenz übernimmt das Inklusionsamt als Geldleistung [1]. Den Antrag stellen Sie selbst, vor Beginn der Assistenz [2]. Ein erfundener Verweis [3] wird nicht verlinkt.',
              sources: [
                { n: 1, url: `${origin}/leistungen/arbeitsassistenz`, title: 'Arbeitsassistenz', snippet: '…' },
                { n: 2, url: `${origin}/antraege#arbeitsassistenz`, title: 'Anträge und Formulare', snippet: '…' },
              ],
              generated: 'extractive',
              confident: true,
            },
          ],
        ]);
      });
    } else {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'not_found', message: 'Nicht gefunden.' } }));
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      resolve({ server, origin });
    });
  });
}

// ---------------------------------------------------------------- helpers

/** Records CSP violations before any page script runs. */
function recordViolations(): void {
  const w = window as unknown as { __violations: unknown[] };
  w.__violations = [];
  document.addEventListener(
    'securitypolicyviolation',
    (e) => w.__violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample }),
    true,
  );
}

/** id/class of the element focused inside the widget's shadow root. */
function focusedInWidget(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.querySelector('.auskunft-widget')?.shadowRoot?.activeElement;
    return el ? `${el.tagName.toLowerCase()}#${el.id}.${el.className}` : 'none';
  });
}

interface PageLog {
  errors: string[];
  requests: string[];
}

async function openHostPage(
  browser: Browser,
  origin: string,
  width: number,
  height: number,
  reducedMotion: 'reduce' | 'no-preference' = 'no-preference',
  query = '',
): Promise<{ page: Page; log: PageLog }> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'de-DE', reducedMotion });
  const page = await context.newPage();
  const log: PageLog = { errors: [], requests: [] };
  page.on('pageerror', (err) => log.errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.text().includes('Content Security Policy')) log.errors.push(`console: ${msg.text()}`);
  });
  page.on('request', (req) => log.requests.push(req.url()));
  await page.addInitScript(recordViolations);
  await page.goto(`${origin}/${query}`);
  await page.waitForLoadState('load');
  return { page, log };
}

async function expectCleanPage(page: Page, log: PageLog, origin: string, allowedErrors?: RegExp): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __violations: unknown[] }).__violations)).toEqual([]);
  expect(log.errors.filter((e) => !allowedErrors?.test(e))).toEqual([]);
  // No third-party requests: only the page itself, widget.js and the API (favicon aside).
  expect(log.requests.filter((u) => !u.startsWith(`${origin}/`))).toEqual([]);
  // No storage of any kind.
  expect(await page.evaluate(() => [document.cookie, localStorage.length, sessionStorage.length])).toEqual(['', 0, 0]);
}

// ---------------------------------------------------------------- tests

describe.skipIf(missing !== null)('widget in Chromium under a strict CSP', () => {
  const recorded: Recorded = { searches: [], chats: [] };
  let server: Server;
  let origin: string;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, origin } = await startServer(recorded));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    mkdirSync(RESULTS_DIR, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('searches as you type, chats with citations, and closes with Escape', async () => {
    const { page, log } = await openHostPage(browser, origin, 1280, 860);
    await page.locator('.auskunft-widget').waitFor();

    // Styles arrive only via adoptedStyleSheets: no <style>/<link> and no style attributes.
    expect(
      await page.evaluate(() => {
        const root = document.querySelector('.auskunft-widget')!.shadowRoot!;
        return {
          sheets: root.adoptedStyleSheets.length,
          styleElements: root.querySelectorAll('style, link, [style]').length,
          launcherBg: getComputedStyle(root.querySelector('.launcher')!).backgroundColor,
        };
      }),
    ).toEqual({ sheets: 1, styleElements: 0, launcherBg: 'rgb(11, 83, 148)' });

    // --- search: type like a person, results appear after the debounce
    const input = page.getByLabel('Suche auf dieser Website');
    await input.pressSequentially('Zuschuss Hörgeräte', { delay: 40 });
    const results = page.locator('.result');
    await results.first().waitFor();
    expect(await results.count()).toBe(2);
    expect(await page.locator('.result mark').allTextContents()).toContain('Hörgeräte');
    const firstLink = page.getByRole('link', { name: 'Zuschuss für Hörgeräte am Arbeitsplatz' });
    expect(await firstLink.getAttribute('href')).toBe(`${origin}/leistungen/hoergeraete#antrag`);
    // Debounced: far fewer requests than keystrokes, and the last one is the full query.
    expect(recorded.searches.length).toBeLessThanOrEqual(3);
    expect(recorded.searches.at(-1)).toBe('Zuschuss Hörgeräte');
    await expect.poll(() => page.locator('[role=status]').first().textContent()).toBe('2 Treffer');

    // --- chat: open with the keyboard
    const launcher = page.getByRole('button', { name: 'Fragen an den Assistenten' });
    await launcher.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Digitaler Assistent' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Sie schreiben mit einem automatisierten Assistenten (KI).');
    expect(await dialog.textContent()).toContain('Bitte geben Sie keine persönlichen Daten ein');
    await expect.poll(() => focusedInWidget(page)).toMatch(/^textarea#aw-chat-input/);

    await page.keyboard.type('Wer bezahlt eine Arbeitsassistenz?');
    await page.keyboard.press('Enter');
    const status = dialog.locator('[role=status]');
    await expect.poll(() => status.textContent()).toBe('Antwort wird erstellt …');
    await expect.poll(() => dialog.locator('.msg-answer .cursor').count()).toBe(1); // streaming visible
    await expect.poll(() => status.textContent(), { timeout: 5000 }).toBe('Antwort fertig, 2 Quellen');
    expect(recorded.chats).toEqual([{ message: 'Wer bezahlt eine Arbeitsassistenz?', history: [] }]);

    const answer = dialog.locator('.msg-answer');
    expect(await answer.locator('h3').textContent()).toBe('Antwort');
    expect(await answer.locator('.msg-text').textContent()).toContain('Ein erfundener Verweis [3] wird nicht verlinkt.');
    const cites = answer.locator('a.cite');
    expect(await cites.allTextContents()).toEqual(['[1]', '[2]']);
    expect(await cites.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      `${origin}/leistungen/arbeitsassistenz`,
      `${origin}/antraege#arbeitsassistenz`,
    ]);
    expect(await answer.locator('h4').textContent()).toBe('Quellen');
    expect(await answer.locator('ol li a').allTextContents()).toEqual(['Arbeitsassistenz', 'Anträge und Formulare']);

    await page.screenshot({ path: join(RESULTS_DIR, 'widget-smoke.png') });

    // --- Escape closes the dialog and focus returns to the launcher
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => focusedInWidget(page)).toMatch(/^button#\.launcher/);

    await expectCleanPage(page, log, origin);
    await page.context().close();
  }, 60_000);

  it('works at 320 px width with reduced motion (no horizontal scrolling, full-screen panel)', async () => {
    // Reduced motion also means no opening animation, so the panel's box is final at once.
    const { page, log } = await openHostPage(browser, origin, 320, 640, 'reduce');
    await page.getByLabel('Suche auf dieser Website').fill('Hörgeräte');
    await page.locator('.result').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.screenshot({ path: join(RESULTS_DIR, 'widget-smoke-320-search.png') });
    await page.getByRole('button', { name: 'Frage an den Assistenten stellen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Digitaler Assistent' });
    await dialog.waitFor();
    // Hand-off: the search query is prefilled in the chat input.
    expect(await page.locator('#aw-chat-input').inputValue()).toBe('Hörgeräte');

    const box = await dialog.boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 320, height: 640 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.screenshot({ path: join(RESULTS_DIR, 'widget-smoke-320.png') });

    await page.getByRole('button', { name: 'Assistent schließen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => focusedInWidget(page)).toMatch(/^button#\.launcher/);
    await expectCleanPage(page, log, origin);
    await page.context().close();
  }, 60_000);

  it('honours data-mode, data-lang and data-target, and shows server errors', async () => {
    const { page, log } = await openHostPage(browser, origin, 1024, 700, 'no-preference', '?mode=search&lang=en&target=%23slot');
    expect(await page.locator('#slot > .auskunft-widget').getAttribute('lang')).toBe('en');
    expect(await page.locator('.launcher').count()).toBe(0);
    await page.getByLabel('Search this website').fill('Fehler');
    await page.keyboard.press('Enter');
    await page.locator('.error').waitFor();
    expect(await page.locator('.error').textContent()).toBe('Die Suche ist gerade nicht verfügbar.');
    // Chromium itself logs the 503; the widget must not add errors of its own.
    await expectCleanPage(page, log, origin, /Failed to load resource: .* 503/);
    await page.context().close();
  }, 60_000);

  it('does nothing but log one [auskunft] error when data-api is missing', async () => {
    const { page, log } = await openHostPage(browser, origin, 800, 600, 'no-preference', '?api=none');
    expect(await page.locator('.auskunft-widget').count()).toBe(0);
    expect(log.errors).toHaveLength(1);
    expect(log.errors[0]).toMatch(/^console: \[auskunft\] .*data-api/);
    await page.context().close();
  }, 60_000);
});
