import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { createEditorStore } from '@auskunft/server';
import { createScryptHasher, sqliteSql } from '@auskunft/server/node';
import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { announced, openPage, skipReason, useBrowserStack } from './stack';

/**
 * The editors' loop in Debian's Chromium on the demo: citizens get no answer, an editor writes
 * one from the topic with a source and a preview, a second editor cannot release it, a reviewer
 * does, the widget answers with it, the reviewer withdraws it, and the history names everyone.
 */
if (skipReason) console.warn(`[editor console browser test] skipped: ${skipReason}`);

const QUESTION = 'Wer bezahlt meinen Assistenzhund?';
const WORDINGS = [QUESTION, 'Gibt es Zuschüsse für einen Assistenzhund?', QUESTION];
const ANSWER = 'Einen Assistenzhund bezahlt das Inklusionsamt nicht. Zuständig ist meist die Krankenkasse; wir beraten Sie gern zum Antrag.';
const PASSWORD = 'ein sicheres Passwort';

const dir = await mkdtemp(join(tmpdir(), 'auskunft-console-e2e-'));
const storePath = join(dir, 'auskunft.sqlite');
const env = useBrowserStack({ storePath });
afterAll(() => rm(dir, { recursive: true, force: true }));

async function chat(message: string) {
  const res = await fetch(`${env.stack.apiOrigin}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message }) });
  const text = await res.text();
  return { done: JSON.parse(/event: done\ndata: (.*)\n/.exec(text)![1]!) as { answer: string; confident: boolean; generated: string; sources: Array<{ url: string }> }, cookie: res.headers.get('set-cookie') };
}

async function axeProblems(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function signIn(browser: Browser, name: string, width = 1280) {
  const context = await browser.newContext({ locale: 'de-DE', viewport: { width, height: 800 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  // Refused form input answers 400 on purpose; anything missing (but the favicon) is a problem.
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && problems.push(m.text()));
  page.on('response', (r) => r.status() === 404 && !r.url().endsWith('/favicon.ico') && problems.push(`404 ${r.url()}`));
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP ${e.violatedDirective} ${e.blockedURI}`), true));
  await page.goto(`${env.stack.apiOrigin}/editor/`);
  expect(page.url()).toBe(`${env.stack.apiOrigin}/editor/anmelden`);
  await page.getByLabel('Benutzername').fill(name);
  await page.getByLabel('Passwort').fill(PASSWORD);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Anmelden' }).click()]);
  expect(page.url(), (await page.content()).slice(0, 1500)).toBe(`${env.stack.apiOrigin}/editor/`);
  return { page, problems, close: () => context.close() };
}

