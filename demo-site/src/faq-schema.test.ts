import { describe, expect, it } from 'vitest';
import { extractFaqEntries, renderFaqJsonLd } from './faq-schema.js';

describe('FAQ JSON-LD', () => {
  it('pairs every h3 with the text that follows it', () => {
    const entries = extractFaqEntries(
      '<h2>A</h2><h3 id="q1">Frage <em>eins</em>?</h3><p>Antwort mit <a href="/x/">Link</a>.</p><p>Zweiter Absatz.</p>' +
        '<h3>Frage zwei?</h3><ul><li>Punkt</li></ul></section><h2>Ende</h2><p>kein Teil</p>',
    );
    expect(entries).toEqual([
      { question: 'Frage eins?', answer: 'Antwort mit Link. Zweiter Absatz.' },
      { question: 'Frage zwei?', answer: 'Punkt' },
    ]);
  });

  it('cannot be broken out of the script element', () => {
    const html = renderFaqJsonLd([{ question: 'x', answer: '</script><script>alert(1)</script>' }], 'http://h/', 'n');
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    const json = html.replace(/^[\s\S]*?<script[^>]*>/, '').replace(/<\/script>\s*$/, '');
    expect(JSON.parse(json).mainEntity[0].acceptedAnswer.text).toBe('</script><script>alert(1)</script>');
  });
});
