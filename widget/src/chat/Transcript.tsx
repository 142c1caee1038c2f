import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ChatStrings } from './i18n';
import { conversationScroller } from './scroller';

interface Props {
  strings: ChatStrings;
  /** Changes whenever the content grows (to follow the newest answer). */
  contentKey: unknown;
  children: ComponentChildren;
}

/**
 * The conversation. Deliberately not a live region and no role=log: streamed tokens would be
 * read out piecemeal (docs/accessibility.md, Answers); progress is announced by the light-DOM status region. Focusable,
 * so keyboard users can scroll it.
 */
export function Transcript({ strings, contentKey, children }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const follow = useRef(true);
  const turnCount = useRef(-1);
  const setByUs = useRef(-1);

  // A new question is followed as its answer grows, but only until the start of that turn
  // reaches the top: the reader then starts at the answer's first line, not at its end (a
  // transcript that sticks to the bottom hid the first lines of every longer answer). Someone
  // who scrolls meanwhile is not moved again until the next question. Focus never moves, so a
  // screen reader is not interrupted (docs/accessibility.md);
  // the finished answer is announced once, by useChat.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const turns = el.querySelectorAll<HTMLElement>('.turn');
    if (turns.length !== turnCount.current) {
      turnCount.current = turns.length;
      follow.current = true;
    }
    const latest = turns[turns.length - 1];
    const scroller = conversationScroller(el);
    if (!follow.current || !latest || !scroller) return;
    const start = scroller.scrollTop + latest.getBoundingClientRect().top - scroller.getBoundingClientRect().top - 8;
    scroller.scrollTop = Math.min(start, scroller.scrollHeight - scroller.clientHeight);
    setByUs.current = scroller.scrollTop;
  }, [contentKey]);

  return (
    <div
      ref={box}
      class="transcript"
      role="region"
      aria-label={strings.transcriptLabel}
      tabIndex={0}
      onScroll={(e) => {
        if (Math.abs(e.currentTarget.scrollTop - setByUs.current) > 2) follow.current = false;
      }}
    >
      {children}
    </div>
  );
}
