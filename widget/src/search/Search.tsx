import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Announcer } from '../announcer';
import type { Search as SearchApi } from '../api/search';
import type { WidgetConfig } from '../config';
import type { Strings } from '../i18n';
import { SearchIcon } from '../ui/icons';
import { ChoiceOption } from './ChoiceOption';
import { choicesFor, fitChoices, type Choice } from './choices';
import { ResultsView } from './ResultsView';
import { useSearch, type SearchState } from './useSearch';

interface Props {
  config: WidgetConfig;
  search: SearchApi;
  strings: Strings;
  announcer: Announcer;
  /** Present when the chat is enabled: hands the query over to the assistant. */
  onAskAssistant?: ((query: string, opener: HTMLElement | null) => void) | undefined;
  /** Called when the assistant option is highlighted, to fetch the chat code early. */
  onPreloadAssistant?: (() => void) | undefined;
}

// IDs only need to be unique inside this widget's shadow root: ID references never cross it (docs/accessibility.md).
const LABEL_ID = 'aw-q-label';
const INPUT_ID = 'aw-q';
const HINT_ID = 'aw-q-hint';
const LISTBOX_ID = 'aw-q-list';
const optionId = (i: number): string => `aw-q-opt-${i}`;

/**
 * The search box: an ARIA 1.2 combobox with a listbox popup (APG "list autocomplete").
 * DOM focus always stays in the input; Down/Up move a highlight that is exposed through
 * aria-activedescendant, which is set only by those keys and never while typing, so typed text is never
 * replaced under the user's fingers (docs/accessibility.md, Search).
 */
