import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, isAbortError, type Api } from '../api';
import type { Strings } from '../i18n';
import { logError } from '../log';
import type { Announcement } from '../ui/LiveRegion';
import { buildHistory, type Turn } from './history';

/**
 * The conversation, kept in memory only (no storage of any kind: closing the
 * tab forgets it, as promised in the privacy notice).
 *
 * Only one answer streams at a time: sending a new question or closing the
 * panel aborts the running request. `status` feeds the polite live region,
 * which speaks only "started" and "finished", never the streamed tokens.
 */
export function useChat(api: Api, strings: Strings) {
  const [turns, setTurns] = useState<Turn[]>([]);
  const [status, setStatus] = useState<Announcement>({ text: '', id: 0 });
  const turnsRef = useRef(turns);
  turnsRef.current = turns;
  const controller = useRef<AbortController | null>(null);
  const nextId = useRef(1);

  const announce = (text: string): void => setStatus((s) => ({ text, id: s.id + 1 }));

  const update = (id: number, patch: (t: Turn) => Partial<Turn>): void =>
    setTurns((ts) => ts.map((t) => (t.id === id ? { ...t, ...patch(t) } : t)));

  /** Aborts the running answer, if any, and marks it as cancelled. */
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
    setTurns((ts) => [
      ...ts,
      { id, question, status: 'streaming', text: '', sources: [], confident: true, error: '' },
    ]);
    announce(strings.answering);

    try {
      const done = await api.chat(
        question,
        history,
        (delta) => {
          if (!ctrl.signal.aborted) update(id, (t) => ({ text: t.text + delta }));
        },
        ctrl.signal,
      );
      if (ctrl.signal.aborted) return;
      // The final answer replaces the streamed text (it may differ, e.g. cleaned citations).
      update(id, () => ({ status: 'done', text: done.answer, sources: done.sources, confident: done.confident }));
      announce(strings.answerDone(done.sources.length));
    } catch (err) {
      if (ctrl.signal.aborted || isAbortError(err)) return;
      if (!(err instanceof ApiError)) logError('chat failed', err);
      const message = err instanceof ApiError ? err.message : strings.errorGeneric;
      update(id, () => ({ status: 'error', error: message }));
      announce(message);
    } finally {
      if (controller.current === ctrl) controller.current = null;
    }
  };

  /** "Neues Gespräch": forget everything. */
  const reset = (): void => {
    cancel();
    setTurns([]);
    setStatus((s) => ({ text: '', id: s.id + 1 }));
  };

  useEffect(() => () => controller.current?.abort(), []);

  return { turns, status, send, cancel, reset };
}
