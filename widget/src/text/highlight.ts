/** A piece of a snippet; `mark` pieces are rendered inside `<mark>`. */
export interface Segment {
  text: string;
  mark: boolean;
}

/**
 * Splits `text` into plain and highlighted segments.
 *
 * Ranges are `[start, end)` offsets in JavaScript string units (UTF-16), as
 * produced by the server. They are treated as untrusted: unsorted,
 * overlapping, reversed or out-of-range input is normalised instead of
 * throwing, and boundaries are never placed inside a surrogate pair (so an
 * emoji is never cut in half). Umlauts in NFC are one unit each; the
 * server and the widget see the same string, so offsets agree.
 */
export function splitHighlights(text: string, ranges: ReadonlyArray<readonly [number, number]>): Segment[] {
  const merged = normaliseRanges(text, ranges);
  const out: Segment[] = [];
  let pos = 0;
  for (const [start, end] of merged) {
    if (start > pos) out.push({ text: text.slice(pos, start), mark: false });
    out.push({ text: text.slice(start, end), mark: true });
    pos = end;
  }
  if (pos < text.length || out.length === 0) out.push({ text: text.slice(pos), mark: false });
  return out;
}

function normaliseRanges(text: string, ranges: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const clean: Array<[number, number]> = [];
  for (const range of Array.isArray(ranges) ? ranges : []) {
    if (!Array.isArray(range)) continue;
    let [a, b] = range;
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    if (a > b) [a, b] = [b, a];
    const start = snapToCodePoint(text, clamp(Math.floor(a), 0, text.length), -1);
    const end = snapToCodePoint(text, clamp(Math.ceil(b), 0, text.length), +1);
    if (end > start) clean.push([start, end]);
  }
  clean.sort((x, y) => x[0] - y[0]);

  // Merge overlapping or touching ranges so the output has no nested <mark>.
  const merged: Array<[number, number]> = [];
  for (const r of clean) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}

/** Moves an offset that falls between a high and a low surrogate outwards. */
function snapToCodePoint(text: string, i: number, direction: -1 | 1): number {
  if (i <= 0 || i >= text.length) return i;
  const prev = text.charCodeAt(i - 1);
  const next = text.charCodeAt(i);
  const splitsPair = prev >= 0xd800 && prev <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
  return splitsPair ? i + (direction < 0 ? -1 : 1) : i;
}
