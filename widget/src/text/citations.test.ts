import { describe, expect, it } from 'vitest';
import { linkCitations, type AnswerPart } from './citations';
import { safeUrl } from './url';

const sources = [
  { n: 1, url: 'https://amt.example/kuendigungsschutz', title: 'Kündigungsschutz' },
  { n: 2, url: 'https://amt.example/praevention#ablauf', title: 'Prävention' },
];

const links = (parts: AnswerPart[]) => parts.filter((p) => p.kind === 'cite');
const text = (parts: AnswerPart[]) => parts.map((p) => p.text).join('');

describe('linkCitations', () => {
  it('links [n] to the source numbered n and keeps the text around it', () => {
    const answer = 'Die Zustimmung des Inklusionsamts ist nötig [1]. Vorher gibt es ein Präventionsverfahren [2].';
    const parts = linkCitations(answer, sources);
    expect(text(parts)).toBe(answer);
    expect(links(parts)).toEqual([
      { kind: 'cite', n: 1, url: sources[0]!.url, title: 'Kündigungsschutz', text: '[1]' },
      { kind: 'cite', n: 2, url: sources[1]!.url, title: 'Prävention', text: '[2]' },
    ]);
  });

  it('does not link markers without a matching source', () => {
    const parts = linkCitations('Siehe [0], [3] und [12].', sources);
    expect(links(parts)).toEqual([]);
    expect(parts).toEqual([{ kind: 'text', text: 'Siehe [0], [3] und [12].' }]);
  });

  it('follows the numbers the server gave, not the list order', () => {
    const parts = linkCitations('Erst [2], dann [1].', [sources[1]!, sources[0]!]);
    expect(links(parts).map((p) => p.kind === 'cite' && p.url)).toEqual([sources[1]!.url, sources[0]!.url]);
  });

  it('handles adjacent and repeated markers', () => {
    const parts = linkCitations('A [1][2] B [1]', sources);
    expect(links(parts).map((p) => p.kind === 'cite' && p.n)).toEqual([1, 2, 1]);
  });

  it('never links anything that is not a source URL', () => {
    const answer = 'Mehr unter https://evil.example oder [hier](https://evil.example) und <a href="x">x</a> [1]';
    const parts = linkCitations(answer, sources);
    const urls = links(parts).map((p) => (p.kind === 'cite' ? p.url : ''));
    expect(urls).toEqual([sources[0]!.url]);
    expect(text(parts)).toBe(answer);
  });

  it('refuses non-http(s) source URLs', () => {
    const bad = [{ n: 1, url: 'javascript:alert(1)', title: 'x' }, { n: 2, url: 'data:text/html,hi', title: 'y' }];
    expect(links(linkCitations('[1] [2]', bad))).toEqual([]);
  });
});

describe('safeUrl', () => {
  it('accepts http(s), resolves relative URLs against the base, rejects the rest', () => {
    expect(safeUrl('https://amt.example/a b')).toBe('https://amt.example/a%20b');
    expect(safeUrl('/seite#abschnitt', 'https://amt.example/api')).toBe('https://amt.example/seite#abschnitt');
    expect(safeUrl('JavaScript:alert(1)')).toBeNull();
    expect(safeUrl('mailto:info@amt.example')).toBeNull();
    expect(safeUrl('')).toBeNull();
    expect(safeUrl(42)).toBeNull();
    expect(safeUrl('relative/without/base')).toBeNull();
  });
});
