import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Strings } from '../i18n';
import { CloseIcon } from '../ui/icons';
import { LiveRegion, type Announcement } from '../ui/LiveRegion';
import { Composer } from './Composer';
import type { Turn } from './history';
import { Transcript } from './Transcript';

interface Props {
  strings: Strings;
  apiBase: string;
  turns: Turn[];
  status: Announcement;
  draft: string;
  onDraftChange: (text: string) => void;
  onSend: (text: string) => void;
  onReset: () => void;
  onClose: () => void;
}

const TITLE_ID = 'aw-chat-title';
const NOTICE_ID = 'aw-chat-notice';

/**
 * Non-modal dialog: the host page stays usable while it is open, so focus is
 * not trapped. It is labelled by its visible title and described by the AI
 * and privacy notice, which screen readers read out when focus enters.
 */
export function ChatPanel(props: Props) {
  const { strings, turns, onClose, onReset } = props;
  const input = useRef<HTMLTextAreaElement>(null);

  const focusInput = (): void => {
    const el = input.current;
    if (!el) return;
    el.focus();
    // A question handed over from the search should be continued, not overwritten.
    el.setSelectionRange(el.value.length, el.value.length);
  };

  // Layout effect: focus moves in the same frame the dialog appears.
  useLayoutEffect(focusInput, []);

  return (
    <div
      class="panel"
      role="dialog"
      aria-labelledby={TITLE_ID}
      aria-describedby={NOTICE_ID}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.isComposing) {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div class="panel-header">
        <h2 id={TITLE_ID} class="panel-title">
          {strings.chatTitle}
        </h2>
        <button
          type="button"
          class="btn quiet"
          onClick={() => {
            onReset();
            focusInput();
          }}
        >
          {strings.newChat}
        </button>
        <button type="button" class="icon-btn" aria-label={strings.close} title={strings.close} onClick={onClose}>
          <CloseIcon />
        </button>
      </div>
      <div id={NOTICE_ID} class="notice">
        <p>{strings.disclosure}</p>
        <p>{strings.privacy}</p>
      </div>
      <Transcript strings={strings} apiBase={props.apiBase} turns={turns} />
      <LiveRegion message={props.status} />
      <Composer
        strings={strings}
        inputRef={input}
        value={props.draft}
        onChange={props.onDraftChange}
        onSend={props.onSend}
      />
    </div>
  );
}
