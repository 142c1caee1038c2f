import { describe, expect, it, vi } from 'vitest';
import { createChat } from './chat';
import { createSendFeedback } from './feedback';
import { ApiError, createRequest, type ErrorMessages } from './request';
import { createSearch } from './search';

const messages = { errorNetwork: 'Netzwerkfehler', errorGeneric: 'Allgemeiner Fehler' };
const encoder = new TextEncoder();
const sse = (event: string, data: unknown): string => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/** The widget's three calls, all going through one createRequest, as in the browser. */
function createApi(base: string, msgs: ErrorMessages, fetchImpl: typeof fetch) {
  const request = createRequest(base, msgs, fetchImpl);
  return { search: createSearch(request, msgs), chat: createChat(request, msgs), feedback: createSendFeedback(request) };
}

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const queue = chunks.map((c) => encoder.encode(c));
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = queue.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
}

const DONE = { answer: 'Die Arbeitsassistenz wird gefördert [1].', sources: [], generated: 'faq', confident: true };

describe('API calls', () => {
  const json = (status: number, body: unknown): Response =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  it('calls only the configured API, without credentials, and encodes the query', async () => {
    const fetchMock = vi.fn(async () => json(200, { query: 'Zuschuss für Hörgeräte', results: [] }));
    const api = createApi('https://api.example/', messages, fetchMock as unknown as typeof fetch);
    await api.search('Zuschuss für Hörgeräte', new AbortController().signal);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://api.example/api/search?q=Zuschuss%20f%C3%BCr%20H%C3%B6rger%C3%A4te');
    expect(init.credentials).toBe('omit');
  });

  it('drops malformed search results and defaults missing fields', async () => {
    const api = createApi(
      'https://api.example',
      messages,
      (async () =>
        json(200, {
          query: 'q',
          results: [
            { url: 'https://a.example/p', title: 'A', snippet: 's', highlights: [[0, 1], 'x'], section: null },
            { title: 'no url' },
            'junk',
          ],
        })) as unknown as typeof fetch,
    );
    const { results } = await api.search('q', new AbortController().signal);
    expect(results).toEqual([
      { url: 'https://a.example/p', title: 'A', section: null, sectionUrl: 'https://a.example/p', snippet: 's', highlights: [[0, 1]], score: 0 },
    ]);
  });

  it('turns an error response into an ApiError with the server message', async () => {
    const api = createApi(
      'https://api.example',
      messages,
      (async () => json(429, { error: { code: 'rate_limited', message: 'Zu viele Anfragen.' } })) as unknown as typeof fetch,
    );
    const err = await api.search('q', new AbortController().signal).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'rate_limited', message: 'Zu viele Anfragen.' });
  });

  it('uses a generic message for non-JSON errors and a network message for failed fetches', async () => {
    const html = createApi('https://api.example', messages, (async () => new Response('<h1>502</h1>', { status: 502 })) as unknown as typeof fetch);
    await expect(html.search('q', new AbortController().signal)).rejects.toMatchObject({ code: 'http_502', message: 'Allgemeiner Fehler' });

    const down = createApi('https://api.example', messages, (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch);
    await expect(down.chat('Frage', [], () => {}, new AbortController().signal)).rejects.toMatchObject({ code: 'network', message: 'Netzwerkfehler' });
  });

  it('passes aborts through unchanged so callers can ignore them', async () => {
    const ctrl = new AbortController();
    const api = createApi('https://api.example', messages, ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      })) as unknown as typeof fetch);
    const promise = api.search('q', ctrl.signal);
    ctrl.abort();
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('posts message and history as JSON and streams the answer', async () => {
    let sent: unknown;
    const api = createApi('https://api.example', messages, (async (_url: string, init: RequestInit) => {
      sent = JSON.parse(String(init.body));
      return new Response(streamOf([sse('delta', { text: 'Hallo' }), sse('done', DONE)]), {
        headers: { 'content-type': 'text/event-stream' },
      });
    }) as unknown as typeof fetch);
    const history = [
      { role: 'user' as const, content: 'Frage 1' },
      { role: 'assistant' as const, content: 'Antwort 1' },
    ];
    const deltas: string[] = [];
    const done = await api.chat('Frage 2', history, (t) => deltas.push(t), new AbortController().signal);
    expect(sent).toEqual({ message: 'Frage 2', history });
    expect(deltas).toEqual(['Hallo']);
    expect(done.answer).toBe(DONE.answer);
  });

  it('posts feedback as JSON and reports a missing route as an ApiError', async () => {
    let sent: unknown;
    const ok = createApi('https://api.example', messages, (async (url: string, init: RequestInit) => {
      expect(url).toBe('https://api.example/api/feedback');
      sent = JSON.parse(String(init.body));
      return new Response(null, { status: 204 });
    }) as unknown as typeof fetch);
    const body = { rating: 'down' as const, comment: 'Telefonnummer fehlt', question: 'Wer hilft?', answer: 'Das Amt [1].', sources: ['https://amt.example/a'] };
    await ok.feedback(body);
    expect(sent).toEqual(body);

    const missing = createApi('https://api.example', messages, (async () => json(404, { error: { code: 'NOT_FOUND', message: 'Diese Adresse gibt es nicht.' } })) as unknown as typeof fetch);
    await expect(missing.feedback(body)).rejects.toBeInstanceOf(ApiError);
  });
});
