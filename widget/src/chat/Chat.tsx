import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Api } from '../api';
import type { Strings } from '../i18n';
import { ChatIcon } from '../ui/icons';
import { ChatPanel } from './ChatPanel';
import { useChat } from './useChat';

interface Props {
  api: Api;
  apiBase: string;
  strings: Strings;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  draft: string;
  onDraftChange: (text: string) => void;
}

/**
 * Launcher button plus the chat panel. The conversation state lives here,
 * outside the panel, so closing and reopening the panel keeps the transcript.
 */
export function Chat({ api, apiBase, strings, open, onOpenChange, draft, onDraftChange }: Props) {
  const chat = useChat(api, strings);
  const launcher = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(open);

  // Return focus to the launcher whenever the panel closes (Escape, close button).
  useLayoutEffect(() => {
    if (wasOpen.current && !open) launcher.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const close = (): void => {
    chat.cancel();
    onOpenChange(false);
  };

  return (
    <>
      <button
        ref={launcher}
        type="button"
        class="launcher"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => (open ? close() : onOpenChange(true))}
      >
        <ChatIcon />
        <span>{strings.launcher}</span>
      </button>
      {open && (
        <ChatPanel
          strings={strings}
          apiBase={apiBase}
          turns={chat.turns}
          status={chat.status}
          draft={draft}
          onDraftChange={onDraftChange}
          onSend={(text) => {
            onDraftChange('');
            void chat.send(text);
          }}
          onReset={chat.reset}
          onClose={close}
        />
      )}
    </>
  );
}
