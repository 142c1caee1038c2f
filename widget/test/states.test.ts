/**
 * What the widget shows when things are not simply fine, and how the host configures it:
 * loading, no results with suggestions, server errors, a chat chunk that fails to load, failed
 * feedback, how an answer says how it was made (AI Act Art. 50) and its Leichte-Sprache version, English,
 * the modes, a host's own disclosure, and a broken embed code. Real server and demo site;
 * where the server cannot produce a case (a model-written answer, a slow network), the one
 * request concerned is delayed or answered by the test.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { announced, openPage, skipReason, violations, useBrowserStack } from './stack';

if (skipReason) console.warn(`[widget browser tests] skipped: ${skipReason}`);

/** Adds attributes to the widget's script tag. */
const withAttributes = (attrs: string) => (html: string) => html.replace('<script src=', `<script ${attrs} src=`);

const sse = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

async function openChat(page: Page, launcher = 'Fragen an den Assistenten') {
  await page.getByRole('button', { name: launcher }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  return dialog;
}

describe.skipIf(skipReason !== null)('widget states and host configuration', () => {
  const env = useBrowserStack();

  it('shows loading, then "no results" with the host\'s suggestions, said assertively', async () => {
    const { page } = await openPage(env.browser, env.stack, { rewrite: withAttributes('data-suggestions="Schwerbehindertenausweis, Kündigungsschutz"') });
    const input = page.getByRole('combobox');
    // A slow network: the search answers after a while.
    await page.route(`${env.stack.apiOrigin}/api/search?**`, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      await route.continue();
    });
    await input.fill('Xylophonunterricht');
    await page.getByText('Suche läuft …').waitFor();
    await page.getByText('Keine Treffer für „Xylophonunterricht“').waitFor();
    expect(await page.locator('.popup').textContent()).toContain('Prüfen Sie die Schreibweise');
    expect(await page.getByRole('option').allTextContents()).toEqual([
      'Stattdessen suchen: Schwerbehindertenausweis',
      'Stattdessen suchen: Kündigungsschutz',
      '„Xylophonunterricht“ dem digitalen Assistenten stellen',
    ]);
    await expect.poll(() => page.locator('.auskunft-announcer [aria-live=assertive]').textContent()).toBe('Keine Treffer für „Xylophonunterricht“');
    await page.unroute(`${env.stack.apiOrigin}/api/search?**`);

    // A suggestion searches for its term.
    await input.press('ArrowDown');
    await input.press('Enter');
    expect(await input.inputValue()).toBe('Schwerbehindertenausweis');
    await page.locator('[role=option] .opt-title').first().waitFor();
    await expect.poll(() => announced(page)).toMatch(/^\d+ Treffer$/);
    await page.context().close();
  });

  it('shows the server\'s own message when it refuses a search', async () => {
    const { page, log } = await openPage(env.browser, env.stack);
    await page.getByRole('combobox').fill(`Antrag auf ${'Arbeitsassistenz '.repeat(130)}`.trim());
    await page.getByRole('combobox').press('Enter');
    const message = 'Die Eingabe ist zu lang (2220 Zeichen). Erlaubt sind höchstens 2000 Zeichen.';
    await page.locator('.popup-error').getByText(message).waitFor();
    await expect.poll(() => page.locator('.auskunft-announcer [aria-live=assertive]').textContent()).toBe(message);
    // Chromium itself logs the 400; the widget adds no errors of its own.
    expect(log.errors.filter((e) => !/Failed to load resource: .* 400/.test(e))).toEqual([]);
    await page.context().close();
  });

  it('says so when the chat code cannot be loaded, and loads it on the next try', async () => {
    const { page, log } = await openPage(env.browser, env.stack);
    await page.route(/\/widget\/chat-[\w-]+\.js/, (route) => route.abort('connectionrefused'));
    await page.getByRole('button', { name: 'Fragen an den Assistenten' }).click();
    await expect.poll(() => page.locator('.auskunft-announcer [aria-live=assertive]').textContent()).toBe(
      'Der Assistent konnte nicht geladen werden. Bitte versuchen Sie es später noch einmal.',
    );
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(log.errors.some((e) => e.includes('[auskunft] the chat code could not be loaded'))).toBe(true);
    await page.unroute(/\/widget\/chat-[\w-]+\.js/);
    await openChat(page);
    await page.context().close();
  });

  it('labels a model-written answer, links only real sources, offers Leichte Sprache and keeps failed feedback soft', async () => {
    const { page } = await openPage(env.browser, env.stack);
    const source = (n: number, path: string, title: string) => ({ n, url: `${env.stack.siteOrigin}${path}`, title, section: null, snippet: `${title} …` });
    await page.route(`${env.stack.apiOrigin}/api/chat`, async (route) => {
      // Long enough to see the answer being made.
      await new Promise((resolve) => setTimeout(resolve, 700));
      await route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/event-stream', 'access-control-allow-origin': env.stack.siteOrigin },
        body:
          sse('delta', { text: 'Die Kraftfahrzeughilfe ' }) +
          sse('done', {
            answer: 'Die Kraftfahrzeughilfe übernimmt den Umbau [1]. Den Antrag stellen Sie vorher [2]. Erfunden: [3] und [hier](https://evil.example/).',
            sources: [source(1, '/inklusionsamt/kraftfahrzeughilfe/', 'Kraftfahrzeughilfe'), source(2, '/inklusionsamt/antraege/', 'Anträge')],
            generated: 'llm',
            model: 'meta-llama/Llama-3.3-70B-Instruct',
            confident: true,
            handoff: { url: `${env.stack.siteOrigin}/kontakt/`, title: 'Inklusionsamt, Telefon 0221 555-0' },
            easyLanguage: 'Sie brauchen ein Auto für die Arbeit.\nDas Auto muss umgebaut werden.\nDann hilft das Amt.',
            disclosure: 'Text des Servers',
          }),
      });
    });
    await page.route(`${env.stack.apiOrigin}/api/feedback`, (route) =>
      route.fulfill({ status: 503, headers: { 'content-type': 'application/json', 'access-control-allow-origin': env.stack.siteOrigin }, body: '{"error":{"code":"UNAVAILABLE","message":"x"}}' }),
    );
    const dialog = await openChat(page);
    await page.locator('#aw-chat-input').fill('Wer zahlt den Umbau meines Autos?');
    await page.keyboard.press('Enter');
    await dialog.getByText('Antwort wird erstellt …').waitFor();
    await expect.poll(() => announced(page)).toBe('Antwort wird erstellt …');
    await expect.poll(() => announced(page)).toBe('Antwort fertig, 2 Quellen');

    const answer = dialog.locator('.msg-answer');
    expect(await answer.getAttribute('data-generated')).toBe('llm');
    expect(await answer.locator('h3').textContent()).toBe('AntwortKI-generiert');
    expect(await answer.getByText('Modell: meta-llama/Llama-3.3-70B-Instruct').count()).toBe(1);
    // Only source URLs become links (docs/security.md); [3] and the Markdown link stay plain text.
    expect(await answer.locator('.msg-text a').evaluateAll((as) => as.map((a) => `${a.textContent} ${(a as HTMLAnchorElement).pathname}`))).toEqual([
      '[1] /inklusionsamt/kraftfahrzeughilfe/',
      '[2] /inklusionsamt/antraege/',
    ]);
    expect(await page.locator('a[href*="evil.example"]').count()).toBe(0);
    expect(await answer.locator('.msg-text').first().textContent()).toContain('Erfunden: [3] und [hier](https://evil.example/).');
    // The server's disclosure (the authority's configured text) replaces the built-in one.
    expect(await dialog.locator('.notice p').first().textContent()).toBe('Text des Servers');
    expect(await dialog.locator('.notice').getAttribute('data-disclosure-version')).toBe('server');
    expect(await dialog.locator('.handoff a').textContent()).toBe('Inklusionsamt, Telefon 0221 555-0');

    // Leichte Sprache: a disclosure button, the text marked as German.
    const easy = answer.getByRole('button', { name: 'In Leichter Sprache lesen' });
    expect(await easy.getAttribute('aria-expanded')).toBe('false');
    expect(await answer.locator('.easy-text').isVisible()).toBe(false);
    await easy.press('Enter');
    expect(await easy.getAttribute('aria-expanded')).toBe('true');
    expect(await answer.locator('.easy-text').isVisible()).toBe(true);
    expect(await answer.locator('.easy-text').getAttribute('lang')).toBe('de');
    expect(await answer.locator('.easy-text p').textContent()).toBe('Sie brauchen ein Auto für die Arbeit.\nDas Auto muss umgebaut werden.\nDann hilft das Amt.');

    await answer.getByRole('button', { name: 'Ja, hilfreich' }).click();
    await answer.getByText('Ihre Rückmeldung konnte gerade nicht gesendet werden.').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });

  it('shows only finished answers when the host or the person asks for it', async () => {
    const { page } = await openPage(env.browser, env.stack, { rewrite: withAttributes('data-answers="complete"') });
    const dialog = await openChat(page);
    const box = dialog.getByRole('checkbox', { name: 'Antworten erst zeigen, wenn sie fertig sind' });
    expect(await box.isChecked()).toBe(true);
    await page.route(`${env.stack.apiOrigin}/api/chat`, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await route.continue();
    });
    await page.locator('#aw-chat-input').fill('Wer bezahlt eine Arbeitsassistenz?');
    await page.keyboard.press('Enter');
    await dialog.locator('.msg-text.pending').waitFor();
    await expect.poll(() => announced(page), { timeout: 10_000 }).toMatch(/^Antwort fertig/);
    expect(await dialog.locator('.cursor').count()).toBe(0);
    await box.uncheck();
    expect(await box.isChecked()).toBe(false);
    await page.context().close();
  });

  it('speaks English with data-lang="en" and offers only the search with data-mode="search"', async () => {
    const { page } = await openPage(env.browser, env.stack, { rewrite: withAttributes('data-lang="en" data-mode="search"') });
    expect(await page.locator('.auskunft-widget').getAttribute('lang')).toBe('en');
    expect(await page.locator('.auskunft-announcer').getAttribute('lang')).toBe('en');
    expect(await page.locator('.auskunft-widget').evaluate((h) => h.shadowRoot!.querySelectorAll('.launcher').length)).toBe(0);
    const input = page.getByRole('combobox', { name: 'Search this website' });
    await input.fill('Arbeitsassistenz');
    await page.getByRole('option').first().waitFor();
    await expect.poll(() => announced(page)).toMatch(/^\d+ results?$/);
    expect(await page.getByRole('option').last().textContent()).not.toContain('assistant');
    // The search button (a mouse user) opens all results, as the site's search page would.
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const view = page.getByRole('dialog', { name: /^Search results for “Arbeitsassistenz”/ });
    await view.waitFor();
    expect(await view.locator('ol a').count()).toBeGreaterThan(0);
    expect(await view.getByRole('button', { name: /assistant/ }).count()).toBe(0);
    await view.getByRole('button', { name: 'Close' }).click();
    expect(await page.evaluate(() => document.querySelector('.auskunft-widget')!.shadowRoot!.activeElement?.id)).toBe('aw-q');
    await page.context().close();
  });

  it('offers only the launcher with data-mode="chat", on the left, with the host\'s own disclosure', async () => {
    const { page } = await openPage(env.browser, env.stack, {
      rewrite: withAttributes('data-mode="chat" data-position="left" data-disclosure-de="Sie chatten mit dem KI-Assistenten des LVMR. Er ersetzt keine Beratung." data-disclosure-version="2026-11-01"'),
    });
    expect(await page.getByRole('combobox').count()).toBe(0);
    // Without a search box to take its place, the site's own search form stays.
    expect(await page.locator('#suchbegriff').count()).toBe(1);
    const launcher = page.getByRole('button', { name: 'Fragen an den Assistenten' });
    expect((await launcher.boundingBox())!.x).toBeLessThan(100);
    const dialog = await openChat(page);
    const notice = dialog.locator('.notice');
    expect(await notice.getAttribute('data-disclosure-version')).toBe('2026-11-01');
    expect(await notice.locator('p').first().textContent()).toBe('Sie chatten mit dem KI-Assistenten des LVMR. Er ersetzt keine Beratung.');
    expect(((await dialog.boundingBox())!.x)).toBeLessThan(100);
    await page.context().close();
  });

  it('does nothing but log one [auskunft] error when data-api is missing', async () => {
    const { page, log } = await openPage(env.browser, env.stack, { rewrite: (html) => html.replace(/ data-api="[^"]*"/, ''), waitForWidget: false });
    await page.waitForLoadState('load');
    expect(await page.locator('.auskunft-widget').count()).toBe(0);
    // The site's own search form stays as it was.
    expect(await page.locator('#suchbegriff').count()).toBe(1);
    expect(log.errors).toEqual([expect.stringMatching(/^console\.error: \[auskunft\] data-api attribute missing/)]);
    await page.context().close();
  });
});
