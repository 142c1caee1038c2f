/**
 * The widget on a hostile CMS page of another origin, used as a citizen would, at 1280 and
 * 360 px: a strict CSP (nothing for Auskunft but script-src and connect-src, Trusted Types),
 * a 62.5 % root font size, blanket resets of every inherited text property, and a sticky header
 * with z-index 9999. Real server and demo site; the hand-off contact, an English answer with
 * `lang` and a declined answer with its reason are produced by the test where today's server
 * cannot send them yet. Screenshots go to test-results/hostile-<width>-<state>.png.
 */
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { resolveSettings } from '@auskunft/core';
import { serverSettings } from '@auskunft/server';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { announced, openPage, RESULTS_DIR, skipReason, useBrowserStack, violations, type Stack } from './stack';

if (skipReason) console.warn(`[widget browser tests] skipped: ${skipReason}`);

const NONCE = 'cms-2026';

/**
 * A CMS theme: a blanket reset of every element (the widget's host element included), a root
 * font size of 62.5 %, a sticky header above everything, and header styles that set every
 * inherited text property on the search's mount point, which is where the widget's host sits.
 */
const HOSTILE_CSS = `
html { font-size: 62.5%; }
*, *::before, *::after { margin: 0; padding: 0; border: 0; box-sizing: content-box; line-height: 3; cursor: crosshair; }
body { font-size: 1.3rem; }
header.kopf { position: sticky; top: 0; z-index: 9999; background: #ffe14d; }
div { position: static; }
#auskunft-suche, #auskunft-suche * {
  letter-spacing: 0.2em; word-spacing: 0.6em; text-transform: uppercase; text-align: right; text-indent: 2em;
  font-style: italic; font-weight: 900; font-variant: small-caps; color: #8a0070; direction: rtl;
  white-space: nowrap; visibility: visible;
}
`;

function hostileCsp(stack: Stack): string {
  return [
    "default-src 'self'",
    `style-src 'self' 'nonce-${NONCE}'`,
    "img-src 'self' data:",
    `script-src 'self' ${stack.apiOrigin}`,
    `connect-src 'self' ${stack.apiOrigin}`,
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
    "object-src 'none'",
    "base-uri 'none'",
  ].join('; ');
}

const hostile = (html: string): string => html.replace('</head>', `<style nonce="${NONCE}">${HOSTILE_CSS}</style></head>`);

const WIDTHS = [
  { width: 1280, height: 860 },
  { width: 360, height: 740 },
] as const;

/** The page in a desktop browser, or at 360 px as a phone (touch, mobile viewport). */
function openHostile(env: { browser: Parameters<typeof openPage>[0]; stack: Stack }, viewport: { width: number; height: number }, path = '/') {
  const phone = viewport.width < 500 ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {};
  return openPage(env.browser, env.stack, { viewport, path, csp: hostileCsp(env.stack), rewrite: hostile, reducedMotion: 'reduce', ...phone });
}

/** Serious and critical axe findings inside the widget and its announcer. */
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

const shot = (page: Page, width: number, state: string) =>
  page.screenshot({ path: join(RESULTS_DIR, `hostile-${width}-${state}.png`), animations: 'disabled' });

/** Everything the announcer says from now on, in order. */
async function recordSpeech(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __said: string[] };
    w.__said = [];
    const box = document.querySelector('.auskunft-announcer')!;
    new MutationObserver(() => box.textContent && w.__said.push(box.textContent)).observe(box, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __said: string[] }).__said);
}

/** Sends a question and waits until its answer is finished and announced. */
async function ask(page: Page, question: string): Promise<void> {
  const answers = page.locator('.msg-answer[data-generated]');
  const before = await answers.count();
  await page.locator('#aw-chat-input').fill(question);
  await page.keyboard.press('Enter');
  await expect.poll(() => answers.count(), { timeout: 15_000 }).toBe(before + 1);
  await expect.poll(() => announced(page)).toMatch(/^(Antwort fertig|Answer ready)/);
}

const sse = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

