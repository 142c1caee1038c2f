/**
 * WCAG 2.1 AA (+ the 2.2 additions) and the screen-reader structure described in docs/accessibility.md,
 * checked in real Chromium against the real server: axe-core in closed and open states, roles,
 * names, states, where the live regions sit, ID references inside one shadow root, focus never
 * hidden by the launcher, reflow at 320 px and 400 % zoom, text spacing, target sizes, visible
 * focus and reduced motion. docs/accessibility.md maps each criterion to these tests.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { announced, openPage, skipReason, useBrowserStack } from './stack';

if (skipReason) console.warn(`[widget browser tests] skipped: ${skipReason}`);

/** Serious and critical axe violations inside the widget and its light-DOM announcer. */
async function axeProblems(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .include('.auskunft-widget')
    .include('.auskunft-announcer')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * Every ID reference in the shadow root must name an element of the same root, and IDs
 * must be unique there. Returns the broken references.
 */
function brokenIdReferences(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.querySelector('.auskunft-widget')!.shadowRoot!;
    const broken: string[] = [];
    const ids = [...root.querySelectorAll('[id]')].map((el) => el.id);
    for (const id of new Set(ids)) if (ids.filter((x) => x === id).length > 1) broken.push(`duplicate id ${id}`);
    for (const attr of ['for', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-activedescendant', 'aria-owns']) {
      for (const el of root.querySelectorAll(`[${attr}]`)) {
        for (const ref of el.getAttribute(attr)!.split(/\s+/).filter(Boolean)) {
          if (!root.getElementById(ref)) broken.push(`${el.tagName.toLowerCase()}[${attr}] → #${ref}`);
        }
      }
    }
    return broken;
  });
}

/** Where live regions are: selectors of those in the light DOM and in the shadow root. */
function liveRegions(page: Page): Promise<{ light: string[]; shadow: number }> {
  return page.evaluate(() => {
    const root = document.querySelector('.auskunft-widget')!.shadowRoot!;
    const live = '[aria-live], [role=status], [role=log], [role=alert], [role=marquee], [role=timer], output';
    return {
      light: [...document.querySelectorAll(live)].map((el) => {
        const box = el.parentElement!;
        return `${box.parentElement === document.body ? 'body>' : ''}${box.className}>${el.getAttribute('role') ?? ''}[${el.getAttribute('aria-live')}]`;
      }),
      shadow: root.querySelectorAll(live).length,
    };
  });
}

