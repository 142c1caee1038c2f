/**
 * The keyboard journey of docs/accessibility.md: in real Chromium against the real server and
 * the demo site, a person using only the keyboard searches, opens a result, asks the assistant, gets a cited answer,
 * gives feedback, copies the answer and starts over. Screenshots of the desktop and mobile
 * layouts go to test-results/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { announced, focusInWidget, openPage, RESULTS_DIR, skipReason, violations, useBrowserStack } from './stack';

if (skipReason) console.warn(`[widget browser tests] skipped: ${skipReason}`);

/** Presses `key` until the widget's focused element matches, at most `max` times. */
async function pressUntil(page: Page, key: string, target: RegExp, max = 30): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (target.test(await focusInWidget(page))) return;
    await page.keyboard.press(key);
  }
  throw new Error(`focus never reached ${target} with ${key}; it is on ${await focusInWidget(page)}`);
}

/** Like pressUntil, but matches the accessible label of the focused element. */
async function pressUntilLabel(page: Page, key: string, label: string, max = 40): Promise<void> {
  const focusedLabel = () =>
    page.evaluate(() => {
      const el = document.querySelector('.auskunft-widget')?.shadowRoot?.activeElement;
      return el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '';
    });
  for (let i = 0; i < max; i++) {
    if ((await focusedLabel()) === label) return;
    await page.keyboard.press(key);
  }
  throw new Error(`focus never reached "${label}" with ${key}`);
}

