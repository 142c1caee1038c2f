/**
 * Thin client for the Auskunft server API (`/api/search`, `/api/chat`).
 *
 * - Every request goes to the configured API base only, without cookies
 *   (`credentials: 'omit'`): the widget keeps no state outside memory.
 * - Every failure becomes an `ApiError` whose `message` can be shown to the
 *   user. Aborts are re-thrown unchanged so callers can ignore them
 *   (`isAbortError`).
 * - Response data is validated loosely: malformed items are dropped instead of
 *   crashing the UI.
 */
import { createParser, type EventSourceMessage } from 'eventsource-parser';

export interface SearchResult {
  url: string;
  title: string;
  section: string | null;
  sectionUrl: string;
  snippet: string;
  highlights: Array<[number, number]>;
  score: number;
}

export interface SearchResponse {
  query: string;
  results: SearchResult[];
}

export interface ChatSource {
  n: number;
  url: string;
  title: string;
  snippet: string;
}

export interface ChatDone {
  answer: string;
  sources: ChatSource[];
  generated: 'extractive' | 'faq' | 'llm' | 'none';
  confident: boolean;
}

export interface HistoryMessage {
  role: 'user' | 'assistant';
  content: string;
}

/** User-presentable fallback messages (the server's own messages are German). */
export interface ErrorMessages {
  errorNetwork: string;
  errorGeneric: string;
}

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isAbortError(err: unknown): boolean {
  return (err as { name?: unknown } | null)?.name === 'AbortError';
}

export interface Api {
  search(query: string, signal: AbortSignal): Promise<SearchResponse>;
  chat(
    message: string,
    history: HistoryMessage[],
    onDelta: (text: string) => void,
    signal: AbortSignal,
  ): Promise<ChatDone>;
}

/** `fetchImpl` is injectable for tests; the browser uses the global fetch. */
export function createApi(base: string, messages: ErrorMessages, fetchImpl: typeof fetch = fetch): Api {
  const root = base.replace(/\/+$/, '');

  async function request(path: string, init: RequestInit): Promise<Response> {
    let res: Response;
    try {
      // `.call(globalThis)`: an unbound `fetch` throws "Illegal invocation" in browsers.
      res = await fetchImpl.call(globalThis, root + path, { ...init, credentials: 'omit' });
    } catch (err) {
      throw isAbortError(err) ? err : new ApiError('network', messages.errorNetwork);
    }
    if (!res.ok) {
      // Prefer the server's user-presentable (German) message; the body may not be JSON at all.
      const body: unknown = await res.json().catch(() => undefined);
      throw toApiError(body, `http_${res.status}`, messages.errorGeneric);
    }
    return res;
  }

  return {
    async search(query, signal) {
      const res = await request(`/api/search?q=${encodeURIComponent(query)}`, {
        headers: { accept: 'application/json' },
        signal,
      });
      let data: unknown;
      try {
        data = await res.json();
      } catch (err) {
        throw isAbortError(err) ? err : new ApiError('bad_response', messages.errorGeneric);
      }
      return parseSearchResponse(data, query);
    },

    async chat(message, history, onDelta, signal) {
      const res = await request('/api/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ message, history }),
        signal,
      });
      if (!res.body) throw new ApiError('bad_response', messages.errorGeneric);
      return readChatStream(res.body, onDelta, messages);
    },
  };
}

/** Builds an ApiError from `{"error": {"code", "message"}}`, with fallbacks. */
export function toApiError(body: unknown, fallbackCode: string, fallbackMessage: string): ApiError {
  const error = obj(obj(body).error);
  return new ApiError(str(error.code) || fallbackCode, str(error.message).trim() || fallbackMessage);
}

/**
 * Reads the chat SSE stream until the `done` event and returns its payload.
 * `delta` texts are passed to `onDelta`; an `error` event rejects with its
 * message. A stream that ends without `done` is an error too (proxy timeout,
 * server crash), so the UI never presents a half answer as complete.
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

/** Malformed results (no title or url) are dropped, missing fields defaulted. */
export function parseSearchResponse(data: unknown, query: string): SearchResponse {
  const results: SearchResult[] = [];
  for (const item of arr(obj(data).results)) {
    const r = obj(item);
    const url = str(r.url);
    const title = str(r.title);
    if (!url || !title) continue;
    results.push({
      url,
      title,
      section: str(r.section) || null,
      sectionUrl: str(r.sectionUrl) || url,
      snippet: str(r.snippet),
      highlights: arr(r.highlights).filter(isRange),
      score: Number(r.score) || 0,
    });
  }
  return { query: str(obj(data).query) || query, results };
}

function parseDone(data: unknown): ChatDone | undefined {
  const d = obj(data);
  if (typeof d.answer !== 'string') return undefined;
  // Malformed entries stay as empty placeholders (never linked), so that
  // `[n]` in the answer still maps to `sources[n-1]`.
  const sources = arr(d.sources).map((item, i): ChatSource => {
    const s = obj(item);
    return { n: i + 1, url: str(s.url), title: str(s.title) || str(s.url), snippet: str(s.snippet) };
  });
  const generated = GENERATED.find((g) => g === d.generated) ?? 'none';
  return { answer: d.answer, sources, generated, confident: d.confident === true };
}

const GENERATED = ['extractive', 'faq', 'llm', 'none'] as const;

function obj(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
}

function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function isRange(v: unknown): v is [number, number] {
  return Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number';
}
