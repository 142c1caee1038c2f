import type { ChatDone, ChatSource, Generated, Handoff, HistoryMessage } from '../api/chat';
import type { Lang } from '../i18n';
import { detectLang } from '../text/detect-lang';

/** How many previous messages (user + assistant entries) are sent as context. */
export const HISTORY_LIMIT = 6;

export interface Turn {
  id: number;
  question: string;
  status: 'streaming' | 'done' | 'error' | 'cancelled';
  /** Streamed text while `streaming`, the final answer once `done`. */
  text: string;
  sources: ChatSource[];
  generated: Generated;
  model: string | null;
  confident: boolean;
  easyLanguage: string | null;
  error: string;
  /** Language of the answer's labels: the server's `lang`, else that of the question. */
  lang: Lang;
  /** Language of the answer text (servers without `lang` answer in German). */
  textLang: Lang;
  /** Why the assistant declined, if it did (older servers: only `confident: false`). */
  declined: NonNullable<ChatDone['declined']> | null;
  /** Who can help with this question, as the server named it with the answer. */
  handoff: Handoff | null;
}

/** A turn that has just been asked, in a widget whose language is `widgetLang`. */
export function newTurn(id: number, question: string, widgetLang: Lang = 'de'): Turn {
  const lang = detectLang(question, widgetLang);
  return {
    id, question, status: 'streaming', text: '', sources: [], generated: 'none', model: null, confident: false, easyLanguage: null, error: '',
    lang, textLang: 'de', declined: null, handoff: null,
  };
}

/**
 * Builds the `history` for the next request from completed turns only: failed or cancelled
 * answers are left out so the model never sees a question without its answer, and the list
 * always starts with a user message.
 */
export function buildHistory(turns: ReadonlyArray<Turn>, limit = HISTORY_LIMIT): HistoryMessage[] {
  const messages: HistoryMessage[] = [];
  for (const t of turns) {
    if (t.status !== 'done' || !t.text.trim()) continue;
    messages.push({ role: 'user', content: t.question }, { role: 'assistant', content: t.text });
  }
  const recent = limit > 0 ? messages.slice(-limit) : [];
  if (recent[0]?.role === 'assistant') recent.shift();
  return recent;
}
