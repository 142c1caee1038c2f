import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHashedNgramEmbedder, resolveSettings, type Passage } from '@auskunft/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSettings, crawlSite } from '../src/index.js';
import { page, serveSite, type FixtureSite } from './serve-site.js';

const settings = { ...resolveSettings(crawlSettings), delayMs: 0, pdfs: false };

/** A page as old and new CMS templates render it, with a cookie banner around the content. */
const withBanner = (title: string, content: string) => ({
  body: `<!doctype html><html lang="de"><head><title>${title} | Kreis Beispielhausen</title></head><body class="cookie-banner-open">
<a href="#inhalt" class="sr">Zum Inhalt springen</a>
<div id="cookie-notice"><p>Wir verwenden Cookies, um Ihnen die bestmögliche Nutzung unserer Website zu ermöglichen, und werten anonym Besuche aus.</p><button>Alle akzeptieren</button></div>
<header>Kreis Beispielhausen</header>${content}<footer>Impressum</footer></body></html>`,
});

const jsonLd = (questions: Array<[string, string]>) =>
  `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'FAQPage', mainEntity: questions.map(([name, text]) => ({ '@type': 'Question', name, acceptedAnswer: { '@type': 'Answer', text } })) })}</script>`;

describe('indexing only what a visitor can read', () => {
  let site: FixtureSite;
  let outDir: string;
  let passages: Passage[];
  const on = (path: string) => passages.filter((p) => p.url === `${site.origin}${path}`);
  const textOn = (path: string) => on(path).map((p) => `${p.section ?? ''} ${p.text}`).join('\n');
  const everything = () => passages.map((p) => p.text).join('\n');

  beforeAll(async () => {
    site = await serveSite({
      '/': page('Startseite', '<p>Willkommen beim Kreis Beispielhausen und seinen Angeboten für alle Bürgerinnen und Bürger.</p>', ['/formulare/', '/tabellen-layout/', '/versteckt/', '/faq/']),
      '/formulare/': withBanner('Formulare', `<main id="inhalt"><h1>Formulare</h1><p>Hier finden Sie unsere Anträge.</p><ul>
<li><a href="/formulare/kfz-hilfe.pdf">Antrag auf Kraftfahrzeughilfe (PDF)</a></li>
<li><a href="/formulare/arbeitsassistenz.pdf">Antrag auf Arbeitsassistenz (PDF)</a></li>
<li><a href="/formulare/merkblatt-budget.pdf">Merkblatt Budget für Arbeit (PDF)</a></li></ul></main>`),
      '/tabellen-layout/': withBanner('Sprechzeiten', `<table><tr><td class="links"><a href="/">Start</a></td><td>
<div class="consent-layer"><p>Mit dem Klick auf Zustimmen erlauben Sie die Verarbeitung Ihrer Daten durch Dienste Dritter, etwa für Karten und Videos.</p></div>
<div style="position: fixed; bottom: 0"><p>Diese Website setzt technisch notwendige Speicher ein, weitere nur mit Ihrer Zustimmung, jederzeit widerrufbar.</p></div>
<section aria-label="Datenschutzhinweis"><p>Hinweise zur Verarbeitung personenbezogener Daten erhalten Sie in unserer Erklärung, die jederzeit abrufbar ist.</p></section>
<div role="dialog"><p>Möchten Sie unseren Newsletter abonnieren, damit Sie keine Neuigkeiten aus dem Kreishaus verpassen?</p></div>
<p>Das Sozialamt ist montags bis freitags von 8 bis 12 Uhr geöffnet, donnerstags zusätzlich von 14 bis 18 Uhr.</p></td></tr></table>`),
      '/versteckt/': page('Wohngeld', `<p>Wohngeld beantragen Sie schriftlich bei der Wohngeldstelle.</p>
<p style="display:none">Verstecktes Stichwort Mietzuschussgeheimnis.</p>
<p>Sichtbar <span style="visibility: hidden">Unsichtbarwort</span> bleibt der Rest.</p>
<p style="font-size:0">Nullschriftwort</p>
<div style="position:absolute; left:-9999px">Weitwegwort für Suchmaschinen</div>
<p hidden>Versteckattributwort</p>
<p aria-hidden="true">Ariaversteckwort</p>
<template><p>Vorlagenwort</p></template>
<noscript><p>Bitte aktivieren Sie Javascriptwort.</p></noscript>
<h2>Welche Unterlagen brauche ich?</h2><button aria-controls="unterlagen" aria-expanded="false">Öffnen</button>
<div id="unterlagen" hidden><p>Mietvertrag, Einkommensnachweise und Personalausweis.</p></div>`),
      '/faq/': page('Häufige Fragen zum Wohngeld', `<h2>Wer bekommt Wohngeld?</h2><p>Mieterinnen und Mieter mit geringem Einkommen.</p>
<div style="display:none"><h2>Gibt es Wohngeld rückwirkend?</h2><p>Ja, immer drei Jahre rückwirkend.</p>
<div itemscope itemtype="https://schema.org/Question"><span itemprop="name">Zahlt das Amt auch die Heizkosten?</span><div itemprop="acceptedAnswer"><span itemprop="text">Ja, vollständig.</span></div></div></div>
<details id="dauer"><summary>Wie lange dauert die Bearbeitung?</summary><p>Etwa sechs Wochen.</p></details>
<div id="faq-app"></div>`, [], jsonLd([
        ['Wer bekommt Wohngeld?', 'Mieterinnen und Mieter mit geringem Einkommen.'],
        ['Gibt es Wohngeld rückwirkend?', 'Ja, immer drei Jahre rückwirkend.'],
        ['Muss ich Wohngeld zurückzahlen?', 'Nur wenn sich Ihr Einkommen nachträglich erhöht hat.'],
      ])),
    });
    outDir = await mkdtemp(join(tmpdir(), 'auskunft-visible-'));
    const report = await crawlSite({ startUrls: [site.url], outDir, embedder: createHashedNgramEmbedder({ dimension: 32 }), settings });
    passages = JSON.parse(await readFile(join(report.indexDir, 'passages.json'), 'utf8'));
  });

  afterAll(async () => {
    await site.close();
    await rm(outDir, { recursive: true, force: true });
  });

  it('indexes an overview page made of links as that page’s content', () => {
    expect(textOn('/formulare/')).toContain('Antrag auf Kraftfahrzeughilfe (PDF)');
    expect(textOn('/formulare/')).toContain('Merkblatt Budget für Arbeit (PDF)');
  });

  it('never indexes cookie notices, consent layers, fixed banners, dialogs or skip links', () => {
    expect(textOn('/tabellen-layout/')).toContain('Das Sozialamt ist montags bis freitags');
    for (const furniture of ['Cookies', 'Zustimmen', 'Zustimmung', 'personenbezogener', 'Newsletter', 'Zum Inhalt springen', 'Alle akzeptieren']) {
      expect(everything()).not.toContain(furniture);
    }
  });

  it('leaves out text hidden by inline styles, hidden, aria-hidden, <template> and <noscript>', () => {
    expect(textOn('/versteckt/')).toContain('Wohngeld beantragen Sie schriftlich');
    expect(textOn('/versteckt/')).toContain('Sichtbar bleibt der Rest.');
    for (const word of ['Mietzuschussgeheimnis', 'Unsichtbarwort', 'Nullschriftwort', 'Weitwegwort', 'Versteckattributwort', 'Ariaversteckwort', 'Vorlagenwort', 'Javascriptwort']) {
      expect(everything()).not.toContain(word);
    }
  });

  it('keeps a collapsed accordion panel that a button on the page opens', () => {
    expect(on('/versteckt/').find((p) => p.section === 'Welche Unterlagen brauche ich?')?.text).toBe('Mietvertrag, Einkommensnachweise und Personalausweis.');
  });

  it('keeps structured FAQ data whose question is visible, as page markup rather than an editors’ answer', () => {
    expect(on('/faq/').filter((p) => p.section === 'Wer bekommt Wohngeld?')).toEqual([expect.objectContaining({ kind: 'faq', origin: 'faq-markup' })]);
    expect(on('/faq/').find((p) => p.section === 'Wie lange dauert die Bearbeitung?')).toMatchObject({ kind: 'faq', origin: 'faq-markup', anchor: 'dauer' });
  });

  it('drops FAQ data and microdata whose questions are only in hidden text', () => {
    expect(textOn('/faq/')).not.toContain('rückwirkend');
    expect(textOn('/faq/')).not.toContain('Heizkosten');
  });

  it('marks FAQ data rendered by JavaScript as unverified page text, never as a FAQ answer', () => {
    expect(on('/faq/').find((p) => p.section === 'Muss ich Wohngeld zurückzahlen?')).toMatchObject({
      kind: 'section', origin: 'faq-markup-unverified', text: 'Nur wenn sich Ihr Einkommen nachträglich erhöht hat.',
    });
  });
});
