import { splitHighlights } from '../text/highlight';

/** Snippet text with server-provided highlight ranges wrapped in <mark>, built as DOM nodes, never
 * as an HTML string, so page text cannot inject markup (docs/security.md). */
export function Snippet({ text, highlights }: { text: string; highlights: Array<[number, number]> }) {
  return (
    <span class="opt-snippet">
      {splitHighlights(text, highlights).map((seg, i) => (seg.mark ? <mark key={i}>{seg.text}</mark> : seg.text))}
    </span>
  );
}
