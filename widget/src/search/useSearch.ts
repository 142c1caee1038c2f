import { useEffect, useRef, useState } from 'preact/hooks';
import type { Announcer } from '../announcer';
import { ApiError, isAbortError } from '../api/request';
import type { Search, SearchResult } from '../api/search';
import type { Strings } from '../i18n';
import { logError } from '../log';

export const MIN_QUERY_LENGTH = 2;
/** Wait for a pause in typing before asking the server. */
const DEBOUNCE_MS = 250;
/**
 * Extra pause before speaking the result count, so it is said once when typing has settled
 * and does not talk over the echo of typed characters (docs/accessibility.md, WCAG 4.1.3).
 */
const ANNOUNCE_DELAY_MS = 700;

export interface SearchState {
  status: 'idle' | 'tooShort' | 'loading' | 'done' | 'error';
  /** Query of the shown results / of the request in flight. */
  query: string;
  /** Kept while a new request loads, so the list does not flicker on every key. */
  results: SearchResult[];
  error: string;
}

const IDLE: SearchState = { status: 'idle', query: '', results: [], error: '' };

/**
 * Search-as-you-type with debounce and cancellation. Each request gets its own
 * AbortController; starting a new one aborts the previous, and a response is only applied if
 * its controller was not aborted, so an old, slow answer can never overwrite a newer one.
 * Outcomes are announced through the light-DOM announcer, never by the list itself.
 */
export function useSearch(search: Search, strings: Strings, announcer: Announcer) {
  const [state, setState] = useState<SearchState>(IDLE);
  const stateRef = useRef(state);
  stateRef.current = state;
  const controller = useRef<AbortController | null>(null);
  const debounceTimer = useRef<ReturnType<typeof setTimeout>>();
  const announceTimer = useRef<ReturnType<typeof setTimeout>>();

  const clearTimers = (): void => {
    clearTimeout(debounceTimer.current);
    clearTimeout(announceTimer.current);
  };

  /** "No results" and errors interrupt (assertive); counts wait their turn (polite). */
  const announce = (s: SearchState): void => {
    clearTimeout(announceTimer.current);
    announceTimer.current = setTimeout(() => {
      if (s.status === 'error') announcer.assertive(s.error);
      else if (s.status === 'tooShort') announcer.assertive(strings.searchTooShort);
      else if (s.results.length === 0) announcer.assertive(strings.noResults(s.query));
      else announcer.polite(strings.resultCount(s.results.length));
    }, ANNOUNCE_DELAY_MS);
  };

  const run = async (query: string): Promise<void> => {
    controller.current?.abort();
    const ctrl = new AbortController();
    controller.current = ctrl;
    setState((s) => ({ ...s, status: 'loading', query, error: '' }));
    let next: SearchState;
    try {
      const { results } = await search(query, ctrl.signal);
      if (ctrl.signal.aborted) return;
      next = { status: 'done', query, results, error: '' };
    } catch (err) {
      if (ctrl.signal.aborted || isAbortError(err)) return;
      if (!(err instanceof ApiError)) logError('search failed', err);
      next = { status: 'error', query, results: [], error: err instanceof ApiError ? err.message : strings.errorGeneric };
    }
    setState(next);
    announce(next);
  };

  const stop = (): void => {
    clearTimers();
    controller.current?.abort();
    controller.current = null;
  };

  /** Called on every keystroke. */
  const onInput = (value: string): void => {
    clearTimers();
    const query = value.trim();
    if (query.length < MIN_QUERY_LENGTH) {
      stop();
      setState(IDLE);
      return;
    }
    debounceTimer.current = setTimeout(() => void run(query), DEBOUNCE_MS);
  };

  /** Called on Enter / the search button: no debounce. */
  const onSubmit = (value: string): void => {
    clearTimers();
    const query = value.trim();
    if (query.length < MIN_QUERY_LENGTH) {
      stop();
      const next: SearchState = { ...IDLE, status: 'tooShort' };
      setState(next);
      announce(next);
      return;
    }
    const current = stateRef.current;
    // The debounced search for this exact text already finished: just repeat its outcome.
    if (current.status === 'done' && current.query === query) announce(current);
    else void run(query);
  };

  useEffect(() => stop, []);

  return {
    state,
    onInput,
    onSubmit,
    reset: () => (stop(), setState(IDLE)),
    /** The person left the results (Escape, focus elsewhere): a pending count would talk over what comes next. */
    silence: () => clearTimeout(announceTimer.current),
  };
}
