/**
 * Scrolls `container` (and nothing else) just enough that `el` is fully visible in it.
 * `scrollIntoView` would scroll every scrollable ancestor: the chat panel (overflow: hidden
 * still makes it one) and, where it can, the host page behind it.
 */
export function reveal(el: HTMLElement, container: HTMLElement, margin = 0): void {
  const a = el.getBoundingClientRect();
  const b = container.getBoundingClientRect();
  if (a.top < b.top + margin) container.scrollTop -= b.top + margin - a.top;
  else if (a.bottom > b.bottom - margin) container.scrollTop += Math.min(a.bottom - b.bottom + margin, a.top - b.top - margin);
}
