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
  const { turns, handoff, disclosure, send, retry, reset } = useChat(config, strings, announcer);
  // Each answer's labels follow its question's language (de or en); the bar follows the latest.
  const latest = [...turns].reverse().find((t) => t.status === 'done');
  const barLang = latest && latest.lang !== config.lang ? latest.lang : undefined;
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
        <Notice config={config} strings={strings} serverText={disclosure} />
        {turns.length === 0 && <p class="empty">{strings.emptyTranscript}</p>}
        {turns.map((turn) => (
          <div key={turn.id} class="turn" lang={turn.lang !== config.lang ? turn.lang : undefined}>
            <div class="msg msg-user">
              <h3 class="msg-label">{CHAT_STRINGS[turn.lang].question}</h3>
              <p class="msg-text">{turn.question}</p>
            </div>
            <AnswerView
              strings={CHAT_STRINGS[turn.lang]}
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
      <HandoffBar handoff={handoff} strings={CHAT_STRINGS[barLang ?? config.lang]} lang={barLang} apiBase={config.api} />
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
