import { describe, expect, it } from 'vitest';
import { chunkPage } from '../chunk.js';
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
    expect(page.links).toContainEqual({ href: '/inklusionsamt/', text: 'Inklusionsamt' });
    expect(page.links).toContainEqual({ href: '/wohnungshilfe/', text: 'Wohnungshilfe' });
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
    expect(passages[1]!.text).toBe('Gefördert wird die behinderungsgerechte Zusatzausstattung.\n• Handbediengerät\n• Schwenksitz');
    expect(passages[2]).toMatchObject({ section: 'Umbau des Fahrzeugs › Antrag', anchor: ':~:text=Antrag', text: 'Stellen Sie den Antrag vor dem Kauf.' });
  });

  it('turns JSON-LD questions into FAQ passages without duplicating the visible copy', () => {
    const passages = chunkPage(page.blocks, page.faqs, { maxChars: 1200 });
    const faq = passages.filter((p) => p.section === 'Wer zahlt den Umbau meines Autos?');
    expect(faq).toEqual([
      { kind: 'faq', origin: 'faq-markup', section: 'Wer zahlt den Umbau meines Autos?', anchor: ':~:text=Wer%20zahlt%20den%20Umbau%20meines%20Autos%3F', text: 'Die Kraftfahrzeughilfe übernimmt behinderungsbedingte Umbauten.' },
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

describe('extractPage: FAQ markup, dates, language and selectors', () => {
  it('reads schema.org microdata Questions as FAQ entries', () => {
    const page = extractPage(`<html lang="de"><body><main><h1>Häufige Fragen</h1>
<div itemscope itemtype="https://schema.org/FAQPage">
  <div itemscope itemprop="mainEntity" itemtype="https://schema.org/Question" id="frage-gleichstellung">
    <h3 itemprop="name">Was ist eine Gleichstellung?</h3>
    <div itemscope itemprop="acceptedAnswer" itemtype="https://schema.org/Answer">
      <div itemprop="text"><p>Menschen mit einem GdB von 30 oder 40 können schwerbehinderten Menschen gleichgestellt werden.</p></div>
    </div>
  </div>
</div></main></body></html>`, 'https://amt.example/faq/');
    expect(page.blocks.filter((b) => b.kind === 'faq')).toEqual([
      { kind: 'faq', question: 'Was ist eine Gleichstellung?', answer: 'Menschen mit einem GdB von 30 oder 40 können schwerbehinderten Menschen gleichgestellt werden.', id: 'frage-gleichstellung' },
    ]);
  });

  it('reads a <dl> of questions as FAQ entries but leaves a glossary as text', () => {
    const faq = extractPage(`<main><h1>FAQ</h1><dl>
<dt id="kosten">Was kostet der Ausweis?</dt><dd>Nichts, die Ausstellung ist kostenlos.</dd>
<div><dt>Wie lange dauert es?</dt><dd>Etwa drei Monate.</dd><dd>Bei Verlust zwei bis drei Wochen.</dd></div>
</dl></main>`, 'https://amt.example/');
    expect(faq.blocks.filter((b) => b.kind === 'faq')).toEqual([
      { kind: 'faq', question: 'Was kostet der Ausweis?', answer: 'Nichts, die Ausstellung ist kostenlos.', id: 'kosten' },
      { kind: 'faq', question: 'Wie lange dauert es?', answer: 'Etwa drei Monate.\nBei Verlust zwei bis drei Wochen.', id: null },
    ]);
    const glossary = extractPage('<main><h1>Glossar</h1><dl><dt>GdB</dt><dd>Grad der Behinderung, in Zehnerschritten von 20 bis 100.</dd></dl></main>', 'https://amt.example/');
    expect(glossary.blocks.some((b) => b.kind === 'faq')).toBe(false);
    expect(glossary.blocks.map((b) => ('text' in b ? b.text : '')).join(' ')).toContain('Grad der Behinderung');
  });

  it('finds the date a page was last changed: meta tags first, then "Stand:"', () => {
    const meta = extractPage('<html><head><meta name="dcterms.modified" content="2026-03-04T09:00:00+01:00"></head><body><main><p>Stand: 01.01.2020</p></main></body></html>', 'https://amt.example/');
    expect(meta.modified).toBe('2026-03-04');
    const visible = extractPage('<main><h1>Wohnungshilfe</h1><p>Zuschüsse für den Umbau der Wohnung gibt es beim Inklusionsamt.</p><p class="stand">Stand: 5.3.2026</p></main>', 'https://amt.example/');
    expect(visible.modified).toBe('2026-03-05');
  });

  it('takes the language from <html lang>, else Content-Language, else the default', () => {
    expect(extractPage('<html lang="de-DE"><body><main><p>Text</p></main></body></html>', 'https://amt.example/').lang).toBe('de-DE');
    expect(extractPage('<html><body><main><p>Text</p></main></body></html>', 'https://amt.example/', { contentLanguage: 'en, de' }).lang).toBe('en');
    expect(extractPage('<html><body><main><p>Text</p></main></body></html>', 'https://amt.example/', { defaultLang: 'de' }).lang).toBe('de');
  });

  it('uses the configured content selector and drops excluded parts', () => {
    const html = `<body><div id="spalte-links"><p>Links: Service, Formulare, Kontakt und weitere Angebote des Amtes.</p></div>
<div id="col2"><h1>Budget für Arbeit</h1><p>Das Budget für Arbeit ist eine Alternative zur Werkstatt für behinderte Menschen.</p>
<div class="kontaktbox">Ihre Ansprechperson: Frau Beispiel</div></div></body>`;
    const page = extractPage(html, 'https://amt.example/', { contentSelector: '#col2', excludeSelectors: ['.kontaktbox'] });
    const text = page.blocks.map((b) => ('text' in b ? b.text : '')).join(' ');
    expect(text).toContain('Alternative zur Werkstatt');
    expect(text).not.toContain('Ansprechperson');
    expect(text).not.toContain('Formulare');
  });
});