export function Search({ config, search, strings, announcer, onAskAssistant, onPreloadAssistant }: Props) {
  const [value, setValue] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // Enter without a highlighted option asks for all results: shown once the search has some.
  const [wantAll, setWantAll] = useState(false);
  const { state, onInput, onSubmit, reset, silence } = useSearch(search, strings, announcer);
  const input = useRef<HTMLInputElement>(null);
  const popup = useRef<HTMLDivElement>(null);

  const all = useMemo(
    () => choicesFor(state, config.suggestions, Boolean(onAskAssistant), config.api),
    [state, config, onAskAssistant],
  );
  // How many results the popup shows: as many as fit in the window (see fitChoices).
  const [fit, setFit] = useState(99);
  const choices = useMemo(() => fitChoices(all, fit), [all, fit]);
  const showAll = wantAll && state.status === 'done' && state.results.length > 0;
  const showPopup = open && state.status !== 'idle' && !showAll;
  const expanded = showPopup && choices.length > 0;
  const current = expanded && active >= 0 ? choices[active] : undefined;

  // Each search (running or finished) opens the popup, unless the person has left the search
  // (the search button counts as inside).
  useLayoutEffect(() => {
    setActive(-1);
    setFit(99);
    if (state.status !== 'idle') setOpen(input.current?.form?.matches(':focus-within') ?? false);
  }, [state]);

  // The popup shows one result less until it fits above the bottom of the window (then
  // "show all" leads on). It is wider than the box: near the right edge of the window (a box
  // in a header), it is moved left to end where the box ends, and never further than the
  // window allows. CSSOM, not a style attribute, so it works under a CSP without
  // 'unsafe-inline' (docs/security.md).
  useLayoutEffect(() => {
    const el = popup.current;
    const box = input.current?.parentElement;
    if (!el || !box) return;
    el.style.left = '';
    const rect = el.getBoundingClientRect();
    const shown = choices.filter((c) => c.kind === 'result').length;
    if (rect.bottom > innerHeight - 8 && shown > 1) return setFit(shown - 1);
    if (rect.right <= document.documentElement.clientWidth - 8) return;
    const shift = Math.min(rect.right - Math.min(box.getBoundingClientRect().right, document.documentElement.clientWidth - 8), rect.left - 8);
    if (shift > 0) el.style.left = `${-shift}px`;
  }, [showPopup, choices]);

  useLayoutEffect(() => {
    // Only in windows too small for even one result does this scroll the page.
    if (current) popup.current?.querySelector(`#${optionId(active)}`)?.scrollIntoView({ block: 'nearest' });
    if (current?.kind === 'assistant') onPreloadAssistant?.();
  }, [current]);

  const close = (): void => {
    setOpen(false);
    setActive(-1);
    silence();
  };

  const choose = (choice: Choice, index: number): void => {
    if (choice.kind === 'result') {
      // A native click, so the host page's link handling (and its router) applies as usual.
      popup.current?.querySelector<HTMLAnchorElement>(`#${optionId(index)}`)?.click();
    } else if (choice.kind === 'suggestion') {
      setValue(choice.term);
      onSubmit(choice.term);
      setActive(-1);
    } else if (choice.kind === 'all') {
      close();
      setWantAll(true);
    } else {
      close();
      onAskAssistant?.(choice.query, input.current);
    }
  };

  // Back to the search box once the results view is gone (while it is modal, the box is inert).
  const wasAll = useRef(false);
  useLayoutEffect(() => {
    if (wasAll.current && !showAll) input.current?.focus();
    wasAll.current = showAll;
  }, [showAll]);

  const move = (step: 1 | -1): void => {
    if (!choices.length) return;
    setOpen(true);
    // From "nothing highlighted", Down goes to the first option and Up to the last; both wrap.
    setActive((i) => (i < 0 || !expanded ? (step > 0 ? 0 : choices.length - 1) : (i + step + choices.length) % choices.length));
  };

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.isComposing) return;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        e.preventDefault();
        move(e.key === 'ArrowDown' ? 1 : -1);
        break;
      case 'Enter':
        if (current) {
          e.preventDefault();
          choose(current, active);
        }
        break;
      case 'Escape':
        // First Escape closes the popup, the second clears the box, as in the APG combobox pattern
        // (docs/accessibility.md).
        if (showPopup) close();
        else if (value) {
          setValue('');
          reset();
        } else return;
        e.preventDefault();
        break;
      case 'ArrowLeft':
      case 'ArrowRight':
      case 'Home':
      case 'End':
        // Text-editing keys edit the text; the highlight goes back to the input.
        setActive(-1);
        break;
      case 'Tab':
        close();
        break;
    }
  };

  return (
    <>
      <form
        role="search"
        aria-labelledby={LABEL_ID}
        class="search"
        onSubmit={(e) => {
          e.preventDefault();
          setOpen(true);
          setWantAll(true);
          onSubmit(value);
        }}
        onFocusOut={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) close();
        }}
      >
        <label id={LABEL_ID} for={INPUT_ID} class="label">
          {strings.searchLabel}
        </label>
        <div class="field">
          <input
            ref={input}
            id={INPUT_ID}
            class="input"
            type="text"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={expanded ? 'true' : 'false'}
            aria-controls={expanded ? LISTBOX_ID : undefined}
            aria-activedescendant={current ? optionId(active) : undefined}
            aria-describedby={HINT_ID}
            value={value}
            autocomplete="off"
            autocapitalize="off"
            spellcheck={false}
            enterkeyhint="search"
            onInput={(e) => {
              const next = e.currentTarget.value;
              setValue(next);
              setActive(-1);
              setWantAll(false);
              onInput(next);
            }}
            onKeyDown={onKeyDown}
          />
          <button type="submit" class="btn search-btn" aria-label={strings.searchButton} title={strings.searchButton}>
            <SearchIcon />
          </button>
        </div>
        <p id={HINT_ID} class="sr-only">
          {strings.searchHint}
        </p>
        {showPopup && (
          <div ref={popup} class="popup">
            <PopupStatus state={state} strings={strings} />
            {expanded && (
              <div id={LISTBOX_ID} role="listbox" aria-label={strings.resultsLabel}>
                {choices.map((choice, i) => (
                  <ChoiceOption key={i} id={optionId(i)} choice={choice} active={i === active} strings={strings} onChoose={(c) => choose(c, i)} />
                ))}
              </div>
            )}
          </div>
        )}
      </form>
      {showAll && (
        <ResultsView
          query={state.query}
          results={all.filter((c): c is Extract<Choice, { kind: 'result' }> => c.kind === 'result')}
          strings={strings}
          onClose={() => setWantAll(false)}
          onAsk={
            onAskAssistant &&
            (() => {
              setWantAll(false);
              onAskAssistant(state.query, input.current);
            })
          }
        />
      )}
    </>
  );
}

/** The visible state line of the popup; screen readers hear it through the announcer. */
function PopupStatus({ state, strings }: { state: SearchState; strings: Strings }) {
  switch (state.status) {
    case 'loading':
      return state.results.length ? null : <p class="popup-status">{strings.searchLoading}</p>;
    case 'tooShort':
      return <p class="popup-status">{strings.searchTooShort}</p>;
    case 'error':
      return <p class="popup-status popup-error">{state.error}</p>;
    case 'done':
      return state.results.length ? (
        <p class="popup-status">{strings.resultCount(state.results.length)}</p>
      ) : (
        <p class="popup-status">
          <strong>{strings.noResults(state.query)}</strong>
          {strings.noResultsTips}
        </p>
      );
    default:
      return null;
  }
}
