import { createHashedNgramEmbedder } from '@auskunft/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRetriever, groupByPage, type Retriever } from '../src/index.js';
import { loadIndexFromDisk } from '../src/node/load-index.js';
import { loadHnswlibSearch } from '../src/vectors/hnswlib.js';
import { buildIndexOfPages } from './page-index.js';

// Every page carries the same contact box and a related-links box, as city portals do.
const CONTACT = `<h2>Kontakt</h2><p>Bürgerservice der Stadt, Rathausplatz 1, Telefon 0221 555-0</p><p>Servicezeiten: Montag bis Freitag 8 bis 16 Uhr</p>`;
const related = (...links: string[]) => `<h2>Das könnte Sie auch interessieren</h2><ul>${links.map((l) => `<li><a href="/${l}/">${l}</a></li>`).join('')}</ul>`;

const PAGES: Record<string, string> = {
  '/': `<h1>Bürgerservice</h1><p>Hier finden Sie die Dienstleistungen der Stadtverwaltung.</p>
    <ul><li><a href="/verwarnungsgeld/">Verwarnungsgeld</a></li><li><a href="/elterngeld/">Elterngeld</a></li><li><a href="/arbeitsunfaehigkeit/">Arbeitsunfähigkeit</a></li><li><a href="/entlassung/">Entlassung</a></li><li><a href="/fortbildung/">Fortbildung</a></li></ul>${CONTACT}`,
  '/verwarnungsgeld/': `<h1>Verwarnungsgeld</h1><p>Wer falsch parkt, erhält ein Verwarnungsgeld. Sie zahlen es innerhalb einer Woche an die Bußgeldstelle.</p>
    <h2>Einspruch</h2><p>Sie können gegen das Verwarnungsgeld keinen Einspruch einlegen, aber die Zahlung verweigern.</p>${related('elterngeld', 'entlassung', 'fortbildung')}${CONTACT}`,
  '/elterngeld/': `<h1>Elterngeld</h1><p>Elterngeld ersetzt einen Teil des Einkommens nach der Geburt.</p>
    <h2>Wie beantrage ich das Elterngeld?</h2><p>Den Antrag stellen Sie schriftlich bei der Elterngeldstelle, frühestens nach der Geburt.</p>
    <h2>Partnermonate</h2><p>Nimmt auch der andere Elternteil Elternzeit, gibt es zwei Partnermonate zusätzlich.</p>${related('verwarnungsgeld', 'fortbildung', 'arbeitsunfaehigkeit')}${CONTACT}`,
  '/arbeitsunfaehigkeit/': `<h1>Arbeitsunfähigkeit</h1><p>Die Arbeitsunfähigkeitsbescheinigung bekommen Sie von Ihrer Ärztin. Der Arbeitgeber ruft sie elektronisch bei der Krankenkasse ab.</p>${related('elterngeld', 'entlassung', 'verwarnungsgeld')}${CONTACT}`,
  '/entlassung/': `<h1>Entlassung</h1><p>Vor einer Entlassung muss der Arbeitgeber den Personalrat anhören. Die Entlassung wird schriftlich mitgeteilt.</p>${related('elterngeld', 'fortbildung', 'verwarnungsgeld')}${CONTACT}`,
  '/fortbildung/': `<h1>Fortbildung</h1><p>Unsere Fortbildungen machen Sie kompetent in Verwaltungsrecht und Bürgerkontakt.</p>${related('elterngeld', 'entlassung', 'verwarnungsgeld')}${CONTACT}`,
};

let site: Awaited<ReturnType<typeof buildIndexOfPages>>;
let retriever: Retriever;

beforeAll(async () => {
  site = await buildIndexOfPages(PAGES);
  const index = await loadIndexFromDisk(site.outDir);
  const vectors = await loadHnswlibSearch(index.vectorsPath, index.manifest.embedder.dimension, 100);
  retriever = createRetriever({ passages: index.passages, lexical: index.lexical, vectors, embedder: createHashedNgramEmbedder(), minVectorSimilarity: 0.3, vectorWeight: 0.5 });
}, 60_000);

afterAll(() => site.close());

const path = (url: string) => new URL(url).pathname;
const firstPage = async (query: string) => path(groupByPage((await retriever.retrieve(query, 20)).passages)[0]!.url);

describe('citizens’ words find the page with the official term', () => {
  it('finds the Verwarnungsgeld page for "Knöllchen"', async () => {
    expect(await firstPage('knöllchen bezahlen')).toBe('/verwarnungsgeld/');
  });

  it('finds the Arbeitsunfähigkeitsbescheinigung for "Krankenschein"', async () => {
    expect(await firstPage('wo krieg ich einen krankenschein')).toBe('/arbeitsunfaehigkeit/');
  });

  it('finds the Partnermonate for "Papa-Monate"', async () => {
    expect(await firstPage('Papa-Monate')).toBe('/elterngeld/');
  });

  it('finds the page of a verb’s noun: "gekündigt" → Kündigung, "beantragen" → Antrag', async () => {
    const { groups } = await retriever.retrieve('Elterngeld beantragen');
    expect(groups[1]?.alternatives).toContainEqual(expect.objectContaining({ term: 'antrag', kind: 'derived' }));
  });
});

describe('thesaurus senses chosen by the site', () => {
  it('expands "Kündigung" to the site’s "Entlassung", not to "kompetent" (kündig, “knowing”)', async () => {
    // The site never says "Kündigung"; "Arbeitgeber" stands beside "Entlassung", never beside "kompetent".
    const { groups } = await retriever.retrieve('Kündigung durch den Arbeitgeber');
    const terms = groups[0]!.alternatives.map((a) => a.term);
    expect(terms).toContain('entlass');
    expect(terms).not.toContain('kompetent');
    expect(await firstPage('Kündigung durch den Arbeitgeber')).toBe('/entlassung/');
  });

  it('takes every sense of a lone word the site does not use, as nothing tells them apart', async () => {
    const { groups } = await retriever.retrieve('Kündigung');
    expect(groups[0]!.alternatives.map((a) => a.term)).toEqual(expect.arrayContaining(['entlass', 'kompetent']));
  });
});

describe('site templates never win a section', () => {
  it('shows no contact box and no related-links box in any result', async () => {
    for (const query of ['Bürgerservice Telefon Servicezeiten', 'Elterngeld', 'Verwarnungsgeld Entlassung Fortbildung', 'interessieren']) {
      const { passages } = await retriever.retrieve(query, 20);
      for (const p of passages) expect(['Kontakt', 'Das könnte Sie auch interessieren']).not.toContain(p.passage.section);
    }
  });

  it('links a question to the section whose heading asks it', async () => {
    const { passages } = await retriever.retrieve('Wie beantrage ich Elterngeld?');
    expect(passages[0]!.passage.section).toBe('Wie beantrage ich das Elterngeld?');
    expect(passages[0]!.faqMatch).toBeGreaterThan(0.6);
  });
});
