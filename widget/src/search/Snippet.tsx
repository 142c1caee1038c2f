import { splitHighlights } from '../text/highlight';

/** Snippet text with server-provided highlight ranges wrapped in <mark>, built as DOM nodes (D4). */
export function Snippet({ id, text, highlights }: { id: string; text: string; highlights: Array<[number, number]> }) {
  return (
    <span id={id} class="opt-snippet">
      {splitHighlights(text, highlights).map((seg, i) => (seg.mark ? <mark key={i}>{seg.text}</mark> : seg.text))}
    </span>
  );
}
