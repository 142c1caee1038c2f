/**
 * WCAG 2.2 2.4.11 (Focus Not Obscured): the fixed launcher must never hide the element that
 * has focus on the host page. When keyboard focus lands on something the launcher covers
 * (typically a link at the bottom of the window after Tab), the page scrolls it clear.
 * Returns the function that removes the listener.
 */
export function keepFocusClearOf(launcher: () => HTMLElement | null, host: HTMLElement): () => void {
  const onFocusIn = (e: FocusEvent): void => {
    const button = launcher();
    const target = e.target;
    if (!button || !(target instanceof Element) || target === host) return;
    const a = target.getBoundingClientRect();
    const b = button.getBoundingClientRect();
    const covered = a.bottom > b.top && a.top < b.bottom && a.right > b.left && a.left < b.right;
    if (covered) window.scrollBy(0, a.bottom - b.top + 8);
  };
  document.addEventListener('focusin', onFocusIn);
  return () => document.removeEventListener('focusin', onFocusIn);
}
