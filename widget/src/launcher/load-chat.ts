import type { ChatModule } from '../chat/contract';
import { preactRuntime } from '../lazy/preact-runtime';

/**
 * Returns a function that loads the chat chunk once and hands it widget.js's Preact.
 *
 * The chunk is an ES module fetched with a dynamic `import()`, resolved against widget.js's
 * own URL: a classic script can import modules, and no `<script>` element is created, so
 * hosts that enforce Trusted Types or forbid script insertion are fine (docs/security.md). CSP-wise the
 * chunk is covered by the same `script-src` entry as widget.js, and the server sends it with
 * CORS, which cross-origin module loading requires.
 *
 * A failed import is remembered by the browser for that URL, so a retry asks for a new one.
 */
export function createChatLoader(baseUrl: string, onLoad: (chat: ChatModule) => void): () => Promise<ChatModule> {
  let pending: Promise<ChatModule> | undefined;
  let attempt = 0;
  return () =>
    (pending ??= (async () => {
      const url = new URL(__AUSKUNFT_CHAT_CHUNK__, baseUrl);
      if (attempt++) url.searchParams.set('retry', String(attempt));
      const chat = (await import(/* @vite-ignore */ url.href)) as ChatModule;
      chat.installPreact(preactRuntime);
      onLoad(chat);
      return chat;
    })().catch((err: unknown) => {
      pending = undefined;
      throw err;
    }));
}
