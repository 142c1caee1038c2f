/**
 * The element that scrolls the conversation: the transcript, or in short windows (400 % zoom),
 * where the transcript grows and the whole panel scrolls as one (styles/chat.ts), the panel.
 */
export function conversationScroller(el: Element): HTMLElement | null {
  const transcript = el.closest<HTMLElement>('.transcript');
  if (!transcript) return null;
  return getComputedStyle(transcript).overflowY === 'visible' ? transcript.closest<HTMLElement>('.panel') : transcript;
}
