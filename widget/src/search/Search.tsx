import { useState } from 'preact/hooks';
import type { Api } from '../api';
import type { Strings } from '../i18n';
import { LiveRegion } from '../ui/LiveRegion';
import { ResultList } from './ResultList';
import { useSearch } from './useSearch';

interface Props {
  api: Api;
  apiBase: string;
  strings: Strings;
  /** Present when the chat is enabled: hands the query over to the assistant. */
  onAskAssistant?: ((query: string) => void) | undefined;
}

// IDs only need to be unique inside this widget's shadow root.
const INPUT_ID = 'aw-search-input';
const HINT_ID = 'aw-search-hint';
const RESULTS_ID = 'aw-search-results';

export function Search({ api, apiBase, strings, onAskAssistant }: Props) {
  const [value, setValue] = useState('');
  const { state, announcement, onInput, onSubmit } = useSearch(api, strings);
  const { status, query, results } = state;
  const showResults = status !== 'idle' && status !== 'tooShort' && status !== 'error' && results.length > 0;

  return (
    <div class="search">
      <form
        role="search"
        class="search-form"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit(value);
        }}
      >
        <label for={INPUT_ID} class="label">
          {strings.searchLabel}
        </label>
        <p id={HINT_ID} class="hint">
          {strings.searchHint}
        </p>
        <div class="row">
          <input
            id={INPUT_ID}
            class="input"
            type="search"
            value={value}
            onInput={(e) => {
              const next = e.currentTarget.value;
              setValue(next);
              onInput(next);
            }}
            aria-describedby={HINT_ID}
            autocomplete="off"
            spellcheck={false}
            enterkeyhint="search"
          />
          <button type="submit" class="btn primary">
            {strings.searchButton}
          </button>
        </div>
      </form>

      <div id={RESULTS_ID} class="search-body" aria-busy={status === 'loading'}>
        {status === 'loading' && <p class="status">{strings.searchLoading}</p>}
        {status === 'tooShort' && <p class="status">{strings.searchTooShort}</p>}
        {status === 'error' && <p class="error">{state.error}</p>}
        {status === 'done' && results.length === 0 && <p class="status">{strings.noResults(query)}</p>}
        {showResults && <ResultList label={strings.resultsLabel} results={results} apiBase={apiBase} />}
        {onAskAssistant && (status === 'done' || status === 'error') && (
          <button type="button" class="btn secondary handoff" onClick={() => onAskAssistant(query)}>
            {strings.askAssistant}
          </button>
        )}
      </div>
      <LiveRegion message={announcement} />
    </div>
  );
}