describe.skipIf(skipReason !== null)('accessibility of the widget on the demo site', () => {
  const env = useBrowserStack();

  it('has no serious or critical axe findings, closed and open, and a sound screen-reader structure', async () => {
    const { page } = await openPage(env.browser, env.stack);
    const input = page.getByRole('combobox', { name: 'Suche auf dieser Website' });

    // --- closed: one light-DOM announcer exists from the start, empty, visually clipped
    expect(await liveRegions(page)).toEqual({ light: ['body>auskunft-announcer>status[polite]', 'body>auskunft-announcer>[assertive]'], shadow: 0 });
    expect(await announced(page)).toBe('');
    expect(await page.locator('.auskunft-announcer').boundingBox()).toMatchObject({ width: 1, height: 1 });
    expect(await page.locator('.auskunft-widget').getAttribute('lang')).toBe('de');
    expect(await input.getAttribute('aria-autocomplete')).toBe('list');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    expect(await input.getAttribute('aria-controls')).toBeNull();
    expect(await page.locator('#aw-q-hint').textContent()).toMatch(/^Ergebnisse erscheinen während der Eingabe/);
    expect(await input.getAttribute('aria-describedby')).toBe('aw-q-hint');
    const launcher = page.getByRole('button', { name: 'Fragen an den Assistenten' });
    expect(await launcher.getAttribute('aria-haspopup')).toBe('dialog');
    expect(await axeProblems(page)).toEqual([]);
    expect(await brokenIdReferences(page)).toEqual([]);

    // --- search open, an option highlighted
    await input.pressSequentially('Kündigungsschutz', { delay: 10 });
    await page.getByRole('option').first().waitFor();
    await input.press('ArrowDown');
    expect(await page.getByRole('listbox', { name: 'Suchergebnisse' }).ariaSnapshot()).toMatch(
      /^- listbox "Suchergebnisse":\n {2}- option "[^"]*Kündigungsschutz[^"]*" \[selected\]/,
    );
    // Options are not in the Tab order and have no focusable content.
    expect(await page.locator('[role=option]').evaluateAll((os) => os.filter((o) => (o as HTMLElement).tabIndex >= 0 || o.querySelector('a, button, input')).length)).toBe(0);
    // The list itself is not live; the count is announced once, politely.
    await expect.poll(() => announced(page)).toMatch(/^\d+ Treffer$/);
    expect((await liveRegions(page)).shadow).toBe(0);
    expect(await axeProblems(page)).toEqual([]);
    expect(await brokenIdReferences(page)).toEqual([]);
    await input.press('Escape');

    // --- chat open: named launcher, modal dialog, AI disclosure and privacy request
    await launcher.click();
    const dialog = page.getByRole('dialog', { name: 'Digitaler Assistent' });
    await dialog.waitFor();
    // axe measures contrast as painted: let the opening fade finish first.
    await dialog.evaluate((d) => Promise.all(d.getAnimations().map((a) => a.finished)));
    const modal = await page.evaluate(() => {
      const d = document.querySelector('.auskunft-widget')!.shadowRoot!.querySelector('dialog')!;
      const root = d.getRootNode() as ShadowRoot;
      return {
        modal: d.matches(':modal'),
        description: d.getAttribute('aria-describedby')!.split(' ').map((id) => root.getElementById(id)!.textContent),
        // The page behind is inert while the dialog is modal: nothing there can be focused.
        pageFocusable: (() => {
          const link = document.querySelector<HTMLAnchorElement>('main a')!;
          link.focus();
          return document.activeElement === link;
        })(),
      };
    });
    expect(modal).toEqual({
      modal: true,
      description: ['KIAutomatisierter KI-Assistent, kein Mensch', expect.stringMatching(/^Bitte geben Sie keine persönlichen Daten ein .*Datenschutzhinweise$/)],
      pageFocusable: false,
    });
    expect(await dialog.locator('[role=region][aria-label="Gesprächsverlauf"]').getAttribute('aria-live')).toBeNull();
    expect(await axeProblems(page)).toEqual([]);
    expect(await brokenIdReferences(page)).toEqual([]);

    // --- an answer: status only at start and end, never the tokens; focus stays
    const spoken: string[] = [];
    await page.exposeFunction('__spoken', (text: string) => spoken.push(text));
    await page.evaluate(() => {
      const box = document.querySelector('.auskunft-announcer')!;
      new MutationObserver(() => box.textContent && (window as unknown as { __spoken(t: string): void }).__spoken(box.textContent)).observe(box, { subtree: true, childList: true, characterData: true });
    });
    await page.locator('#aw-chat-input').fill('Wie beantrage ich einen Schwerbehindertenausweis?');
    await page.keyboard.press('Enter');
    await expect.poll(() => announced(page), { timeout: 10_000 }).toMatch(/^Antwort fertig, \d+ Quellen?$/);
    // Only status lines, the last being "fertig" (a fast answer may replace "wird erstellt"
    // before it was placed: the announcer only ever says the newest status).
    expect(spoken.every((t) => /^Antwort (wird erstellt …|fertig, \d+ Quellen?)$/.test(t))).toBe(true);
    expect(spoken.at(-1)).toMatch(/^Antwort fertig/);
    expect(await page.evaluate(() => document.querySelector('.auskunft-widget')!.shadowRoot!.activeElement?.id)).toBe('aw-chat-input');
    const answer = dialog.locator('.msg-answer').last();
    expect(await answer.locator('h3').first().textContent()).toMatch(/^Antwort/);
    await answer.getByRole('button', { name: 'Nein, nicht hilfreich' }).click();
    await answer.locator('textarea').waitFor();
    expect(await axeProblems(page)).toEqual([]);
    expect(await brokenIdReferences(page)).toEqual([]);
    await page.context().close();
  });

  it('never hides the focused element behind the launcher while tabbing through the page (WCAG 2.4.11)', async () => {
    // A page and window size where, without the widget's care, Tab lands links under the launcher.
    const { page } = await openPage(env.browser, env.stack, { viewport: { width: 800, height: 500 }, path: '/inklusionsamt/kuendigungsschutz/' });
    const hidden: string[] = [];
    let stops = 0;
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      const check = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return { done: true, hidden: null };
        const host = document.querySelector('.auskunft-widget')!;
        if (el === host) return { done: false, hidden: null };
        const a = el.getBoundingClientRect();
        const b = host.shadowRoot!.querySelector('.launcher')!.getBoundingClientRect();
        const inside = a.left >= b.left && a.right <= b.right && a.top >= b.top && a.bottom <= b.bottom;
        const overlaps = a.bottom > b.top && a.top < b.bottom && a.right > b.left && a.left < b.right;
        // Partly covered is allowed only where the page cannot scroll any further.
        const atEnd = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
        const bad = a.width > 0 && (inside || (overlaps && !atEnd));
        return { done: false, hidden: bad ? `${el.tagName} ${el.textContent?.trim()}` : null };
      });
      if (check.done) break;
      stops++;
      if (check.hidden) hidden.push(check.hidden);
    }
    expect(stops).toBeGreaterThan(40);
    expect(hidden).toEqual([]);
    await page.context().close();
  });

  it('reflows at 320 px and at 400 % zoom (320 × 256), with targets of at least 24 × 24 px', async () => {
    for (const viewport of [{ width: 320, height: 640 }, { width: 320, height: 256 }]) {
      const { page } = await openPage(env.browser, env.stack, { viewport, reducedMotion: 'reduce' });
      // The demo page's own width (its long H1 words may overflow): the widget must add nothing.
      const pageWidth = Math.max(320, await page.evaluate(() => document.documentElement.scrollWidth));
      const noSideways = () => page.evaluate(() => document.documentElement.scrollWidth);
      const outside = () =>
        page.evaluate(() =>
          [...document.querySelector('.auskunft-widget')!.shadowRoot!.querySelectorAll('*')]
            .map((el) => [el, el.getBoundingClientRect()] as const)
            .filter(([, r]) => r.width > 0 && (r.left < 0 || r.right > 320))
            .map(([el, r]) => `${el.tagName}.${el.className} ${r.left}–${r.right}`),
        );
      await page.getByRole('combobox').fill('Kraftfahrzeughilfe');
      await page.getByRole('option').first().waitFor();
      expect(await noSideways()).toBeLessThanOrEqual(pageWidth);
      expect(await outside()).toEqual([]);
      const popup = await page.locator('.popup').boundingBox();
      expect(popup!.x).toBeGreaterThanOrEqual(0);
      expect(popup!.x + popup!.width).toBeLessThanOrEqual(320);
      await page.getByRole('combobox').press('Escape');

      await page.getByRole('button', { name: 'Fragen an den Assistenten' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      expect(await dialog.boundingBox()).toMatchObject({ x: 0, y: 0, width: 320, height: viewport.height });
      await page.locator('#aw-chat-input').fill('Wer zahlt den Umbau meines Autos?');
      await page.keyboard.press('Enter');
      await expect.poll(() => announced(page), { timeout: 10_000 }).toMatch(/^Antwort fertig/);
      // Nothing wider than the dialog; in the short window the whole dialog scrolls instead.
      expect(await dialog.evaluate((d) => d.scrollWidth - d.clientWidth)).toBe(0);
      expect(await noSideways()).toBeLessThanOrEqual(pageWidth);
      expect(await outside()).toEqual([]);
      const send = page.getByRole('button', { name: 'Senden' });
      await send.scrollIntoViewIfNeeded();
      expect(await send.isVisible()).toBe(true);

      // 2.5.8: every control except links inside running text is at least 24 × 24.
      const small = await page.evaluate(() => {
        const root = document.querySelector('.auskunft-widget')!.shadowRoot!;
        return [...root.querySelectorAll<HTMLElement>('button, input, textarea, [role=option], .panel-links a')]
          .map((el) => [el, el.getBoundingClientRect()] as const)
          .filter(([, r]) => r.width > 0 && (r.width < 24 || r.height < 24))
          .map(([el, r]) => `${el.tagName} ${el.getAttribute('aria-label') ?? el.textContent} ${r.width}×${r.height}`);
      });
      expect(small).toEqual([]);
      await page.context().close();
    }
  });

  it('keeps working with text-spacing overrides, shows focus, and moves only when motion is welcome', async () => {
    const { page } = await openPage(env.browser, env.stack, { reducedMotion: 'reduce' });
    // WCAG 1.4.12: the bookmarklet's overrides, applied inside the shadow root.
    await page.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }');
      const root = document.querySelector('.auskunft-widget')!.shadowRoot!;
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    });
    await page.getByRole('button', { name: 'Fragen an den Assistenten' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    const clipped = await page.evaluate(() => {
      const root = document.querySelector('.auskunft-widget')!.shadowRoot!;
      return [...root.querySelectorAll<HTMLElement>('button, label, h2, .ai-note')]
        .filter((el) => el.getClientRects().length && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1))
        .map((el) => el.textContent);
    });
    expect(clipped).toEqual([]);
    // Reduced motion: no opening animation.
    expect(await page.locator('dialog').evaluate((d) => getComputedStyle(d).animationName)).toBe('none');

    // Visible focus (2.4.7) on each kind of control reached by keyboard.
    const outlines: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      outlines.push(
        await page.evaluate(() => {
          const el = document.querySelector('.auskunft-widget')!.shadowRoot!.activeElement!;
          const s = getComputedStyle(el);
          return `${el.tagName}:${s.outlineStyle}:${parseFloat(s.outlineWidth) >= 2}`;
        }),
      );
    }
    expect(outlines.filter((o) => !o.endsWith(':solid:true'))).toEqual([]);
    await page.context().close();

    const moving = await openPage(env.browser, env.stack, { reducedMotion: 'no-preference' });
    await moving.page.getByRole('button', { name: 'Fragen an den Assistenten' }).click();
    expect(await moving.page.locator('dialog').evaluate((d) => getComputedStyle(d).animationName)).toBe('aw-in');
    await moving.page.context().close();
  });
});
