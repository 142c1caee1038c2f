import { describe, expect, it } from 'vitest';
import { boundHtml, MAX_NESTING } from './bound-html.js';

describe('boundHtml', () => {
  it('returns an ordinary page unchanged with its depth and element count', () => {
    const html = '<html><body><ul><li>Antrag<li>Nachweise</ul><p>Text<p>Mehr<br><img src="a.png"></body></html>';
    expect(boundHtml(html)).toEqual({ html, depth: 4, elements: 9, flattened: false });
  });

  it('counts a stray end tag as nothing, so it cannot unwind the nesting', () => {
    const html = `<div>${'</span>'.repeat(1000)}${'<div>'.repeat(MAX_NESTING - 1)}Text`;
    expect(boundHtml(html)).toMatchObject({ depth: MAX_NESTING, flattened: false });
  });

  it('flattens tags below the nesting cap, keeps their text and drops scripts down there', () => {
    const levels = MAX_NESTING + 50;
    const html = `${'<div class="x">'.repeat(levels)}<p>Antrag &amp; Nachweise</p><script>var geheim = 1;</script>${'</div>'.repeat(levels)}`;
    const bounded = boundHtml(html);
    if (!('html' in bounded)) throw new Error('refused');
    expect(bounded).toMatchObject({ depth: levels + 1, flattened: true });
    expect(bounded.html.match(/<div/g)).toHaveLength(MAX_NESTING);
    expect(bounded.html).toContain('Antrag &amp; Nachweise');
    expect(bounded.html).not.toContain('geheim');
  });

  it('ignores tags inside scripts and comments', () => {
    const html = `<p>Text</p><script>document.write("${'<div>'.repeat(MAX_NESTING * 2)}")</script><!-- ${'<div>'.repeat(MAX_NESTING * 2)} -->`;
    expect(boundHtml(html)).toMatchObject({ depth: 1, elements: 2, flattened: false });
  });
});