const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe.skipIf(skipReason)('editors\' console in the browser', () => {
  it('walks the loop from an unanswered question to a released, cited, withdrawn answer', { timeout: 180_000 }, async () => {
    expect(await Promise.all(WORDINGS.map(async (w) => [w, (await chat(w)).done.confident]))).toEqual(WORDINGS.map((w) => [w, false]));
    const sql = sqliteSql(storePath);
    const store = createEditorStore(sql);
    const hasher = createScryptHasher();
    for (const [name, role] of [['anna', 'editor'], ['bernd', 'editor'], ['rita', 'reviewer']] as const) {
      await store.addUser({ name, role, ...(await hasher.hash(PASSWORD)), createdAt: new Date().toISOString() });
    }
    sql.close();

    // --- the editor, on a 360 px wide screen, keyboard first
    const anna = await signIn(env.browser, 'anna', 360);
    const { page } = anna;
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhalt');
    const topic = page.getByRole('article', { name: QUESTION });
    expect(await topic.getByText('Gibt es Zuschüsse für einen Assistenzhund?').count()).toBe(1);
    expect(await topic.getByText(/3× gefragt/).count()).toBe(1);
    expect(await axeProblems(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);

    await topic.getByRole('link', { name: /Antwort schreiben/ }).click();
    expect(await page.getByLabel('Frage', { exact: true }).inputValue()).toBe(QUESTION);
    expect(await page.getByLabel('Alternative Formulierungen').inputValue()).toContain('Gibt es Zuschüsse für einen Assistenzhund?');
    await page.getByLabel('Antwort', { exact: true }).fill(ANSWER);
    await page.getByLabel('Kontakt').fill('Frau Beispiel, Telefon 0221 555-123');
    // A date in the past is refused with the field marked, nothing lost.
    await page.getByLabel('Gültig bis').fill('2020-01-01');
    await page.getByRole('button', { name: 'Zur Freigabe vorlegen' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('liegt in der Vergangenheit');
    expect(await page.getByLabel('Gültig bis').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Antwort', { exact: true }).inputValue()).toBe(ANSWER);
    expect(await axeProblems(page)).toEqual([]);
    await page.getByLabel('Gültig bis').fill('');

    await page.getByLabel('Seite im Suchindex suchen').fill('Begleitende Hilfe im Arbeitsleben');
    await page.getByRole('button', { name: 'Quelle suchen' }).click();
    const hit = page.getByRole('list', { name: 'Gefundene Seiten' }).getByRole('listitem').filter({ hasText: '/inklusionsamt/begleitende-hilfe/' }).first();
    await hit.getByRole('button', { name: 'Als Quelle wählen' }).click();
    const source = await page.getByLabel('Quelle', { exact: true }).inputValue();
    expect(source).toBe(`${env.stack.siteOrigin}/inklusionsamt/begleitende-hilfe/`);

    // Typing refreshes the preview by itself (the console's one script)…
    const preview = page.getByRole('region', { name: 'So würde der Assistent jetzt antworten' });
    expect(await preview.textContent()).not.toContain(ANSWER);
    await page.getByLabel('Antwort', { exact: true }).press('Control+End');
    await page.keyboard.type(' ');
    await expect.poll(() => preview.textContent(), { timeout: 10_000 }).toContain(ANSWER);
    // …and the button does it without script.
    await page.getByRole('button', { name: 'Vorschau aktualisieren' }).click();
    expect(await preview.textContent()).toContain(ANSWER);
    expect(await preview.getByRole('link').first().getAttribute('href')).toBe(source);
    expect(await fitsWidth(page)).toBe(true);
    expect((await chat(QUESTION)).done.confident).toBe(false);

    await page.getByRole('button', { name: 'Zur Freigabe vorlegen' }).click();
    expect(await page.getByRole('status').textContent()).toContain('liegt zur Freigabe vor');
    const entryUrl = page.url().replace(/\?.*$/, '');
    expect(anna.problems).toEqual([]);

    // --- a second editor may not release it
    const bernd = await signIn(env.browser, 'bernd');
    await bernd.page.goto(entryUrl);
    await bernd.page.getByRole('button', { name: 'Freigeben' }).click();
    expect(await bernd.page.getByRole('alert').textContent()).toContain('Rolle „Prüfer“');
    expect((await chat(QUESTION)).done.confident).toBe(false);

    // --- the reviewer releases it
    const rita = await signIn(env.browser, 'rita');
    await rita.page.goto(entryUrl);
    expect(await rita.page.getByText('Neuer Eintrag, noch keine freigegebene Fassung').count()).toBe(1);
    expect(await axeProblems(rita.page)).toEqual([]);
    await rita.page.getByLabel('Kommentar').fill('Mit der Fachabteilung abgestimmt.');
    await rita.page.getByRole('button', { name: 'Freigeben' }).click();
    expect(await rita.page.getByRole('status').textContent()).toContain('verwendet diese Antwort ab sofort');

    const released = await chat(QUESTION);
    expect(released.done).toMatchObject({ confident: true, generated: 'faq' });
    expect(released.done.answer).toContain(ANSWER);
    expect(released.done.sources[0]!.url).toBe(source);
    expect(released.cookie).toBeNull();

    // --- the same question in the widget gets that answer, cited
    const { page: citizen, log } = await openPage(env.browser, env.stack);
    await citizen.getByRole('combobox', { name: 'Suche auf dieser Website' }).fill(QUESTION);
    await citizen.getByRole('option').first().waitFor();
    await citizen.keyboard.press('ArrowUp');
    await citizen.keyboard.press('Enter');
    const dialog = citizen.getByRole('dialog', { name: 'Digitaler Assistent' });
    await dialog.waitFor();
    await citizen.keyboard.press('Enter');
    await expect.poll(() => announced(citizen), { timeout: 15_000 }).toMatch(/^Antwort fertig/);
    const answer = dialog.locator('.msg-answer').last();
    expect(await answer.getAttribute('data-generated')).toBe('faq');
    expect(await answer.textContent()).toContain('Einen Assistenzhund bezahlt das Inklusionsamt nicht.');
    expect(await answer.locator('.sources a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))).toContain(source);
    expect(await citizen.context().cookies()).toEqual([]);
    expect(log.errors).toEqual([]);
    await citizen.context().close();

    // --- the reviewer withdraws it; the question is declined again
    await rita.page.getByLabel('Grund für das Zurückziehen').fill('Zuständigkeit wird neu geregelt.');
    await rita.page.getByRole('button', { name: 'Zurückziehen' }).click();
    expect(await rita.page.getByRole('status').textContent()).toContain('nicht mehr');
    expect((await chat(QUESTION)).done.confident).toBe(false);

    // --- the history shows each step with the person
    await rita.page.getByRole('link', { name: 'Verlauf' }).first().click();
    const rows = await rita.page.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(2, 4).map((td) => td.textContent?.trim()).join(' ')));
    expect(rows).toEqual(['rita zurückgezogen', 'rita freigegeben', 'anna zur Freigabe vorgelegt', 'anna gespeichert']);
    expect(await axeProblems(rita.page)).toEqual([]);
    expect([...bernd.problems, ...rita.problems]).toEqual([]);
    for (const s of [anna, bernd, rita]) await s.close();
  });
});
