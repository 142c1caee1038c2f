import type { SearchResult } from '../api/search';
import { safeUrl } from '../text/url';
import type { SearchState } from './useSearch';

/**
 * One option of the search popup. Each has exactly one destination or action, so
 * Enter on it is predictable (docs/accessibility.md): a result
 * links to the best section of its page; a suggestion searches for a configured term; the
 * last option hands the question to the assistant. "Show all" opens the full results view.
 */
export type Choice =
  | { kind: 'result'; result: SearchResult; href: string }
  | { kind: 'suggestion'; term: string }
  | { kind: 'all'; count: number }
  | { kind: 'assistant'; query: string };

/**
 * The options to offer for the current search state. `withAssistant` is false when the chat
 * is switched off (`data-mode="search"`).
 */
export function choicesFor(state: SearchState, suggestions: readonly string[], withAssistant: boolean, apiBase: string): Choice[] {
  if (state.status !== 'done' && !(state.status === 'loading' && state.results.length > 0)) return [];
  const choices: Choice[] = [];
  for (const result of state.results) {
    // Link to the best passage, fall back to the page, never to a non-http URL.
    const href = safeUrl(result.sectionUrl, apiBase) ?? safeUrl(result.url, apiBase);
    if (href) choices.push({ kind: 'result', result, href });
  }
  if (state.status === 'done' && state.results.length === 0) {
    const query = state.query.toLocaleLowerCase();
    for (const term of suggestions) if (term.toLocaleLowerCase() !== query) choices.push({ kind: 'suggestion', term });
  }
  if (withAssistant && state.query) choices.push({ kind: 'assistant', query: state.query });
  return choices;
}

/**
 * The first `max` results, then "show all N results" when some were left out, then the other
 * options. Search.tsx lowers `max` until the popup fits the window: a popup taller than the
 * window made the highlight scroll the host page, and a popup that scrolls itself is a scroll
 * region outside the Tab order.
 */
export function fitChoices(choices: Choice[], max: number): Choice[] {
  const results = choices.filter((c) => c.kind === 'result');
  if (results.length <= max) return choices;
  return [...results.slice(0, max), { kind: 'all', count: results.length }, ...choices.filter((c) => c.kind !== 'result')];
}
