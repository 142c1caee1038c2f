import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Strings } from '../i18n';
import { AnswerView } from './AnswerView';
import type { Turn } from './history';

interface Props {
  strings: Strings;
  apiBase: string;
  turns: Turn[];
}

/**
 * The conversation. Deliberately NOT a live region: streamed tokens would be
 * read out piecemeal. Progress is announced by the panel's status region.
 * Focusable so keyboard users can scroll it.
 */
export function Transcript({ strings, apiBase, turns }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);

  // Follow new content only while the reader is at the bottom; someone who
  // scrolled up to re-read must not be yanked down by each streamed token.
  useLayoutEffect(() => {
    const el = box.current;
    if (el && stickToBottom.current) el.scrollTop = el.scrollHeight;
  }, [turns]);

  return (
    <div
      ref={box}
      class="transcript"
      role="region"
      aria-label={strings.transcriptLabel}
      tabIndex={0}
      onScroll={(e) => {
        const el = e.currentTarget;
        stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 32;
      }}
    >
      {turns.length === 0 && <p class="empty">{strings.emptyTranscript}</p>}
      {turns.map((turn) => (
        <div key={turn.id} class="turn">
          <div class="msg msg-user">
            <h3 class="msg-label">{strings.question}</h3>
            <p class="msg-text">{turn.question}</p>
          </div>
          <AnswerView strings={strings} apiBase={apiBase} turn={turn} />
        </div>
      ))}
    </div>
  );
}