describe.skipIf(skipReason !== null)('keyboard-only journey on the demo site', () => {
  const env = useBrowserStack();

  it('search, open a result, ask the assistant, get a cited answer, give feedback, copy, start over', async () => {
    const { page, log } = await openPage(env.browser, env.stack);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.stack.siteOrigin });
    const input = page.getByRole('combobox', { name: 'Suche auf dieser Website' });

    // The widget replaced the site's own search form in the header and is in the Tab order.
    expect(await page.locator('#auskunft-suche > .auskunft-widget').count()).toBe(1);
    expect(await page.locator('#suchbegriff').count()).toBe(0);
    await pressUntil(page, 'Tab', /^input#aw-q\./);

    // --- typing shows results; focus stays in the input, nothing is highlighted yet
    await page.keyboard.type('Schwerbehindertenausweis beantragen', { delay: 15 });
    await page.getByRole('option').first().waitFor();
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    expect(await input.getAttribute('aria-controls')).toBe('aw-q-list');
    expect(await input.getAttribute('aria-activedescendant')).toBeNull();
    await expect.poll(() => announced(page)).toMatch(/^\d+ Treffer$/);
    const firstTitle = await page.locator('[role=option] .opt-title').first().textContent();
    expect(firstTitle).toMatch(/Schwerbehindertenausweis/);

    // --- Down highlights the first option, Up from there wraps to the last: the assistant
    await page.keyboard.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBe('aw-q-opt-0');
    expect(await page.locator('#aw-q-opt-0').getAttribute('aria-selected')).toBe('true');
    expect(await focusInWidget(page)).toMatch(/^input#aw-q\./);
    await page.keyboard.press('ArrowUp');
    const last = page.getByRole('option').last();
    expect(await last.getAttribute('aria-selected')).toBe('true');
    expect(await last.textContent()).toBe('„Schwerbehindertenausweis beantragen“ dem digitalen Assistenten stellen');

    // --- Escape closes, Escape again clears
    await page.keyboard.press('Escape');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('listbox').count()).toBe(0);
    expect(await input.inputValue()).toBe('Schwerbehindertenausweis beantragen');
    await page.keyboard.press('Escape');
    expect(await input.inputValue()).toBe('');

    // --- Enter on a highlighted result opens its page (the section it was found in)
    await page.keyboard.type('Arbeitsassistenz', { delay: 15 });
    await page.getByRole('option').first().waitFor();
    await page.keyboard.press('ArrowDown');
    const href = await page.locator('#aw-q-opt-0').getAttribute('href');
    expect(href).toContain('/inklusionsamt/arbeitsassistenz/');
    await Promise.all([page.waitForURL(href!), page.keyboard.press('Enter')]);
    await page.locator('.auskunft-widget').waitFor();

    // --- on that page: the question goes from the search to the assistant (WCAG 3.3.7)
    await pressUntil(page, 'Tab', /^input#aw-q\./);
    await page.keyboard.type('Wer bezahlt eine Arbeitsassistenz?', { delay: 10 });
    await page.getByRole('option').first().waitFor();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Digitaler Assistent' });
    await dialog.waitFor();
    await expect.poll(() => focusInWidget(page)).toMatch(/^textarea#aw-chat-input\./);
    expect(await page.locator('#aw-chat-input').inputValue()).toBe('Wer bezahlt eine Arbeitsassistenz?');
    // Disclosure and privacy request are there before the first message.
    expect(await dialog.getByText('Automatisierter KI-Assistent, kein Mensch').isVisible()).toBe(true);
    expect(await dialog.getByText('Bitte geben Sie keine persönlichen Daten ein', { exact: false }).isVisible()).toBe(true);
    expect(await dialog.getByRole('link', { name: 'Datenschutzhinweise' }).getAttribute('href')).toBe(`${env.stack.siteOrigin}/datenschutz/`);

    // --- Enter sends; the answer cites its sources with links to exactly those pages
    await page.keyboard.press('Enter');
    await expect.poll(() => announced(page), { timeout: 10_000 }).toMatch(/^Antwort fertig, \d+ Quellen?$/);
    const answer = dialog.locator('.msg-answer').last();
    expect(await answer.getAttribute('data-generated')).toMatch(/^(extractive|faq)$/);
    expect(await answer.getByRole('heading', { level: 3 }).first().textContent()).toMatch(/^Antwort/);
    const sourceLinks = await answer.locator('.sources a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    const citeLinks = await answer.locator('a.cite').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(sourceLinks.length).toBeGreaterThan(0);
    expect(sourceLinks.some((u) => u.includes('/inklusionsamt/arbeitsassistenz/'))).toBe(true);
    expect(citeLinks.length).toBeGreaterThan(0);
    for (const url of citeLinks) expect(sourceLinks.map((u) => u.split('#')[0])).toContain(url.split('#')[0]);
    expect(await answer.locator('a.cite').first().getAttribute('aria-label')).toMatch(/^Quelle \d+: /);
    // Talk to a person: always between the conversation and the question box.
    expect(await dialog.locator('.handoff a').getAttribute('href')).toBe(`${env.stack.siteOrigin}/kontakt/`);
    expect(await focusInWidget(page)).toMatch(/^textarea#aw-chat-input\./);

    // --- feedback by keyboard: thumbs down, an optional comment, send
    const feedbackRequest = page.waitForRequest((r) => r.url() === `${env.stack.apiOrigin}/api/feedback`);
    await pressUntilLabel(page, 'Shift+Tab', 'Nein, nicht hilfreich');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusInWidget(page)).toMatch(/^textarea#aw-fb-c-\d+\./);
    await page.keyboard.type('Die Telefonnummer der Ansprechperson fehlt.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const request = await feedbackRequest;
    expect((await request.response())?.status()).toBe(204);
    const sent = JSON.parse(request.postData() ?? '{}');
    expect(sent).toEqual({
      rating: 'down',
      comment: 'Die Telefonnummer der Ansprechperson fehlt.',
      question: 'Wer bezahlt eine Arbeitsassistenz?',
      answer: expect.stringContaining('[1]'),
      sources: sourceLinks,
    });
    await expect.poll(() => focusInWidget(page)).toMatch(/^p#\.note/);
    expect(await answer.locator('.feedback .note').textContent()).toBe('Danke für Ihre Rückmeldung.');
    expect(await answer.getByRole('button', { name: 'Nein, nicht hilfreich' }).getAttribute('aria-pressed')).toBe('true');

    // --- copy the answer with its sources
    await pressUntilLabel(page, 'Shift+Tab', 'Antwort kopieren');
    await page.keyboard.press('Enter');
    await expect.poll(() => announced(page)).toBe('Antwort kopiert');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('Quellen:\n[1] ');
    expect(copied).toContain('/inklusionsamt/arbeitsassistenz/');

    // --- Tab and Shift+Tab stay inside the open dialog
    const seen = new Set<string>();
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      const where = await focusInWidget(page);
      expect(where).not.toMatch(/^outside/);
      seen.add(where);
    }
    expect(seen.size).toBeGreaterThan(5);
    expect(seen.size).toBeLessThan(25); // it went round

    // --- Escape closes; focus returns to the search box that opened the chat
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => focusInWidget(page)).toMatch(/^input#aw-q\./);

    // --- the launcher reopens the same conversation; "Neues Gespräch" empties it
    await pressUntil(page, 'Tab', /^button#\..*launcher/);
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    expect(await dialog.locator('.turn').count()).toBe(1);
    await pressUntilLabel(page, 'Shift+Tab', 'Neues Gespräch');
    await page.keyboard.press('Enter');
    expect(await dialog.locator('.turn').count()).toBe(0);
    await expect.poll(() => focusInWidget(page)).toMatch(/^textarea#aw-chat-input\./);
    await page.keyboard.press('Escape');
    await expect.poll(() => focusInWidget(page)).toMatch(/^button#\..*launcher/);

    expect(await violations(page)).toEqual([]);
    expect(log.errors).toEqual([]);
    await page.context().close();
  });

  it('looks right on desktop and on a phone (screenshots in test-results/)', async () => {
    for (const [name, options] of [
      ['desktop', { viewport: { width: 1280, height: 860 } }],
      ['mobile', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }],
    ] as const) {
      const { page } = await openPage(env.browser, env.stack, options);
      const shot = (state: string) => page.screenshot({ path: join(RESULTS_DIR, `widget-${name}-${state}.png`), animations: 'disabled' });
      await shot('closed');
      await page.getByRole('combobox').fill('Kündigungsschutz');
      await page.getByRole('option').first().waitFor();
      await shot('search');
      await page.getByRole('combobox').press('Escape');
      await page.getByRole('button', { name: 'Fragen an den Assistenten' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await shot('chat-empty');
      await page.locator('#aw-chat-input').fill('Brauche ich die Zustimmung des Inklusionsamts für eine Kündigung?');
      await page.keyboard.press('Enter');
      await expect.poll(() => announced(page), { timeout: 10_000 }).toMatch(/^Antwort fertig/);
      await shot('chat-answer');
      // Phones: the dialog covers the whole screen; nothing scrolls sideways.
      if (name === 'mobile') expect(await dialog.boundingBox()).toMatchObject({ x: 0, y: 0, width: 390, height: 844 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(options.viewport.width);
      await page.context().close();
    }
  });
});
