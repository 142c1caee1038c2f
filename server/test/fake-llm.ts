import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedChat {
  model: string;
  stream: boolean;
  messages: Array<{ role: string; content: string }>;
}

/**
 * An OpenAI-compatible chat server on 127.0.0.1, speaking the protocol TGI and vLLM speak
 * (POST /v1/chat/completions, `stream: true` → SSE chunks and `data: [DONE]`), so the real
 * @huggingface/inference client is exercised. The model name picks the behaviour.
 */
export async function startFakeLlm(behaviours: Record<string, (request: RecordedChat) => { chunks?: string[]; status?: number; delayMs?: number }>) {
  const requests: RecordedChat[] = [];
  /** Streams the client closed before the model finished (the citizen went away). */
  const cancelled = { count: 0 };
  const server: Server = createServer(async (req, res) => {
    res.on('close', () => {
      if (!res.writableEnded) cancelled.count++;
    });
    let body = '';
    for await (const chunk of req) body += chunk;
    const request = JSON.parse(body) as RecordedChat;
    requests.push(request);
    const behaviour = behaviours[request.model]?.(request) ?? { status: 404 };
    if (behaviour.status && behaviour.status !== 200) {
      res.writeHead(behaviour.status, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ error: { message: `model ${request.model} failed`, type: 'server_error' } }));
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    for (const [i, text] of (behaviour.chunks ?? []).entries()) {
      if (behaviour.delayMs) await new Promise((r) => setTimeout(r, behaviour.delayMs));
      if (res.destroyed) return;
      const chunk = { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 0, model: request.model, choices: [{ index: 0, delta: i === 0 ? { role: 'assistant', content: text } : { content: text }, finish_reason: null }] };
      res.write(`data: ${JSON.stringify(chunk)}\n\n`);
    }
    res.write(`data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 0, model: request.model, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`);
    res.end('data: [DONE]\n\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    cancelled,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
