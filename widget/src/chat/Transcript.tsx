import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ChatStrings } from './i18n';

interface Props {
  strings: ChatStrings;
  /** Changes whenever the content grows (to follow it while the reader is at the bottom). */
  contentKey: unknown;
  children: ComponentChildren;
}

/**
 * The conversation. Deliberately not a live region and no role=log: streamed tokens would be
 * read out piecemeal (A11); progress is announced by the light-DOM status region. Focusable,
 * so keyboard users can scroll it.
 */
export function Transcript({ strings, contentKey, children }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);

  // Follow new content only while the reader is at the bottom; someone who scrolled up to
  // re-read must not be pulled down by each streamed word. Focus never moves (A12).
  useLayoutEffect(() => {
    const el = box.current;
    if (el && stickToBottom.current) el.scrollTop = el.scrollHeight;
  }, [contentKey]);

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
      {children}
    </div>
  );
}
