import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Strings } from '../i18n';
import { ChatIcon, CloseIcon } from '../ui/icons';
import type { Choice } from './choices';
import { Snippet } from './Snippet';

interface Props {
  query: string;
  results: Array<Extract<Choice, { kind: 'result' }>>;
  strings: Strings;
  onClose: () => void;
  /** Present when the chat is enabled. */
  onAsk: (() => void) | undefined;
}

const TITLE_ID = 'aw-results-title';

/**
 * All results with their snippets, as the site's own search page would list them: what Enter
 * opens when no option is highlighted. A modal dialog (the page behind is inert) of plain links
 * in the Tab order, outside the combobox, so each result is an ordinary link with one destination
 * (docs/accessibility.md). Focus goes
 * to the title, so the number of results is read first; Tab and Shift+Tab wrap inside, as in
 * the chat; Escape closes, and the search box gets focus back (Search.tsx).
 */
export function ResultsView({ query, results, strings, onClose, onAsk }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => {
    dialog.current?.showModal();
    title.current?.focus();
  }, []);
  const wrapTab = (e: KeyboardEvent): void => {
    const items = [...(dialog.current?.querySelectorAll<HTMLElement>('a[href], button') ?? [])];
    const current = (e.currentTarget as HTMLElement).getRootNode() as ShadowRoot;
    const at = items.indexOf(current.activeElement as HTMLElement);
    const to = e.shiftKey ? (at <= 0 ? items.at(-1) : null) : at === items.length - 1 ? items[0] : null;
    if (e.key === 'Tab' && to) {
      e.preventDefault();
      to.focus();
    }
  };
  return (
    <dialog
      ref={dialog}
      class="results"
      aria-labelledby={TITLE_ID}
      onKeyDown={wrapTab}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClose={onClose}
      onClick={(e) => e.target === e.currentTarget && onClose()}
    >
      <div class="results-head">
        <h2 id={TITLE_ID} ref={title} tabIndex={-1}>
          {strings.resultsTitle(query)}
          <span class="popup-status">{strings.resultCount(results.length)}</span>
        </h2>
        <button type="button" class="btn" aria-label={strings.close} title={strings.close} onClick={onClose}>
          <CloseIcon />
        </button>
      </div>
      <ol>
        {results.map(({ result, href }) => (
          <li key={href}>
            <a class="option" href={href}>
              <span class="opt-title">{result.title}</span>
              {result.section && <span class="opt-section">{result.section}</span>}
              {result.snippet && <Snippet text={result.snippet} highlights={result.highlights} />}
            </a>
          </li>
        ))}
      </ol>
      {onAsk && (
        <button type="button" class="btn secondary" onClick={onAsk}>
          <ChatIcon />
          {strings.askAssistant(query)}
        </button>
      )}
    </dialog>
  );
}
