import { resolveSettings } from '@auskunft/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, serverSettings } from '../src/index.js';
import { createSqliteStore } from '../src/store/sqlite.js';
import { buildDemoIndex, openTestIndex } from './demo-index.js';
import { readSseEvents } from './sse.js';

/**
 * The hand-off through the chat API on the crawled demo site, whose topic pages publish their
 * teams' contact boxes in different markup (aside, microdata, hCard, <address>, JSON-LD).
 */
let demo: Awaited<ReturnType<typeof buildDemoIndex>>;
let crawled: ReturnType<typeof createApp>;
let mapped: ReturnType<typeof createApp>;

const CONFIGURED = { '/inklusionsamt/kraftfahrzeughilfe/': { name: 'Team Kfz-Hilfe (Vertretung)', phone: '0221 555-3046', hours: 'Montag bis Freitag 8 bis 12 Uhr' } };

async function appWith(env: Record<string, string>) {
  const settings = resolveSettings(serverSettings, { env: { AUSKUNFT_LOG: 'false', ...env } });
  const { index, retriever } = await openTestIndex(demo.outDir, settings);
  return createApp({ retriever, manifest: index.manifest, passages: index.passages, settings, store: createSqliteStore(':memory:'), widget: { script: '', chunks: new Map() } });
}

beforeAll(async () => {
  demo = await buildDemoIndex();
  crawled = await appWith({});
  mapped = await appWith({ AUSKUNFT_HANDOFF_CONTACTS: JSON.stringify(CONFIGURED) });
});

afterAll(() => demo?.close());

async function ask(app: ReturnType<typeof createApp>, message: string) {
  const res = await app.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message }) });
  expect(res.status).toBe(200);
  return (await readSseEvents(res)).at(-1)!.data;
}

const path = (url: string) => new URL(url).pathname;

describe('hand-off to the responsible team', () => {
  it('sends a personal-assessment question about the car grant to the car-grant team', async () => {
    const done = await ask(crawled, 'Bekomme ich einen Zuschuss für den Kauf meines Autos?');
    expect(done.confident).toBe(false);
    expect(done.handoff.contact).toMatchObject({ name: 'Team Kraftfahrzeughilfe', phone: '0221 555-3045', email: 'kfz-hilfe@lv-mittelrhein-ruhr.example', hours: 'Montag bis Donnerstag 9:00 bis 15:00 Uhr', origin: 'page' });
    expect(path(done.handoff.contact.url)).toBe('/inklusionsamt/kraftfahrzeughilfe/');
    expect(new URL(done.handoff.contact.url).hash).toBe('#kontakt-kfz');
    expect(done.answer).toContain('Team Kraftfahrzeughilfe, 0221 555-3045');
    // The link for "all contacts" stays the general contact page.
    expect(path(done.handoff.url)).toBe('/kontakt/');
  });

  it('names the contact of the cited section where the section has its own box', async () => {
    const done = await ask(crawled, 'Werden Handbedienung und Ladehilfe für den Rollstuhl beim Umbau des Autos übernommen?');
    expect(done.confident).toBe(true);
    expect(done.sources[0].section).toBe('Umbau und behinderungsbedingte Zusatzausstattung');
    expect(done.handoff.contact).toMatchObject({ name: 'Technischer Beratungsdienst', phone: '0221 555-3040', origin: 'section' });
  });

  it('gives a question about a page without a contact box the contact of the page above it', async () => {
    const done = await ask(crawled, 'Bekomme ich nach dem Umzug einen neuen Schwerbehindertenausweis?');
    expect(done.confident).toBe(false);
    expect(path(done.sources[0].url)).toBe('/inklusionsamt/schwerbehindertenausweis/verlust-und-verlaengerung/');
    expect(done.handoff.contact).toMatchObject({ name: 'Team Schwerbehindertenausweis', phone: '0221 555-3100', origin: 'parent' });
    expect(path(done.handoff.contact.url)).toBe('/inklusionsamt/schwerbehindertenausweis/');
  });

  it('hands a question the pages do not answer to the team above the page nearest its topic', async () => {
    const done = await ask(crawled, 'Zahlt die Arbeitsassistenz auch einen Hund?');
    expect(done.confident).toBe(false);
    expect(done.declined).toBe('not-covered');
    expect(done.sources).toEqual([]);
    expect(done.handoff.contact).toMatchObject({ name: 'Servicestelle Inklusionsamt', phone: '0221 555-3000', origin: 'parent' });
    expect(path(done.handoff.contact.url)).toBe('/inklusionsamt/');
    expect(done.answer).toContain('Bitte wenden Sie sich an: Servicestelle Inklusionsamt, 0221 555-3000');
  });

  it('keeps the general contact for a declined question far from every topic', async () => {
    const done = await ask(crawled, 'Wer gewinnt am Samstag das Fußballspiel?');
    expect(done.handoff.contact).toMatchObject({ name: 'Zentrale Servicenummer Inklusionsamt', origin: 'general' });
  });

  it('lets the editors’ URL-prefix mapping win over the crawled contact box', async () => {
    const done = await ask(mapped, 'Bekomme ich einen Zuschuss für den Kauf meines Autos?');
    expect(done.handoff.contact).toEqual({ ...CONFIGURED['/inklusionsamt/kraftfahrzeughilfe/'], url: done.handoff.url, origin: 'config' });
    expect(done.answer).toContain('Team Kfz-Hilfe (Vertretung), 0221 555-3046');
    // Pages outside the mapped prefix keep their crawled team.
    const other = await ask(mapped, 'Steht mir in meinem Fall besonderer Kündigungsschutz zu?');
    expect(other.handoff.contact).toMatchObject({ name: 'Team Kündigungsschutz', origin: 'page' });
  });

  it('falls back to the general contact for pages without any contact above them', async () => {
    const done = await ask(crawled, 'Bekomme ich im Industriemuseum als Schülerin ermäßigten Eintritt?');
    expect(done.sources.every((s: { url: string }) => !path(s.url).startsWith('/inklusionsamt/'))).toBe(true);
    expect(done.handoff.contact).toMatchObject({ name: 'Zentrale Servicenummer Inklusionsamt', phone: '0221 555-3000', origin: 'general' });
    expect(path(done.handoff.url)).toBe('/kontakt/');
  });

  it('finds the phone number of a team when asked for it', async () => {
    const done = await ask(crawled, 'Telefonnummer Kraftfahrzeughilfe');
    expect(done.confident).toBe(true);
    expect(done.answer).toContain('0221 555-3045');
  });
});
