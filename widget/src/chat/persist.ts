/**
 * Opt-in persistence of the conversation (`data-persist="session"`; off by default so nothing is stored
 * without the host choosing it, docs/data-protection.md): one namespaced
 * sessionStorage key, written once the first question is asked, removed by "Neues Gespräch".
 * sessionStorage ends with the tab, is never sent anywhere and is only used on the host's
 * explicit request, i.e. it is strictly necessary for a service the user asked for
 * (§ 25 (2) Nr. 2 TDDDG). Without the opt-in nothing is stored: the conversation lives in memory.
 */
import type { ChatSource } from '../api/chat';
import { logError } from '../log';
import { newTurn, type Turn } from './history';

export const STORAGE_KEY = 'auskunft:conversation';
/** Bump when the stored shape changes; older entries are then ignored. */
const VERSION = 1;

export interface ConversationStore {
  load(): Turn[];
  /** The server's AI disclosure as it came with the first answer (later answers carry none). */
  loadDisclosure(): string | null;
  save(turns: readonly Turn[], disclosure?: string | null): void;
  clear(): void;
}

/** A store that keeps nothing (the default). */
export const memoryOnly: ConversationStore = { load: () => [], loadDisclosure: () => null, save: () => {}, clear: () => {} };

/** sessionStorage, failing softly: blocked storage (sandboxed iframes, Safari settings) just means no persistence. */
export function sessionStore(storage: () => Storage = () => sessionStorage): ConversationStore {
  const guard = <T>(what: string, fn: () => T, fallback: T): T => {
    try {
      return fn();
    } catch (err) {
      logError(`could not ${what} the conversation in sessionStorage`, err);
      return fallback;
    }
  };
  return {
    load: () => guard('read', () => parse(storage().getItem(STORAGE_KEY)), []),
    loadDisclosure: () =>
      guard('read', () => {
        const d = readEntry(storage().getItem(STORAGE_KEY));
        return d?.v === VERSION && typeof d.disclosure === 'string' ? d.disclosure : null;
      }, null),
    save: (turns, disclosure) =>
      guard('save', () => {
        // A running answer is stored as what it will be after a reload: unanswered.
        const kept = turns.filter((t) => t.status === 'done' || t.status === 'error');
        storage().setItem(STORAGE_KEY, JSON.stringify({ v: VERSION, turns: kept, ...(disclosure ? { disclosure } : {}) }));
      }, undefined),
    clear: () => guard('remove', () => storage().removeItem(STORAGE_KEY), undefined),
  };
}

/** The stored entry as JSON, or null when there is none or it is broken. */
function readEntry(raw: string | null): { v?: unknown; turns?: unknown; disclosure?: unknown } | null {
  try {
    return raw ? (JSON.parse(raw) as { v?: unknown } | null) : null;
  } catch {
    return null;
  }
}

/** Reads what `save` wrote; anything else (another version, edited by hand) gives no turns. */
export function parse(raw: string | null): Turn[] {
  const d = readEntry(raw);
  if (d?.v !== VERSION || !Array.isArray(d.turns)) return [];
  const valid = (d.turns as Array<Partial<Turn>>).filter((t) => typeof t?.question === 'string' && typeof t.text === 'string');
  return valid.map(
    (t, i): Turn => ({
        ...newTurn(i + 1, t.question!),
        status: t.status === 'error' ? 'error' : 'done',
        text: t.text!,
        sources: Array.isArray(t.sources) ? (t.sources as ChatSource[]).filter((s) => typeof s?.url === 'string' && typeof s.n === 'number') : [],
        generated: t.generated === 'llm' || t.generated === 'faq' || t.generated === 'extractive' ? t.generated : 'none',
        model: typeof t.model === 'string' ? t.model : null,
        confident: t.confident === true,
        easyLanguage: typeof t.easyLanguage === 'string' ? t.easyLanguage : null,
        error: typeof t.error === 'string' ? t.error : '',
        ...(t.lang === 'en' || t.lang === 'de' ? { lang: t.lang } : {}),
        textLang: t.textLang === 'en' ? 'en' : 'de',
        declined: typeof t.declined === 'string' ? t.declined : null,
        handoff: typeof t.handoff?.url === 'string' && typeof t.handoff.title === 'string' ? t.handoff : null,
    }),
  );
}
