import { splitHighlights } from '../text/highlight';

/** Snippet text with server-provided highlight ranges wrapped in <mark>. */
export function Snippet({ text, highlights }: { text: string; highlights: Array<[number, number]> }) {
  return (
    <p class="snippet">
      {splitHighlights(text, highlights).map((seg, i) => (seg.mark ? <mark key={i}>{seg.text}</mark> : seg.text))}
    </p>
  );
}
