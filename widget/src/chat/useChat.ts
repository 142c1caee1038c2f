import { useEffect, useRef, useState } from 'preact/hooks';
import type { Announcer } from '../announcer';
import { createChat, type Handoff } from '../api/chat';
import { ApiError, createRequest, isAbortError } from '../api/request';
import type { WidgetConfig } from '../config';
import { logError } from '../log';
import { buildHistory, newTurn, type Turn } from './history';
import { CHAT_STRINGS, type ChatStrings } from './i18n';
import { memoryOnly, sessionStore } from './persist';

/**
 * The conversation: in memory only, unless the host opted into `data-persist="session"`.
 *
 * Only one answer streams at a time: a new question or "Neues Gespräch" aborts the running
 * request. The announcer speaks only "started" and "finished", never the streamed tokens
 * (docs/accessibility.md, Answers). Closing the dialog does not stop an answer; it is there when the dialog reopens.
 */
export function useChat(config: WidgetConfig, strings: ChatStrings, announcer: Announcer) {
  const [store] = useState(() => (config.persist === 'session' ? sessionStore() : memoryOnly));
  const [chat] = useState(() => createChat(createRequest(config.api, strings), strings));
  const [turns, setTurns] = useState<Turn[]>(() => store.load());
  const [handoff, setHandoff] = useState<Handoff | null>(() =>
    config.links.contact ? { url: config.links.contact, title: config.contactLabel ?? strings.contactFallback } : null,
  );
  // The authority's AI disclosure, as the server sends it with the first answer (AI Act
  // Art. 50(1)); until then the host's or the built-in text stands in (Notice.tsx).
  const [disclosure, setDisclosure] = useState<string | null>(() => store.loadDisclosure());
  const turnsRef = useRef(turns);
  turnsRef.current = turns;
  const controller = useRef<AbortController | null>(null);
  const nextId = useRef(turns.length + 1);

  const update = (id: number, patch: (t: Turn) => Partial<Turn>): void =>
    setTurns((ts) => ts.map((t) => (t.id === id ? { ...t, ...patch(t) } : t)));

  // Written after every change once there is a first question; never before: an untouched widget stores
  // nothing in the browser (docs/data-protection.md).
  useEffect(() => {
    if (turns.length) store.save(turns, disclosure);
  }, [turns, disclosure]);

  const cancel = (): void => {
    const ctrl = controller.current;
    if (!ctrl) return;
    controller.current = null;
    ctrl.abort();
    setTurns((ts) => ts.map((t) => (t.status === 'streaming' ? { ...t, status: 'cancelled' } : t)));
  };

  const send = async (input: string): Promise<void> => {
    const question = input.trim();
    if (!question) return;
    cancel();
    const history = buildHistory(turnsRef.current);
    const id = nextId.current++;
    const ctrl = new AbortController();
    controller.current = ctrl;
    const asked = newTurn(id, question, config.lang);
    setTurns((ts) => [...ts, asked]);
    // Said in the language of the question, as the answer's labels will be.
    announcer.polite(CHAT_STRINGS[asked.lang].answering, asked.lang);

    try {
      const done = await chat(question, history, (delta) => !ctrl.signal.aborted && update(id, (t) => ({ text: t.text + delta })), ctrl.signal);
      if (ctrl.signal.aborted) return;
      // The final answer replaces the streamed text (it may differ, e.g. cleaned citations).
      const lang = done.lang ?? asked.lang;
      update(id, () => ({
        status: 'done',
        text: done.answer,
        sources: done.sources,
        generated: done.generated,
        model: done.model,
        confident: done.confident,
        easyLanguage: done.easyLanguage,
        lang,
        textLang: done.lang ?? 'de',
        declined: done.declined ?? null,
        handoff: done.handoff,
      }));
      if (done.handoff) setHandoff(done.handoff);
      if (done.disclosure) setDisclosure(done.disclosure);
      announcer.polite(CHAT_STRINGS[lang].answerDone(done.sources.length), lang);
    } catch (err) {
      if (ctrl.signal.aborted || isAbortError(err)) return;
      if (!(err instanceof ApiError)) logError('chat failed', err);
      const message = err instanceof ApiError ? err.message : strings.errorGeneric;
      update(id, () => ({ status: 'error', error: message }));
      announcer.assertive(message);
    } finally {
      if (controller.current === ctrl) controller.current = null;
    }
  };

  /** Asks a failed question again, in place of the failed turn. */
  const retry = (turn: Turn): void => {
    setTurns((ts) => ts.filter((t) => t.id !== turn.id));
    void send(turn.question);
  };

  /** "Neues Gespräch": forget everything, including the stored copy. */
  const reset = (): void => {
    cancel();
    setTurns([]);
    store.clear();
    announcer.polite(strings.newChatStarted);
  };

  useEffect(() => () => controller.current?.abort(), []);

  return { turns, handoff, disclosure, send, retry, reset };
}
