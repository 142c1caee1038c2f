/**
 * POST /api/chat, read as Server-Sent Events (part of the lazily loaded chat chunk, like
 * eventsource-parser). Response data is validated loosely: malformed items become empty
 * placeholders instead of crashing the UI.
 */
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { ApiError, arr, isAbortError, obj, str, toApiError, type ErrorMessages, type Request } from './request';

export interface ChatSource {
  n: number;
  url: string;
  title: string;
  section: string | null;
  snippet: string;
}

export interface Handoff {
  url: string;
  title: string;
}

export type Generated = 'extractive' | 'faq' | 'llm' | 'none';

export interface ChatDone {
  answer: string;
  sources: ChatSource[];
  /** How the answer was made; `none` when the server sent something unknown. */
  generated: Generated;
  model: string | null;
  confident: boolean;
  handoff: Handoff | null;
  /** The same answer in Leichte Sprache, when an editor wrote one (FAQ answers). */
  easyLanguage: string | null;
}

export interface HistoryMessage {
  role: 'user' | 'assistant';
  content: string;
}

export type Chat = (message: string, history: HistoryMessage[], onDelta: (text: string) => void, signal: AbortSignal) => Promise<ChatDone>;

export function createChat(request: Request, messages: ErrorMessages): Chat {
  return async (message, history, onDelta, signal) => {
    const res = await request('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ message, history }),
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

const GENERATED: readonly Generated[] = ['extractive', 'faq', 'llm'];

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
  const handoff = obj(d.handoff);
  return {
    answer: d.answer,
    sources,
    generated: GENERATED.find((g) => g === d.generated) ?? 'none',
    model: str(d.model) || null,
    confident: d.confident === true,
    handoff: str(handoff.url) ? { url: str(handoff.url), title: str(handoff.title) || str(handoff.url) } : null,
    easyLanguage: str(d.easyLanguage).trim() || null,
  };
}
