import { describe, expect, it, vi } from 'vitest';
import { createChat, readChatStream } from './chat';
import { createRequest } from './request';

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
  sources: [{ n: 1, url: 'https://amt.example/assistenz', title: 'Arbeitsassistenz', section: 'Antrag', snippet: '…' }],
  generated: 'extractive',
  model: null,
  confident: true,
  handoff: { url: 'https://amt.example/kontakt', title: 'Kontakt' },
  easyLanguage: null,
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

  it('reads what newer servers add: language, decline reason, disclosure and the named contact', async () => {
    const contact = {
      name: 'Team Kraftfahrzeughilfe',
      phone: '0221 555-1234',
      email: 'kfz-hilfe@lvmr.example',
      hours: 'Mo–Do 9–15 Uhr',
      url: 'https://lvmr.example/inklusionsamt/kraftfahrzeughilfe/',
      origin: 'faq',
    };
    const result = await readChatStream(
      streamOf([
        sse('done', {
          ...DONE,
          lang: 'en',
          declined: 'personal-assessment',
          fallback: 'timeout',
          disclosure: 'Sie schreiben mit einem automatisierten Assistenten (KI).',
          handoff: { url: 'https://lvmr.example/kontakt/', title: 'Kontakt', contact: { ...contact, address: 42 } },
        }),
      ]),
      () => {},
      messages,
    );
    expect(result).toMatchObject({ lang: 'en', declined: 'personal-assessment', fallback: 'timeout', disclosure: 'Sie schreiben mit einem automatisierten Assistenten (KI).' });
    // A field of the wrong type is left out, the rest of the contact kept.
    expect(result.handoff).toEqual({ url: 'https://lvmr.example/kontakt/', title: 'Kontakt', contact });
  });

  it('leaves out unknown languages, reasons and contacts without a name, as an older server would send them', async () => {
    const result = await readChatStream(
      streamOf([sse('done', { ...DONE, lang: 'fr', declined: 'bored', disclosure: '  ', handoff: { url: 'https://lvmr.example/kontakt/', contact: { phone: '0221 555-0' } } })]),
      () => {},
      messages,
    );
    expect(result).not.toHaveProperty('lang');
    expect(result).not.toHaveProperty('declined');
    expect(result).not.toHaveProperty('disclosure');
    expect(result.handoff).toEqual({ url: 'https://lvmr.example/kontakt/', title: 'https://lvmr.example/kontakt/' });
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

