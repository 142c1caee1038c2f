/**
 * The promise of docs/security.md (Embedding the widget): the widget on a host page whose Content-Security-Policy
 * adds nothing for Auskunft but `script-src` and `connect-src` (no 'unsafe-inline', no
 * 'unsafe-eval', no style, image or font sources for it) and that enforces Trusted Types.
 * Any `securitypolicyviolation` fails the test. The host can pin widget.js with Subresource
 * Integrity.
 */
import { createHash } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announced, launchChromium, openPage, skipReason, startStack, violations, type Stack } from './stack';

if (skipReason) console.warn(`[widget browser tests] skipped: ${skipReason}`);

describe.skipIf(skipReason !== null)('widget under a strict host CSP', () => {
  let stack: Stack;
  let browser: Browser;
  /** What a security officer would allow: the site itself, plus the Auskunft origin for scripts and requests. */
  let csp: string;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchChromium()]);
    csp = [
      "default-src 'self'",
      "img-src 'self' data:",
      `script-src 'self' ${stack.apiOrigin}`,
      `connect-src 'self' ${stack.apiOrigin}`,
      "require-trusted-types-for 'script'",
      "trusted-types 'none'",
      "object-src 'none'",
      "base-uri 'none'",
    ].join('; ');
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('searches, loads the chat, answers and takes feedback without a single violation', async () => {
    const { page, log, origin } = await openPage(browser, stack, { csp });
    const scriptsBefore = await page.evaluate(() => document.scripts.length);

    await page.getByRole('combobox').pressSequentially('Arbeitsassistenz', { delay: 10 });
    await page.getByRole('option').first().waitFor();
    // Highlights are DOM nodes (<mark>), not HTML strings.
    expect(await page.locator('[role=option] mark').count()).toBeGreaterThan(0);
    await page.getByRole('combobox').press('Escape');

    const chunk = page.waitForResponse((r) => /\/widget\/chat-[\w-]+\.js$/.test(r.url()));
    await page.getByRole('button', { name: 'Fragen an den Assistenten' }).click();
    const headers = (await chunk).headers();
    expect(headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(headers['access-control-allow-origin']).toBe('*');
    expect(headers['cache-control']).toContain('immutable');
    await page.getByRole('dialog').waitFor();
    await page.locator('#aw-chat-input').fill('Wer bezahlt eine Arbeitsassistenz?');
    await page.keyboard.press('Enter');
    await expect.poll(() => announced(page), { timeout: 10_000 }).toMatch(/^Antwort fertig/);
    await page.getByRole('button', { name: 'Ja, hilfreich' }).click();
    await page.getByText('Danke für Ihre Rückmeldung.').waitFor();

    const dom = await page.evaluate(() => {
      const root = document.querySelector('.auskunft-widget')!.shadowRoot!;
      return {
        // Styles only through adoptedStyleSheets: one sheet at load, one with the chat.
        sheets: root.adoptedStyleSheets.length,
        styleElements: root.querySelectorAll('style, link').length + document.querySelectorAll('style').length,
        scripts: root.querySelectorAll('script').length,
        images: root.querySelectorAll('img, image, object, embed, iframe').length,
      };
    });
    expect(dom).toEqual({ sheets: 2, styleElements: 0, scripts: 0, images: 0 });
    // No <script> element created: the chat came through import() (Trusted Types).
    expect(await page.evaluate(() => document.scripts.length)).toBe(scriptsBefore);
    expect(await violations(page)).toEqual([]);
    expect(log.errors).toEqual([]);
    // Only the host and the Auskunft server were contacted (C2: no third parties).
    expect(log.requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith(`${stack.apiOrigin}/`))).toEqual([]);
    await page.context().close();
  });

  it('runs when the host pins widget.js with Subresource Integrity, and not when the file differs', async () => {
    const script = await (await fetch(`${stack.apiOrigin}/widget.js`)).arrayBuffer();
    const integrity = `sha384-${createHash('sha384').update(Buffer.from(script)).digest('base64')}`;
    const pin = (hash: string) => (html: string) => html.replace('<script src=', `<script integrity="${hash}" crossorigin="anonymous" src=`);

    const pinned = await openPage(browser, stack, { csp, rewrite: pin(integrity) });
    await pinned.page.getByRole('button', { name: 'Fragen an den Assistenten' }).click();
    await pinned.page.getByRole('dialog').waitFor();
    expect(await violations(pinned.page)).toEqual([]);
    await pinned.page.context().close();

    const tampered = await openPage(browser, stack, { csp, rewrite: pin(`sha384-${'A'.repeat(64)}`), waitForWidget: false });
    await tampered.page.waitForLoadState('load');
    expect(await tampered.page.locator('.auskunft-widget').count()).toBe(0);
    expect(tampered.log.errors.join('\n')).toMatch(/integrity/i);
    await tampered.page.context().close();
  });
});
