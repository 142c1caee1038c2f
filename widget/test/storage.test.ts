/**
 * Data protection in the browser (docs/data-protection.md): after a full search and chat
 * session the widget has left no cookies and nothing in localStorage, sessionStorage or
 * IndexedDB, and it never even looked at the host's cookies or storage. With the host's
 * opt-in `data-persist="session"`, exactly one sessionStorage key holds the conversation from
 * the first message on, survives a reload and is removed by "Neues Gespräch".
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { announced, openPage, skipReason, useBrowserStack } from './stack';

if (skipReason) console.warn(`[widget browser tests] skipped: ${skipReason}`);

/** Counts every read of document.cookie, localStorage and sessionStorage by page scripts. */
function spyOnStorage(): void {
  const w = window as unknown as { __storageAccess: string[] };
  w.__storageAccess = [];
  const wrap = (target: object, name: string) => {
    const descriptor = Object.getOwnPropertyDescriptor(target, name);
    if (!descriptor?.get) throw new Error(`no ${name} accessor to spy on`);
    Object.defineProperty(target, name, {
      ...descriptor,
      get() {
        w.__storageAccess.push(name);
        return descriptor.get!.call(this);
      },
    });
  };
  wrap(Document.prototype, 'cookie');
  // Window is a [Global] interface: its attributes live on the window object itself.
  wrap(window, 'localStorage');
  wrap(window, 'sessionStorage');
}

async function stored(page: Page) {
  return page.evaluate(async () => {
    const w = window as unknown as { __storageAccess: string[] };
    w.__storageAccess ??= [];
    const before = w.__storageAccess.length;
    const state = {
      cookie: document.cookie,
      local: localStorage.length,
      session: Object.keys(sessionStorage),
      indexedDb: (await indexedDB.databases()).length,
    };
    w.__storageAccess.length = before; // our own look does not count
    return state;
  });
}

const storageAccess = (page: Page) => page.evaluate(() => (window as unknown as { __storageAccess: string[] }).__storageAccess);

async function askAndWait(page: Page, question: string): Promise<void> {
  await page.locator('#aw-chat-input').fill(question);
  await page.keyboard.press('Enter');
  await expect.poll(() => announced(page), { timeout: 10_000 }).toMatch(/^Antwort fertig/);
}

describe.skipIf(skipReason !== null)('storage and cookies', () => {
  const env = useBrowserStack();

  it('leaves nothing behind and reads nothing of the host after a full search and chat session', async () => {
    const { page } = await openPage(env.browser, env.stack);
    await page.addInitScript(spyOnStorage);
    await page.reload();
    await page.locator('.auskunft-widget').waitFor({ state: 'attached' });

    await page.getByRole('combobox').pressSequentially('Kündigungsschutz', { delay: 10 });
    await page.getByRole('option').first().waitFor();
    await page.getByRole('combobox').press('Escape');
    await page.getByRole('button', { name: 'Fragen an den Assistenten' }).click();
    await askAndWait(page, 'Brauche ich die Zustimmung des Inklusionsamts für eine Kündigung?');
    await askAndWait(page, 'Und wie lange dauert das?');
    await page.getByRole('button', { name: 'Ja, hilfreich' }).first().click();
    await page.getByText('Danke für Ihre Rückmeldung.').waitFor();
    await page.keyboard.press('Escape');

    expect(await stored(page)).toEqual({ cookie: '', local: 0, session: [], indexedDb: 0 });
    // Neither the demo site's origin nor the API's has a cookie (credentials are never sent).
    expect(await page.context().cookies()).toEqual([]);
    expect(await storageAccess(page)).toEqual([]);
    await page.context().close();
  });

  it('keeps the conversation in one sessionStorage key only with data-persist="session"', async () => {
    const { page } = await openPage(env.browser, env.stack, { rewrite: (html) => html.replace('<script src=', '<script data-persist="session" src=') });
    await page.addInitScript(spyOnStorage);
    await page.reload();
    await page.getByRole('button', { name: 'Fragen an den Assistenten' }).click();
    await page.getByRole('dialog').waitFor();
    // Nothing is written before the first message.
    expect((await stored(page)).session).toEqual([]);

    await askAndWait(page, 'Wer bezahlt eine Arbeitsassistenz?');
    expect(await stored(page)).toEqual({ cookie: '', local: 0, session: ['auskunft:conversation'], indexedDb: 0 });

    // A reload (e.g. after following a source link and coming back) keeps the conversation.
    await page.reload();
    await page.getByRole('button', { name: 'Fragen an den Assistenten' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.locator('.msg-user .msg-text').allTextContents()).toEqual(['Wer bezahlt eine Arbeitsassistenz?']);
    expect(await dialog.locator('.msg-answer a.cite').count()).toBeGreaterThan(0);

    // "Neues Gespräch" removes it.
    await page.getByRole('button', { name: 'Neues Gespräch' }).click();
    expect(await stored(page)).toEqual({ cookie: '', local: 0, session: [], indexedDb: 0 });
    expect(await page.context().cookies()).toEqual([]);
    // Even with the opt-in, cookies and localStorage are never touched.
    expect(new Set(await storageAccess(page))).toEqual(new Set(['sessionStorage']));
    await page.context().close();
  });
});
