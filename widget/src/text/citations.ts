import { safeUrl } from './url';

/** A part of an answer: either plain text or a citation marker with a link. */
export type AnswerPart =
  | { kind: 'text'; text: string }
  | { kind: 'cite'; n: number; url: string; title: string; text: string };

export interface CitableSource {
  n: number;
  url: string;
  title: string;
}

const MARKER = /\[(\d{1,3})\]/g;

/**
 * Turns `[n]` markers in a plain-text answer into citation parts that link to the URL of the
 * source numbered `n`.
 *
 * Safety rule (docs/security.md, prompt injection): the only URLs that can ever become links are those from `sources`, and
 * only if they are http(s). Markers that point at no source (e.g. `[0]`, `[7]` with two
 * sources) or at an unsafe URL stay plain text. Nothing else in the answer (Markdown, HTML,
 * bare URLs) is interpreted.
 */
export function linkCitations(answer: string, sources: ReadonlyArray<CitableSource>, base?: string): AnswerPart[] {
  const parts: AnswerPart[] = [];
  let pos = 0;
  const pushText = (text: string): void => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.kind === 'text') last.text += text;
    else parts.push({ kind: 'text', text });
  };

  for (const match of answer.matchAll(MARKER)) {
    const index = match.index;
    const n = Number(match[1]);
    const source = sources.find((s) => s.n === n);
    const url = source ? safeUrl(source.url, base) : null;
    pushText(answer.slice(pos, index));
    if (source && url) parts.push({ kind: 'cite', n, url, title: source.title, text: match[0] });
    else pushText(match[0]);
    pos = index + match[0].length;
  }
  pushText(answer.slice(pos));
  return parts;
}
