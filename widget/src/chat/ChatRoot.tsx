import { useRef, useState } from 'preact/hooks';
import { createSendFeedback } from '../api/feedback';
import { createRequest } from '../api/request';
import { AnswerView } from './AnswerView';
import { ChatDialog } from './ChatDialog';
import { Composer } from './Composer';
import type { ChatRootProps } from './contract';
import { HandoffBar } from './HandoffBar';
import { CHAT_STRINGS } from './i18n';
import { Notice } from './Notice';
import { PanelLinks } from './PanelLinks';
import { Transcript } from './Transcript';
import { useChat } from './useChat';

/**
 * The chat, as widget.js renders it after loading this chunk. It stays mounted while the
 * dialog is closed, so the conversation survives closing and reopening.
 */
export function ChatRoot({ config, announcer, open, draft, onDraftChange, onClose }: ChatRootProps) {
  const strings = CHAT_STRINGS[config.lang];
  const { turns, handoff, send, retry, reset } = useChat(config, strings, announcer);
  const [completeOnly, setCompleteOnly] = useState(config.answers === 'complete');
  const [sendFeedback] = useState(() => createSendFeedback(createRequest(config.api, strings)));
  const input = useRef<HTMLTextAreaElement>(null);

  const focusInput = (): HTMLElement | null => {
    const el = input.current;
    // A question handed over from the search is continued, not overwritten.
    el?.setSelectionRange(el.value.length, el.value.length);
    return el;
  };

  if (!open) return null;
  return (
    <ChatDialog
      strings={strings}
      onClose={onClose}
      onReset={() => {
        reset();
        onDraftChange('');
        focusInput()?.focus();
      }}
      initialFocus={focusInput}
    >
      <Transcript strings={strings} contentKey={turns}>
        <Notice config={config} strings={strings} />
        {turns.length === 0 && <p class="empty">{strings.emptyTranscript}</p>}
        {turns.map((turn) => (
          <div key={turn.id} class="turn">
            <div class="msg msg-user">
              <h3 class="msg-label">{strings.question}</h3>
              <p class="msg-text">{turn.question}</p>
            </div>
            <AnswerView
              strings={strings}
              apiBase={config.api}
              turn={turn}
              completeOnly={completeOnly}
              announcer={announcer}
              sendFeedback={sendFeedback}
              onRetry={() => retry(turn)}
            />
          </div>
        ))}
      </Transcript>
      <HandoffBar handoff={handoff} strings={strings} />
      <Composer
        strings={strings}
        inputRef={input}
        value={draft}
        onChange={onDraftChange}
        onSend={(text) => {
          onDraftChange('');
          void send(text);
        }}
        completeOnly={completeOnly}
        onCompleteOnlyChange={setCompleteOnly}
      />
      <PanelLinks links={config.links} strings={strings} />
    </ChatDialog>
  );
}
