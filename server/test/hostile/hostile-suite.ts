import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiTarget } from '../api-suite.js';
import { EDITOR_TOKEN, PUBLIC_URL } from '../api-suite-env.js';
import { readSseEvents } from '../sse.js';

/**
 * Personal data the data-protection notes promise to remove, each with a piece that must not
 * survive anywhere (query log, feedback, model, embedding endpoint).
 */
export const PERSONAL_DATA: ReadonlyArray<[text: string, secret: string]> = [
  ['(0221) 123 45 67', '123 45 67'],
  ['Steuer-ID 12 345 678 901', '678 901'],
  ['Am Hafen 3', 'Hafen'],
  ['Kölner Straße 7', 'Kölner'],
  ['Frau Dr. Erika Musterfrau', 'Erika'],
  ['Versicherungsnummer 65 170839 J 003', '170839'],
  ['Rentenversicherungsnummer 65170839J003', '65170839J003'],
  ['Personalausweisnummer T22000129', 'T22000129'],
  ['anna.beispiel@web.de', 'anna.beispiel'],
  ['IBAN DE89 3704 0044 0532 0130 00', '0532'],
  ['geboren am 03.07.1968', '1968'],
  ['50667 Köln', '50667'],
  ['Kennzeichen K-AB 1234', 'K-AB'],
];

/** One message holding all of them, as a citizen might write it. */
export const PERSONAL_MESSAGE = `Ich bin ${PERSONAL_DATA.map(([text]) => text).join(', ')}. Wie beantrage ich einen Schwerbehindertenausweis?`;

/**
 * Hostile and careless requests against the HTTP API, written once and run on every runtime
 * (`hostile.test.ts` on Node, `hostile.workers.test.ts` in workerd), each asserting the
 * documented answer. Cases that need other settings than API_SUITE_ENV (proxies, start-up
 * checks) or the file system are in hostile.test.ts only.
 */