describe.skipIf(skipReason !== null)('widget on a hostile host page of another origin', () => {
  const env = useBrowserStack();

  it('stays within 15 KB gzip before interaction and loads nothing else, under the strict CSP', async () => {
    const { page, log, origin } = await openHostile(env, WIDTHS[0]);
    expect(origin).not.toBe(env.stack.apiOrigin);
    await page.waitForLoadState('networkidle');
    const widget = await (await fetch(`${env.stack.apiOrigin}/widget.js`)).arrayBuffer();
    expect(gzipSync(Buffer.from(widget), { level: 9 }).length).toBeLessThanOrEqual(15 * 1024);
    const fromApi = log.requests.filter((u) => u.startsWith(env.stack.apiOrigin));
    expect(fromApi).toEqual([`${env.stack.apiOrigin}/widget.js`]);
    expect(await page.context().cookies()).toEqual([]);
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });

  it('keeps the host page\'s inherited text styles out of the search and the chat', async () => {
    const { page } = await openHostile(env, WIDTHS[0]);
    await page.getByRole('combobox').fill('Kraftfahrzeughilfe');
    await page.getByRole('option').first().waitFor();
    await page.getByRole('combobox').press('Escape');
    await page.getByRole('button', { name: 'Fragen an den Assistenten' }).click();
    await page.getByRole('dialog').waitFor();
    await ask(page, 'Wer zahlt den Umbau meines Autos?');
    const styles = await page.evaluate(() => {
      const root = document.querySelector('.auskunft-widget')!.shadowRoot!;
      const pick = ['line-height', 'letter-spacing', 'word-spacing', 'text-transform', 'text-align', 'text-indent', 'font-style', 'font-variant-caps', 'direction', 'white-space', 'cursor', 'visibility', 'font-size'];
      const out: Record<string, string> = {};
      for (const sel of ['.label', '.msg-text', '.cite', '.sources li', '.notice p', '.msg-label .tag']) {
        const el = root.querySelector(sel);
        if (!el) {
          out[sel] = 'missing';
          continue;
        }
        const s = getComputedStyle(el);
        out[sel] = pick.map((p) => `${p}:${s.getPropertyValue(p)}`).join(' ');
      }
      return out;
    });
    for (const [sel, value] of Object.entries(styles)) {
      expect(value, sel).not.toBe('missing');
      expect(value, sel).not.toMatch(/uppercase|italic|small-caps|rtl|nowrap|crosshair|right|0\.2em|letter-spacing:3\.2px/);
      // The widget's own sizes (never rem: the host's root is 10 px) and line height, never the host's 3.
      const lineHeight = Number(/line-height:([\d.]+)px/.exec(value)?.[1]);
      const fontSize = Number(/font-size:([\d.]+)px/.exec(value)?.[1]);
      expect(lineHeight / fontSize, sel).toBeLessThanOrEqual(1.6);
      expect(fontSize, sel).toBeGreaterThanOrEqual(13);
    }
    // The answer text keeps the widget's colour, not the theme's magenta.
    expect(await page.locator('.msg-answer .msg-text').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(27, 27, 27)');
    await page.context().close();
  });

  for (const viewport of WIDTHS) {
    const w = viewport.width;

    it(`${w} px: results are named by their visible text, the highlight never scrolls the page, the launcher covers no result, Enter shows all results`, async () => {
      const { page } = await openHostile(env, viewport);
      const input = page.getByRole('combobox');
      await input.pressSequentially('Kündigungsschutz', { delay: 10 });
      await page.getByRole('option').first().waitFor();
      await expect.poll(() => announced(page)).toMatch(/^\d+ Treffer$/);
      // Label in Name (WCAG 2.5.3): the option's name holds its title and its snippet.
      const first = await page.locator('[role=option]').first().evaluate((o) => ({
        title: o.querySelector('.opt-title')!.textContent!,
        snippet: o.querySelector('.opt-snippet')?.textContent ?? '',
        labelledBy: o.getAttribute('aria-labelledby'),
      }));
      expect(first.labelledBy).toBeNull();
      const snapshot = await page.getByRole('listbox').ariaSnapshot();
      expect(snapshot).toContain(first.title);
      expect(snapshot.replace(/\s+/g, ' ')).toContain(first.snippet.slice(0, 30).replace(/\s+/g, ' '));
      await shot(page, w, 'search');
      expect(await axeProblems(page)).toEqual([]);

      // ArrowUp goes to the last option: the popup scrolls, the page does not.
      const scrollBefore = await page.evaluate(() => window.scrollY);
      await input.press('ArrowUp');
      const last = page.locator('[role=option]').last();
      expect(await last.getAttribute('aria-selected')).toBe('true');
      expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
      const box = (await last.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height + 1);
      // Whatever lies in the launcher's corner of an option, the option is on top there.
      const covered = await page.evaluate(() => {
        const root = document.querySelector('.auskunft-widget')!.shadowRoot!;
        return [...root.querySelectorAll<HTMLElement>('[role=option]')].flatMap((o) => {
          const r = o.getBoundingClientRect();
          const x = Math.min(r.right, innerWidth) - 12;
          const y = Math.min(r.bottom, innerHeight) - 6;
          if (y < r.top || y < 0) return [];
          const top = root.elementFromPoint(x, y);
          return top && o.contains(top) ? [] : [`${o.textContent!.slice(0, 30)} under ${top?.className}`];
        });
      });
      expect(covered).toEqual([]);
      await shot(page, w, 'search-last');

      // Enter without a highlighted option: all results, with snippets, as links in the Tab order.
      await input.press('End');
      await input.press('Enter');
      const view = page.getByRole('dialog', { name: /^Suchergebnisse für „Kündigungsschutz“/ });
      await view.waitFor();
      expect(await page.evaluate(() => document.querySelector('.auskunft-widget')!.shadowRoot!.activeElement?.id)).toBe('aw-results-title');
      const links = view.locator('ol a');
      expect(await links.count()).toBeGreaterThan(1);
      expect(await view.locator('ol a .opt-snippet').count()).toBeGreaterThan(0);
      expect(await view.evaluate((d) => d.matches(':modal'))).toBe(true);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.querySelector('.auskunft-widget')!.shadowRoot!.activeElement?.tagName)).toBe('A');
      // Tab wraps inside the view, as in the chat: back past the close button to the last control.
      const focused = () => page.evaluate(() => document.querySelector('.auskunft-widget')!.shadowRoot!.activeElement?.textContent ?? '');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Shift+Tab');
      expect(await focused()).toBe('„Kündigungsschutz“ dem digitalen Assistenten stellen');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.querySelector('.auskunft-widget')!.shadowRoot!.activeElement?.getAttribute('aria-label'))).toBe('Schließen');
      await page.keyboard.press('Tab');
      await shot(page, w, 'results');
      expect(await axeProblems(page)).toEqual([]);
      await page.keyboard.press('Escape');
      expect(await view.count()).toBe(0);
      expect(await page.evaluate(() => document.querySelector('.auskunft-widget')!.shadowRoot!.activeElement?.id)).toBe('aw-q');
      expect(await violations(page)).toEqual([]);
      await page.context().close();
    });

    it(`${w} px: the chat is opaque above the sticky header, without the launcher, shows the start of each answer and the server's disclosure`, async () => {
      const { page } = await openHostile(env, viewport);
      await page.getByRole('button', { name: 'Fragen an den Assistenten' }).click();
      const dialog = page.getByRole('dialog', { name: 'Digitaler Assistent' });
      await dialog.waitFor();
      const notice = dialog.locator('.notice p').first();
      // Before the first answer: the built-in text stands in.
      expect(await notice.textContent()).toMatch(/^Sie schreiben mit einem automatisierten Assistenten, der künstliche Intelligenz nutzt/);

      // In the top layer, opaque, and nothing of the host page (its sticky header) over it.
      const layer = await page.evaluate(() => {
        const root = document.querySelector('.auskunft-widget')!.shadowRoot!;
        const d = root.querySelector('dialog')!;
        const r = d.getBoundingClientRect();
        const points = [[r.left + 20, r.top + 10], [r.left + r.width / 2, r.top + 40], [r.right - 20, r.bottom - 20], [r.left + 20, r.bottom - 30]];
        return {
          modal: d.matches(':modal'),
          background: getComputedStyle(d).backgroundColor,
          opacity: getComputedStyle(d).opacity,
          onTop: points.map(([x, y]) => {
            const el = root.elementFromPoint(x!, y!);
            return Boolean(el && d.contains(el) && document.elementFromPoint(x!, y!) === (d.getRootNode() as ShadowRoot).host);
          }),
          launcherShown: root.querySelector('.launcher')!.getClientRects().length > 0,
        };
      });
      expect(layer).toEqual({ modal: true, background: 'rgb(255, 255, 255)', opacity: '1', onTop: [true, true, true, true], launcherShown: false });

      const said = await recordSpeech(page);
      await ask(page, 'Brauche ich die Zustimmung des Inklusionsamts für eine Kündigung?');
      await ask(page, 'Wie beantrage ich einen Schwerbehindertenausweis?');
      // Each finished answer is announced exactly once.
      expect((await said()).filter((t) => t.startsWith('Antwort fertig'))).toHaveLength(2);
      // The start of the newest turn (question and first lines of the answer) is in view.
      const view = await page.evaluate(() => {
        const root = document.querySelector('.auskunft-widget')!.shadowRoot!;
        const t = root.querySelector('.transcript')!;
        const turn = [...root.querySelectorAll('.turn')].at(-1)!;
        const text = turn.querySelector('.msg-answer .msg-text')!;
        const box = t.getBoundingClientRect();
        return { turnTop: turn.getBoundingClientRect().top - box.top, textTop: text.getBoundingClientRect().top - box.top, height: box.height, overflows: t.scrollHeight > t.clientHeight };
      });
      expect(view.overflows).toBe(true);
      expect(view.turnTop).toBeGreaterThanOrEqual(0);
      expect(view.textTop + 24).toBeLessThanOrEqual(view.height);
      // The server's disclosure (chat.disclosure) replaces the stand-in with the first answer.
      expect(await notice.textContent()).toBe(resolveSettings(serverSettings).disclosure);
      expect(await dialog.locator('.notice').getAttribute('data-disclosure-version')).toBe('server');
      await shot(page, w, 'chat-answer');
      expect(await axeProblems(page)).toEqual([]);

      // Thumbs down: the comment form, its send button included, is clear of the hand-off bar.
      const answer = dialog.locator('.msg-answer').last();
      await answer.getByRole('button', { name: 'Nein, nicht hilfreich' }).click();
      const send = answer.getByRole('button', { name: 'Rückmeldung senden' });
      await send.waitFor();
      const clear = await send.evaluate((b) => {
        const r = b.getBoundingClientRect();
        const root = b.getRootNode() as ShadowRoot;
        const t = root.querySelector('.transcript')!.getBoundingClientRect();
        return r.bottom <= t.bottom + 0.5 && root.elementFromPoint(r.left + r.width / 2, r.bottom - 3) === b;
      });
      expect(clear).toBe(true);
      await shot(page, w, 'feedback');
      expect(await axeProblems(page)).toEqual([]);

      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Fragen an den Assistenten' }).isVisible()).toBe(true);
      expect(await violations(page)).toEqual([]);
      await page.context().close();
    });

    it(`${w} px: a declined answer has no excerpt label, names the contact, and an English question gets English labels`, async () => {
      const { page } = await openHostile(env, viewport);
      await page.getByRole('button', { name: 'Fragen an den Assistenten' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();

      // Today's server: a question the site does not answer.
      await ask(page, 'Wie wird das Wetter morgen in Köln?');
      const declined = dialog.locator('.msg-answer').last();
      expect(await declined.locator('h3').textContent()).toBe('Antwort');
      expect(await declined.locator('.sources').count()).toBe(0);
      expect(await dialog.getByText('Auszüge aus unseren Seiten').count()).toBe(0);
      expect(await axeProblems(page)).toEqual([]);

      // An English question: English labels; the answer text is marked with the language the
      // server says it wrote in (servers without `lang` answer in German).
      const question = 'How do I apply for a severely disabled person\'s pass?';
      const direct = await fetch(`${env.stack.apiOrigin}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: question, history: [] }) });
      const sent = /"lang":"(de|en)"/.exec(await direct.text())?.[1] ?? 'de';
      await ask(page, question);
      const english = dialog.locator('.turn').last();
      expect(await english.getAttribute('lang')).toBe('en');
      expect(await english.locator('.msg-user h3').textContent()).toBe('Your question');
      expect(await english.locator('.msg-answer h3').textContent()).toMatch(/^Answer/);
      expect(await english.locator('.msg-answer > .msg-text').getAttribute('lang')).toBe(sent === 'en' ? null : 'de');
      expect(await english.getByRole('group', { name: 'Was this answer helpful?' }).count()).toBe(1);
      expect(await announced(page)).toMatch(/^Answer ready, /);
      expect(await page.locator('.auskunft-announcer [role=status]').getAttribute('lang')).toBe('en');

      // A server that names the team (handoff.contact), says why it declined and in which language.
      await page.route(`${env.stack.apiOrigin}/api/chat`, (route) =>
        route.fulfill({
          status: 200,
          headers: { 'content-type': 'text/event-stream', 'access-control-allow-origin': new URL(page.url()).origin },
          body: sse('done', {
            answer: 'I cannot assess whether you are entitled to this. The team below decides in each individual case.',
            sources: [],
            generated: 'extractive',
            model: null,
            confident: false,
            declined: 'personal-assessment',
            lang: 'en',
            handoff: {
              url: `${env.stack.siteOrigin}/kontakt/`,
              title: 'Kontakt',
              contact: {
                name: 'Team Kraftfahrzeughilfe',
                phone: '+49 (0)221 555-1234',
                email: 'kfz-hilfe@lvmr.example',
                address: 'Landeshaus, Kennedy-Ufer 2\n50679 Köln',
                hours: 'Mo–Do 9–15 Uhr, Fr 9–12 Uhr',
                url: `${env.stack.siteOrigin}/inklusionsamt/kraftfahrzeughilfe/`,
                origin: 'faq',
              },
            },
          }),
        }),
      );
      await ask(page, 'Am I entitled to money for my car?');
      const last = dialog.locator('.msg-answer').last();
      expect(await last.locator('h3').textContent()).toBe('Answer');
      expect(await last.locator('.msg-text').first().getAttribute('lang')).toBeNull();
      const card = last.locator('.contact');
      expect(await card.locator('a').evaluateAll((as) => as.map((a) => `${a.textContent} → ${a.getAttribute('href')}`))).toEqual([
        `Team Kraftfahrzeughilfe → ${env.stack.siteOrigin}/inklusionsamt/kraftfahrzeughilfe/`,
        '+49 (0)221 555-1234 → tel:+492215551234',
        'kfz-hilfe@lvmr.example → mailto:kfz-hilfe@lvmr.example',
        `Page with all contacts → ${env.stack.siteOrigin}/kontakt/`,
      ]);
      expect(await card.locator('dt').allTextContents()).toEqual(['Phone', 'Email', 'Address', 'Opening hours']);
      expect(await card.locator('dd').nth(2).innerText()).toBe('Landeshaus, Kennedy-Ufer 2\n50679 Köln');
      await card.scrollIntoViewIfNeeded();
      await shot(page, w, 'declined-answer');

      // The hand-off bar names the same team; its details open with the keyboard.
      const bar = dialog.locator('.handoff');
      const summary = bar.locator('summary');
      expect(await summary.textContent()).toBe('Rather talk to a person? Team Kraftfahrzeughilfe');
      expect(await bar.locator('details').getAttribute('open')).toBeNull();
      await summary.focus();
      await page.keyboard.press('Enter');
      expect(await bar.locator('details').getAttribute('open')).toBe('');
      expect(await bar.locator('.contact a[href^="tel:"]').isVisible()).toBe(true);
      await shot(page, w, 'declined-contact');
      expect(await axeProblems(page)).toEqual([]);
      expect(await violations(page)).toEqual([]);
      await page.context().close();
    });
  }
});
