import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, isAbortError, type Api, type SearchResult } from '../api';
import type { Strings } from '../i18n';
import { logError } from '../log';
import type { Announcement } from '../ui/LiveRegion';

export const MIN_QUERY_LENGTH = 2;
/** Wait for a pause in typing before asking the server. */
const DEBOUNCE_MS = 250;
/** Extra pause before speaking the result count, so it does not talk over typing echo. */
const ANNOUNCE_DELAY_MS = 500;

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
 * AbortController; starting a new one aborts the previous, and a response
 * is only applied if its controller was not aborted, so an old, slow answer
 * can never overwrite a newer one.
 */
export function useSearch(api: Api, strings: Strings) {
  const [state, setState] = useState<SearchState>(IDLE);
  const [announcement, setAnnouncement] = useState<Announcement>({ text: '', id: 0 });
  const stateRef = useRef(state);
  stateRef.current = state;
  const controller = useRef<AbortController | null>(null);
  const debounceTimer = useRef<ReturnType<typeof setTimeout>>();
  const announceTimer = useRef<ReturnType<typeof setTimeout>>();

  const clearTimers = (): void => {
    clearTimeout(debounceTimer.current);
    clearTimeout(announceTimer.current);
  };

  const announce = (text: string): void => {
    clearTimeout(announceTimer.current);
    announceTimer.current = setTimeout(() => setAnnouncement((a) => ({ text, id: a.id + 1 })), ANNOUNCE_DELAY_MS);
  };

  const run = async (query: string): Promise<void> => {
    controller.current?.abort();
    const ctrl = new AbortController();
    controller.current = ctrl;
    setState((s) => ({ ...s, status: 'loading', query, error: '' }));
    try {
      const { results } = await api.search(query, ctrl.signal);
      if (ctrl.signal.aborted) return;
      setState({ status: 'done', query, results, error: '' });
      announce(results.length ? strings.resultCount(results.length) : strings.noResults(query));
    } catch (err) {
      if (ctrl.signal.aborted || isAbortError(err)) return;
      if (!(err instanceof ApiError)) logError('search failed', err);
      const message = err instanceof ApiError ? err.message : strings.errorGeneric;
      setState({ status: 'error', query, results: [], error: message });
      announce(message);
    }
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
      setState({ ...IDLE, status: 'tooShort' });
      announce(strings.searchTooShort);
      return;
    }
    const current = stateRef.current;
    // The debounced search for this exact text already finished: just repeat the count.
    if (current.status === 'done' && current.query === query) {
      announce(current.results.length ? strings.resultCount(current.results.length) : strings.noResults(query));
      return;
    }
    void run(query);
  };

  useEffect(() => stop, []);

  return { state, announcement, onInput, onSubmit };
}