export function defineHostileSuite(target: () => ApiTarget): void {
  let clients = 0;
  let client = '';
  beforeEach(() => {
    client = `192.0.2.${++clients}`;
  });
  const request = (path: string, init?: RequestInit, as = client) => target().request(path, init, as);
  const post = (path: string, body: unknown, contentType = 'application/json') =>
    request(path, { method: 'POST', headers: { 'content-type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const lastQuery = async (before: number) =>
    vi.waitFor(async () => {
      const queries = await target().storedQueries();
      expect(queries.length).toBeGreaterThan(before);
      return queries.at(-1)!;
    });
  const indexedUrl = async () => (await (await request('/api/search?q=Kraftfahrzeughilfe')).json()).results[0].url as string;

  describe('personal data', () => {
    it('never reaches the query log from a chat question', async () => {
      const before = (await target().storedQueries()).length;
      await readSseEvents(await post('/api/chat', { message: PERSONAL_MESSAGE }));
      const logged = await lastQuery(before);
      for (const [, secret] of PERSONAL_DATA) expect(logged.query, secret).not.toContain(secret);
      expect(logged.query).toContain('Frau [Name]');
      expect(logged.query).toContain('Schwerbehindertenausweis');
    });

    it('never reaches the query log from a search', async () => {
      const before = (await target().storedQueries()).length;
      await request(`/api/search?q=${encodeURIComponent(PERSONAL_MESSAGE)}`);
      const logged = await lastQuery(before);
      expect(logged.kind).toBe('search');
      for (const [, secret] of PERSONAL_DATA) expect(logged.query, secret).not.toContain(secret);
    });

    it('keeps the authority\'s own phone number that a citizen quotes from its pages', async () => {
      const before = (await target().storedQueries()).length;
      await readSseEvents(await post('/api/chat', { message: 'Unter 0221 555-3000 erreiche ich niemand, und meine Nummer 0171 2345678 ruft keiner zurück. Wie beantrage ich einen Schwerbehindertenausweis?' }));
      const logged = await lastQuery(before);
      expect(logged.query).toContain('0221 555-3000');
      expect(logged.query).toContain('meine Nummer [Telefon]');
    });

    it('never reaches stored feedback, in the question, answer or comment', async () => {
      const question = `Frage von ${PERSONAL_MESSAGE}`;
      const res = await post('/api/feedback', { rating: 'down', question, answer: `Antwort an ${PERSONAL_DATA[4]![0]}`, comment: `Bitte zurückrufen: ${PERSONAL_DATA[0]![0]}, ${PERSONAL_DATA[8]![0]}` });
      expect(res.status).toBe(204);
      const stored = await vi.waitFor(async () => {
        const found = (await target().storedFeedback()).find((f) => f.question.startsWith('Frage von Ich bin'));
        expect(found).toBeDefined();
        return found!;
      });
      const everything = JSON.stringify(stored);
      for (const [, secret] of PERSONAL_DATA) expect(everything, secret).not.toContain(secret);
      expect(stored.comment).toBe('Bitte zurückrufen: [Telefon], [E-Mail]');
    });
  });

  describe('feedback sources and length', () => {
    it('keeps only addresses of indexed pages and drops everything else', async () => {
      const page = await indexedUrl();
      const res = await post('/api/feedback', {
        rating: 'up',
        question: 'Quellen-Test Kraftfahrzeughilfe',
        answer: 'Die Kraftfahrzeughilfe … [1]',
        sources: [page, 'javascript:alert(document.cookie)', 'Frau Erika Musterfrau, 0221 123 45 67', 'https://evil.example/formular', `${page}?mail=erika@example.org`, `data:text/html,<script>alert(1)</script>`, page],
      });
      expect(res.status).toBe(204);
      const stored = await vi.waitFor(async () => {
        const found = (await target().storedFeedback()).find((f) => f.question === 'Quellen-Test Kraftfahrzeughilfe');
        expect(found).toBeDefined();
        return found!;
      });
      expect(stored.sources).toEqual([page]);
    });

    it('limits the question like a chat message (limits.maxQueryChars)', async () => {
      const feedback = (question: string) => post('/api/feedback', { rating: 'up', question, answer: 'Antwort' });
      const tooLong = await feedback('x'.repeat(2001));
      expect(tooLong.status).toBe(400);
      expect((await tooLong.json()).error).toMatchObject({ code: 'QUERY_TOO_LONG', message: expect.stringContaining('2000') });
      expect((await feedback('   ')).status).toBe(400);
      expect((await feedback('x'.repeat(2000))).status).toBe(204);
    });
  });

  describe('request bodies', () => {
    it.each([
      'application/json-seq',
      'application/json; charset=iso-8859-1',
      'application/json; charset=latin1',
      'application/json; profile=x',
      'application/jsonx',
      'text/json',
      'text/plain',
      'application/x-www-form-urlencoded',
    ])('answers 415 to Content-Type %s', async (contentType) => {
      for (const path of ['/api/chat', '/api/feedback']) {
        const res = await post(path, { message: 'Wie beantrage ich einen Schwerbehindertenausweis?', rating: 'up', question: 'x', answer: 'y' }, contentType);
        expect(res.status, path).toBe(415);
        expect((await res.json()).error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('UTF-8') });
      }
    });

    it('accepts application/json in UTF-8, however it is spelled', async () => {
      for (const contentType of ['application/json', 'Application/JSON', 'application/json; charset=utf-8', 'application/json;charset="UTF-8"']) {
        const res = await post('/api/feedback', { rating: 'up', question: 'Kodierung äöü', answer: 'y' }, contentType);
        expect(res.status, contentType).toBe(204);
      }
    });

    it('answers hostile 2,000-character messages promptly', async () => {
      for (const message of ['0 '.repeat(1000), 'Frau '.repeat(400), '1'.repeat(2000), 'Steuer-ID 1 '.repeat(166), 'a@'.repeat(1000)]) {
        const res = await post('/api/chat', { message });
        expect(res.status).toBe(200);
        expect((await readSseEvents(res)).at(-1)!.event).toBe('done');
      }
      expect((await request(`/api/search?q=${encodeURIComponent('(0'.repeat(666))}`)).status).toBe(200);
    });
  });

  describe('editors\' pages', () => {
    const asEditor = (path: string, token = EDITOR_TOKEN, as = client) => request(path, { headers: { authorization: `Bearer ${token}` } }, as);

    it('locks a client out after ten wrong tokens, even with the right one, and no one else', async () => {
      for (let i = 0; i < 10; i++) expect((await asEditor('/editor/unanswered', `falsch-${i}`)).status).toBe(401);
      const locked = await asEditor('/editor/unanswered', `falsch-10`);
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(60);
      expect((await locked.json()).error.message).toContain('fehlgeschlagene Anmeldeversuche');
      expect((await asEditor('/editor/unanswered')).status).toBe(429);
      expect((await asEditor('/editor/unanswered', EDITOR_TOKEN, '192.0.2.250')).status).toBe(200);
    });

    it.each(['1e12', '-1', '0', 'abc', '1.5', '99999', '3651', ' 7', '0x10', 'Infinity'])('answers 400 to days=%s', async (days) => {
      const res = await asEditor(`/editor/unanswered?format=json&days=${encodeURIComponent(days)}`);
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringContaining('„days“') });
    });

    it('accepts a period within range and rejects an unknown format', async () => {
      const ok = await asEditor('/editor/unanswered?format=json&days=3650');
      expect(ok.status).toBe(200);
      expect((await ok.json()).groups).toEqual(expect.any(Array));
      expect((await asEditor('/editor/unanswered?format=xml')).status).toBe(400);
    });
  });

  describe('widget.json', () => {
    it('names the widget under server.publicUrl, whatever Host and scheme the request claims', async () => {
      const res = await request('/widget.json', { headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' } });
      const { src } = await res.json();
      expect(src).toMatch(new RegExp(`^${PUBLIC_URL.replace(/[.]/g, '\\.')}widget\\.[0-9a-f]{16}\\.js$`));
    });
  });
}
