import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ChatStrings } from './i18n';
import { CloseIcon } from './icons';
import { PRIVACY_ID } from './Notice';

interface Props {
  strings: ChatStrings;
  onClose: () => void;
  onReset: () => void;
  /** Receives focus when the dialog opens. */
  initialFocus: () => HTMLElement | null;
  children: ComponentChildren;
}

const TITLE_ID = 'aw-chat-title';
const AI_NOTE_ID = 'aw-chat-ai';
const FOCUSABLE = 'a[href],button:not(:disabled),textarea:not(:disabled),input:not(:disabled),[tabindex]:not([tabindex="-1"])';

/**
 * The chat as a modal `<dialog>` opened with showModal(): the browser makes the host page
 * behind it inert and the backdrop dims it, which is the condition under which a dialog may
 * be modal (aria-modal only when the page behind is inert, docs/accessibility.md). The focus
 * trap follows from that: Tab and Shift+Tab wrap inside (WCAG 2.4.3), so focus never reaches the browser's
 * toolbar from the last control, and nothing on the page can be hidden behind the panel
 * while it has focus (WCAG 2.2 2.4.11). Escape closes (the dialog's `cancel` event); the
 * opener gets focus back (App.tsx). Named by its visible title, described by the "automated
 * assistant" note and the privacy request, so both are read when it opens (AI Act Art. 50;
 * docs/data-protection.md).
 */
export function ChatDialog({ strings, onClose, onReset, initialFocus, children }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);

  useLayoutEffect(() => {
    const el = dialog.current;
    if (!el) return;
    el.showModal();
    initialFocus()?.focus();
  }, []);

  const wrapTab = (e: KeyboardEvent): void => {
    const el = dialog.current;
    if (e.key !== 'Tab' || !el) return;
    const items = [...el.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((item) => item.getClientRects().length > 0);
    const first = items[0];
    const last = items[items.length - 1];
    const current = (el.getRootNode() as ShadowRoot).activeElement;
    if (!first || !last) return;
    if (e.shiftKey && (current === first || current === el)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && current === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={dialog}
      class="panel"
      aria-labelledby={TITLE_ID}
      aria-describedby={`${AI_NOTE_ID} ${PRIVACY_ID}`}
      onKeyDown={wrapTab}
      onCancel={(e) => {
        // Escape: close through the widget's state, so focus goes back where it came from.
        e.preventDefault();
        onClose();
      }}
      // Closed by the browser anyway (e.g. a second Escape without user activation).
      onClose={onClose}
      onClick={(e) => {
        // A click on the backdrop lands on the <dialog> itself; inside, it lands on its children.
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div class="panel-header">
        <h2 id={TITLE_ID} class="panel-title">
          {strings.chatTitle}
        </h2>
        <button type="button" class="btn quiet" onClick={onReset}>
          {strings.newChat}
        </button>
        <button type="button" class="btn icon-btn" aria-label={strings.close} title={strings.close} onClick={onClose}>
          <CloseIcon />
        </button>
        <p id={AI_NOTE_ID} class="ai-note">
          <span class="tag tag-ai" aria-hidden="true">
            KI
          </span>
          {strings.aiNote}
        </p>
      </div>
      {children}
    </dialog>
  );
}
