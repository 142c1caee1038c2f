import type { Ref } from 'preact';
import type { Strings } from '../i18n';
import { ChatIcon } from '../ui/icons';

interface Props {
  buttonRef: Ref<HTMLButtonElement>;
  strings: Strings;
  loading: boolean;
  /** While the chat is open: on a phone the fixed button would lie over the question box. */
  hidden: boolean;
  onOpen: () => void;
  onPreload: () => void;
}

/**
 * The chat launcher: a named `<button>` that opens the dialog, named by its
 * visible text (docs/accessibility.md). It is an ordinary button
 * in the Tab order and traps nothing. Hover and focus fetch the chat code ahead of the click.
 */
export function Launcher({ buttonRef, strings, loading, hidden, onOpen, onPreload }: Props) {
  return (
    <button
      ref={buttonRef}
      type="button"
      class="btn primary launcher"
      aria-haspopup="dialog"
      aria-busy={loading ? 'true' : undefined}
      hidden={hidden}
      onClick={onOpen}
      onPointerEnter={onPreload}
      onFocus={onPreload}
    >
      <ChatIcon />
      <span>{strings.launcher}</span>
    </button>
  );
}
