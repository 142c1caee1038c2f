import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApi, readChatStream } from './api';

const messages = { errorNetwork: 'Netzwerkfehler', errorGeneric: 'Allgemeiner Fehler' };
const encoder = new TextEncoder();

/** A real ReadableStream that delivers the given byte chunks one by one. */
function streamOf(chunks: Array<string | Uint8Array>): ReadableStream<Uint8Array> {
  const queue = chunks.map((c) => (typeof c === 'string' ? encoder.encode(c) : c));
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = queue.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
}

const sse = (event: string, data: unknown): string => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

const DONE = {
  answer: 'Die Arbeitsassistenz wird vom Inklusionsamt gefördert [1].',
  sources: [{ n: 1, url: 'https://amt.example/assistenz', title: 'Arbeitsassistenz', snippet: '…' }],
  generated: 'extractive',
  confident: true,
};

describe('readChatStream', () => {
  it('passes deltas in order and resolves with the done payload', async () => {
    const deltas: string[] = [];
    const result = await readChatStream(
      streamOf([sse('delta', { text: 'Die ' }), sse('delta', { text: 'Arbeitsassistenz' }), sse('done', DONE)]),
      (t) => deltas.push(t),
      messages,
    );
    expect(deltas).toEqual(['Die ', 'Arbeitsassistenz']);
    expect(result).toEqual(DONE);
  });

  it('handles events split across chunks, inside a multi-byte umlaut and with CRLF', async () => {
    const bytes = encoder.encode(
      (sse('delta', { text: 'Zuschüsse für Büros' }) + sse('done', { ...DONE, answer: 'Größe' })).replace(/\n/g, '\r\n'),
    );
    // Split into 3-byte pieces: this cuts "ü" and "ö" (2 bytes each in UTF-8) in half.
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += 3) chunks.push(bytes.slice(i, i + 3));
    const deltas: string[] = [];
    const result = await readChatStream(streamOf(chunks), (t) => deltas.push(t), messages);
    expect(deltas).toEqual(['Zuschüsse für Büros']);
    expect(result.answer).toBe('Größe');
  });

  it('ignores comments, unknown events and malformed deltas', async () => {
    const deltas: string[] = [];
    const result = await readChatStream(
      streamOf([': keep-alive\n\n', sse('ping', {}), 'event: delta\ndata: {not json\n\n', sse('delta', { text: 'ok' }), sse('done', DONE)]),
      (t) => deltas.push(t),
      messages,
    );
    expect(deltas).toEqual(['ok']);
    expect(result.sources).toHaveLength(1);
  });

  it('rejects with the server message on an error event', async () => {
    const promise = readChatStream(
      streamOf([sse('delta', { text: 'Teil' }), sse('error', { error: { code: 'llm_down', message: 'Der Assistent ist ausgelastet.' } })]),
      () => {},
      messages,
    );
    await expect(promise).rejects.toMatchObject({ name: 'ApiError', code: 'llm_down', message: 'Der Assistent ist ausgelastet.' });
  });

  it('rejects when the stream ends without a done event', async () => {
    await expect(readChatStream(streamOf([sse('delta', { text: 'halb' })]), () => {}, messages)).rejects.toMatchObject({
      code: 'incomplete',
      message: 'Allgemeiner Fehler',
    });
  });

  it('keeps source positions even for malformed entries and defaults unknown fields', async () => {
    const result = await readChatStream(
      streamOf([sse('done', { answer: 'x [2]', sources: [null, { url: 'https://a.example/' }], generated: 'magic' })]),
      () => {},
      messages,
    );
    expect(result.sources.map((s) => s.url)).toEqual(['', 'https://a.example/']);
    expect(result.sources[1]?.title).toBe('https://a.example/');
    expect(result.generated).toBe('none');
    expect(result.confident).toBe(false);
  });

  it('stops reading (cancels the body) after done', async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(sse('done', DONE)));
        // never closes: like a server that keeps the connection open
      },
      cancel() {
        cancelled = true;
      },
    });
    await readChatStream(body, () => {}, messages);
    // Cancellation travels through the TextDecoderStream pipe asynchronously.
    await vi.waitFor(() => expect(cancelled).toBe(true));
  });
});

describe('createApi', () => {
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
});
