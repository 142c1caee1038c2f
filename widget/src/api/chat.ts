/**
 * POST /api/chat, read as Server-Sent Events (part of the lazily loaded chat chunk, like
 * eventsource-parser). Response data is validated loosely: malformed items become empty
 * placeholders instead of crashing the UI.
 */
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { ChatDoneWire, ChatRequestWire, ChatTurnWire, ContactWire, DeclineReasonWire, GeneratedWire, HandoffWire, SourceWire } from '@auskunft/core/api';
import { ApiError, arr, isAbortError, obj, str, toApiError, type ErrorMessages, type Request } from './request';

// The server's wire types, imported as types only (nothing of core ends up in the bundle). The
// widget still checks what arrives (parseDone): it may talk to an older or newer server.
export type ChatSource = SourceWire;
export type Contact = ContactWire;
export type Handoff = HandoffWire;
export type HistoryMessage = ChatTurnWire;
/** How the answer was made; `none` when the server sent something unknown. */
export type Generated = GeneratedWire | 'none';

export interface ChatDone extends Omit<ChatDoneWire, 'generated' | 'easyLanguage'> {
  generated: Generated;
  /** The same answer in Leichte Sprache, when an editor wrote one (FAQ answers). */
  easyLanguage: string | null;
}

export type Chat = (message: string, history: HistoryMessage[], onDelta: (text: string) => void, signal: AbortSignal) => Promise<ChatDone>;

export function createChat(request: Request, messages: ErrorMessages): Chat {
  return async (message, history, onDelta, signal) => {
    const res = await request('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ message, history } satisfies ChatRequestWire),
      signal,
    });
    if (!res.body) throw new ApiError('bad_response', messages.errorGeneric);
    return readChatStream(res.body, onDelta, messages);
  };
}

/**
 * Reads the chat SSE stream until the `done` event and returns its payload. `delta` texts are
 * passed to `onDelta`; an `error` event rejects with its message. A stream that ends without
 * `done` is an error too (proxy timeout, server crash), so the UI never presents a half answer
 * as complete.
 */
export async function readChatStream(
  body: ReadableStream<Uint8Array>,
  onDelta: (text: string) => void,
  messages: ErrorMessages,
): Promise<ChatDone> {
  let result: ChatDone | undefined;
  let failure: ApiError | undefined;

  const parser = createParser({
    onEvent({ event, data }: EventSourceMessage) {
      if (result || failure) return;
      let payload: unknown;
      try {
        payload = JSON.parse(data);
      } catch {
        payload = undefined;
      }
      if (event === 'delta') {
        const text = obj(payload).text;
        if (typeof text === 'string') onDelta(text);
      } else if (event === 'done') {
        result = parseDone(payload);
        if (!result) failure = new ApiError('bad_response', messages.errorGeneric);
      } else if (event === 'error') {
        failure = toApiError(payload, 'stream_error', messages.errorGeneric);
      }
      // Other event types (keep-alive pings, future additions) are ignored on purpose.
    },
  });

  // The cast works around a TS DOM typing mismatch (BufferSource vs Uint8Array).
  const decoder = new TextDecoderStream() as unknown as TransformStream<Uint8Array, string>;
  const reader = body.pipeThrough(decoder).getReader();
  try {
    while (!result && !failure) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(value);
    }
  } catch (err) {
    throw isAbortError(err) ? err : new ApiError('network', messages.errorNetwork);
  } finally {
    // Stop downloading once we have what we need; errors here are irrelevant.
    reader.cancel().catch(() => {});
  }

  if (failure) throw failure;
  if (!result) throw new ApiError('incomplete', messages.errorGeneric);
  return result;
}

const GENERATED: readonly GeneratedWire[] = ['extractive', 'faq', 'llm'];
const DECLINED: readonly DeclineReasonWire[] = ['not-covered', 'out-of-scope-task', 'political', 'personal-assessment', 'no-content'];
const FALLBACK: ReadonlyArray<NonNullable<ChatDoneWire['fallback']>> = ['timeout', 'error', 'ungrounded'];
const ORIGIN: ReadonlyArray<ContactWire['origin']> = ['config', 'section', 'page', 'parent', 'faq', 'general'];

const oneOf = <T extends string>(allowed: readonly T[], v: unknown): T | undefined => allowed.find((a) => a === v);

function parseDone(data: unknown): ChatDone | undefined {
  const d = obj(data);
  if (typeof d.answer !== 'string') return undefined;
  // Malformed entries stay as placeholders with an empty URL (never linked), so that the
  // numbers of the others stay right.
  const sources = arr(d.sources).map((item, i): ChatSource => {
    const s = obj(item);
    const n = Number(s.n);
    return {
      n: Number.isInteger(n) && n > 0 ? n : i + 1,
      url: str(s.url),
      title: str(s.title) || str(s.url),
      section: str(s.section) || null,
      snippet: str(s.snippet),
    };
  });
  const lang = oneOf(['de', 'en'] as const, d.lang);
  const declined = oneOf(DECLINED, d.declined);
  const fallback = oneOf(FALLBACK, d.fallback);
  const disclosure = str(d.disclosure).trim();
  return {
    answer: d.answer,
    sources,
    generated: oneOf(GENERATED, d.generated) ?? 'none',
    model: str(d.model) || null,
    confident: d.confident === true,
    handoff: parseHandoff(d.handoff),
    easyLanguage: str(d.easyLanguage).trim() || null,
    // Absent from older servers (and `disclosure` from all but the first answer).
    ...(lang ? { lang } : {}),
    ...(declined ? { declined } : {}),
    ...(fallback ? { fallback } : {}),
    ...(disclosure ? { disclosure } : {}),
  };
}

/** A hand-off needs a URL; its contact needs a name and a URL, everything else is optional. */
function parseHandoff(data: unknown): Handoff | null {
  const h = obj(data);
  const url = str(h.url);
  if (!url) return null;
  const c = obj(h.contact);
  const name = str(c.name).trim();
  const contact: Contact | null = name
    ? { name, url: str(c.url) || url, origin: oneOf(ORIGIN, c.origin) ?? 'general' }
    : null;
  if (contact) {
    for (const key of ['phone', 'email', 'address', 'hours'] as const) {
      const value = str(c[key]).trim();
      if (value) contact[key] = value;
    }
  }
  return { url, title: str(h.title) || url, ...(contact ? { contact } : {}) };
}
