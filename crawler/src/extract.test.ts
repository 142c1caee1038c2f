import { describe, expect, it } from 'vitest';
import { chunkPage } from './chunk.js';
import { extractPage } from './extract.js';

const CMS_PAGE = `<!doctype html>
<html lang="de"><head><title>Kraftfahrzeughilfe | Landschaftsverband</title>
<link rel="canonical" href="/inklusionsamt/kraftfahrzeughilfe/">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"FAQPage","mainEntity":[
 {"@type":"Question","name":"Wer zahlt den Umbau meines Autos?","acceptedAnswer":{"@type":"Answer","text":"Die <strong>Kraftfahrzeughilfe</strong> übernimmt behinderungsbedingte Umbauten."}}]}</script>
</head><body>
<a class="skip-link" href="#inhalt">Zum Inhalt springen</a>
<header><p>Landschaftsverband Mittelrhein-Ruhr</p><form><label>Suche <input name="q"></label></form></header>
<nav><ul><li><a href="/">Startseite</a></li><li><a href="/inklusionsamt/">Inklusionsamt</a></li></ul></nav>
<main id="inhalt">
  <nav class="breadcrumb"><a href="/">Start</a> › Kraftfahrzeughilfe</nav>
  <h1>Kraftfahrzeughilfe</h1>
  <p>Menschen mit Behinderung, die zur Arbeit auf ein <a href="/glossar/kfz">Auto</a> angewiesen sind, erhalten Hilfe.</p>
  <h2 id="umbau">Umbau des Fahrzeugs</h2>
  <p>Gefördert wird die behinderungsgerechte Zusatzausstattung.</p>
  <ul><li>Handbediengerät</li><li>Schwenksitz</li></ul>
  <h3>Antrag</h3>
  <p>Stellen Sie den Antrag <em>vor</em> dem Kauf.</p>
  <h2>Wer zahlt den Umbau meines Autos?</h2>
  <p>Die Kraftfahrzeughilfe übernimmt behinderungsbedingte Umbauten.</p>
  <details id="fuehrerschein"><summary>Wird der Führerschein bezahlt?</summary><p>Ja, anteilig je nach Einkommen.</p></details>
  <aside><h2>Das könnte Sie auch interessieren</h2><a href="/wohnungshilfe/">Wohnungshilfe</a></aside>
</main>
<footer><p>Impressum · Datenschutz</p></footer>
<script>trackVisitor()</script>
</body></html>`;

describe('extractPage on a typical CMS template', () => {
  const page = extractPage(CMS_PAGE, 'http://127.0.0.1:9/inklusionsamt/kraftfahrzeughilfe/?utm_source=x');

  it('reads title, language, canonical and all links', () => {
    expect(page.title).toBe('Kraftfahrzeughilfe');
    expect(page.lang).toBe('de');
    expect(page.canonical).toBe('http://127.0.0.1:9/inklusionsamt/kraftfahrzeughilfe/');
    expect(page.links).toContain('/inklusionsamt/');
    expect(page.links).toContain('/wohnungshilfe/');
  });

  it('keeps the main content and drops header, navigation, breadcrumb, aside, footer and scripts', () => {
    const text = page.blocks.map((b) => ('text' in b ? b.text : b.question)).join(' ');
    expect(text).toContain('auf ein Auto angewiesen');
    for (const furniture of ['Zum Inhalt springen', 'Startseite', 'Impressum', 'Das könnte Sie auch interessieren', 'trackVisitor', 'Suche']) {
      expect(text).not.toContain(furniture);
    }
  });

  it('splits passages by headings with ids or text-fragment anchors', () => {
    const passages = chunkPage(page.blocks, page.faqs, { maxChars: 1200 });
    expect(passages[0]).toMatchObject({ section: null, anchor: null, kind: 'section' });
    expect(passages[0]!.text).toContain('Menschen mit Behinderung');
    expect(passages[1]).toMatchObject({ section: 'Umbau des Fahrzeugs', anchor: 'umbau' });
    expect(passages[1]!.text).toBe('Gefördert wird die behinderungsgerechte Zusatzausstattung.\nHandbediengerät\nSchwenksitz');
    expect(passages[2]).toMatchObject({ section: 'Umbau des Fahrzeugs › Antrag', anchor: ':~:text=Antrag', text: 'Stellen Sie den Antrag vor dem Kauf.' });
  });

  it('turns JSON-LD questions into FAQ passages without duplicating the visible copy', () => {
    const passages = chunkPage(page.blocks, page.faqs, { maxChars: 1200 });
    const faq = passages.filter((p) => p.section === 'Wer zahlt den Umbau meines Autos?');
    expect(faq).toEqual([
      { kind: 'faq', section: 'Wer zahlt den Umbau meines Autos?', anchor: ':~:text=Wer%20zahlt%20den%20Umbau%20meines%20Autos%3F', text: 'Die Kraftfahrzeughilfe übernimmt behinderungsbedingte Umbauten.' },
    ]);
    expect(passages.find((p) => p.section === 'Wird der Führerschein bezahlt?')).toMatchObject({ kind: 'faq', anchor: 'fuehrerschein', text: 'Ja, anteilig je nach Einkommen.' });
  });

  it('splits long sections at paragraph and sentence boundaries', () => {
    const long = Array.from({ length: 30 }, (_, i) => `<p>Satz Nummer ${i + 1} erklärt die Regeln zur Arbeitsassistenz ausführlich.</p>`).join('');
    const { blocks, faqs } = extractPage(`<main><h1>T</h1><h2>Lang</h2>${long}</main>`, 'http://127.0.0.1/');
    const passages = chunkPage(blocks, faqs, { maxChars: 300 });
    expect(passages.length).toBeGreaterThan(5);
    for (const p of passages) expect(p.text.length).toBeLessThanOrEqual(300);
    expect(passages.every((p) => p.section === 'Lang')).toBe(true);
  });

  it('survives malformed HTML', () => {
    const broken = extractPage('<html><body><main><h1>Budget für Arbeit<p>Unclosed <b>bold <h2>Zweiter Teil</h2><p>Text ohne Ende', 'http://127.0.0.1/');
    const passages = chunkPage(broken.blocks, broken.faqs, { maxChars: 1200 });
    expect(passages.map((p) => p.text).join(' ')).toContain('Text ohne Ende');
  });

  it('honours robots meta directives', () => {
    const page = extractPage('<html><head><meta name="robots" content="noindex, nofollow"></head><body><main><p>Intern</p></main></body></html>', 'http://127.0.0.1/');
    expect(page).toMatchObject({ noindex: true, nofollow: true });
  });
});
