import { splitHighlights } from '../text/highlight';

/** Snippet text with server-provided highlight ranges wrapped in <mark>, built as DOM nodes (D4). */
export function Snippet({ text, highlights }: { text: string; highlights: Array<[number, number]> }) {
  return (
    <span class="opt-snippet">
      {splitHighlights(text, highlights).map((seg, i) => (seg.mark ? <mark key={i}>{seg.text}</mark> : seg.text))}
    </span>
  );
}
