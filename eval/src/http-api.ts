import type { ChatDoneWire, ChatTurnWire, SearchResponseWire } from '@auskunft/core/api';

/** One chat exchange as a citizen's browser sees it. */
export interface ChatExchange {
  /** The final `done` payload; null when the stream failed (then `error` says why). */
  done: ChatDoneWire | null;
  /** The text of the `delta` events, in order. */
  streamed: string;
  /** Milliseconds from sending the request to the first SSE event (delta or done). */
  firstEventMs: number;
  totalMs: number;
  error?: string;
}

/**
 * POST /api/chat and read the server-sent events the way the widget does: `delta` events carry
 * text, one `done` event carries the answer with sources and hand-off, an `error` event ends it.
 */
export async function askChat(apiUrl: string, message: string, history: readonly ChatTurnWire[] = []): Promise<ChatExchange> {
  const started = performance.now();
  let firstEventMs = Number.NaN;
  let streamed = '';
  let done: ChatDoneWire | null = null;
  let error: string | undefined;
  try {
    const res = await fetch(new URL('api/chat', apiUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify(history.length ? { message, history } : { message }),
    });
    if (!res.ok || !res.body) {
      firstEventMs = performance.now() - started;
      const body = await res.text();
      return { done: null, streamed, firstEventMs, totalMs: firstEventMs, error: `HTTP ${res.status}: ${body.slice(0, 300)}` };
    }
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true }).replace(/\r\n/g, '\n');
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = parseEvent(block);
        if (!event) continue;
        if (Number.isNaN(firstEventMs)) firstEventMs = performance.now() - started;
        if (event.name === 'delta') streamed += (JSON.parse(event.data) as { text: string }).text;
        else if (event.name === 'done') done = JSON.parse(event.data) as ChatDoneWire;
        else if (event.name === 'error') error = event.data;
      }
    }
  } catch (caught) {
    error = caught instanceof Error ? caught.message : String(caught);
  }
  const totalMs = performance.now() - started;
  if (!done && !error) error = 'Der Stream endete ohne done-Ereignis.';
  return { done, streamed, firstEventMs: Number.isNaN(firstEventMs) ? totalMs : firstEventMs, totalMs, ...(error ? { error } : {}) };
}

function parseEvent(block: string): { name: string; data: string } | null {
  let name = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') name = value;
    else if (field === 'data') data.push(value);
  }
  return data.length ? { name, data: data.join('\n') } : null;
}

/**
 * Asks the earlier turns first (each with the history so far, its reply appended as the widget
 * does), then the message itself. Returns the message's exchange and the replies to the turns.
 */
export async function askConversation(apiUrl: string, turns: readonly string[], message: string): Promise<{ exchange: ChatExchange; history: ChatTurnWire[] }> {
  const history: ChatTurnWire[] = [];
  for (const turn of turns) {
    const earlier = await askChat(apiUrl, turn, history);
    history.push({ role: 'user', content: turn }, { role: 'assistant', content: earlier.done?.answer ?? earlier.streamed });
  }
  return { exchange: await askChat(apiUrl, message, history), history };
}

/** GET /api/search?q= */
export async function searchApi(apiUrl: string, query: string): Promise<SearchResponseWire> {
  const url = new URL('api/search', apiUrl);
  url.searchParams.set('q', query);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET /api/search?q=${query} antwortet mit HTTP ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as SearchResponseWire;
}
