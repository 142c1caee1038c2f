import { createHashedNgramEmbedder, mergeSynonyms, bundledSynonyms, parseSynonyms } from '@auskunft/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRetriever, groupByPage, makeSnippet, type Retriever, type RetrieverOptions } from '../src/index.js';
import { loadIndexFromDisk } from '../src/node/load-index.js';
import { loadHnswlibSearch } from '../src/vectors/hnswlib.js';
import { buildDemoIndex } from './demo-index.js';

let demo: Awaited<ReturnType<typeof buildDemoIndex>>;
let options: RetrieverOptions;
let retriever: Retriever;

beforeAll(async () => {
  demo = await buildDemoIndex();
  const index = await loadIndexFromDisk(demo.outDir);
  const vectors = await loadHnswlibSearch(index.vectorsPath, index.manifest.embedder.dimension, 100);
  options = { passages: index.passages, lexical: index.lexical, vectors, embedder: createHashedNgramEmbedder(), minVectorSimilarity: 0.3, vectorWeight: 0.5 };
  retriever = createRetriever(options);
});

afterAll(() => demo.close());

const path = (url: string) => new URL(url).pathname;
const pages = async (query: string, r: Retriever = retriever) => groupByPage((await r.retrieve(query, 40)).passages).map((p) => path(p.url));

describe('German questions in the words citizens use', () => {
  it('finds Kraftfahrzeughilfe for the car conversion asked colloquially', async () => {
    expect((await pages('Wer zahlt den Umbau von meinem Auto?'))[0]).toBe('/inklusionsamt/kraftfahrzeughilfe/');
  });

  it('finds the replacement page for a lost Schwerbehindertenausweis', async () => {
    // The FAQ entry "Ich habe meinen Ausweis verloren" may come first; both answer it.
    expect((await pages('Schwerbehindertenausweis verloren')).slice(0, 2)).toContain('/inklusionsamt/schwerbehindertenausweis/verlust-und-verlaengerung/');
  });

  it('survives typos and missing capitals', async () => {
    expect((await pages('kündigungsschutz schwerbehindet')).slice(0, 2)).toContain('/inklusionsamt/kuendigungsschutz/');
    expect((await pages('kraftfarzeughilfe'))[0]).toBe('/inklusionsamt/kraftfahrzeughilfe/');
  });

  it('matches a compound part and a synonym the page does not use', async () => {
    const { groups } = await retriever.retrieve('Ausweis PKW');
    const kinds = Object.fromEntries(groups.flatMap((g) => g.alternatives.map((a) => [a.term, a.kind])));
    expect(kinds).toMatchObject({ ausweis: 'exact', ersatzausweis: 'compound', parkausweis: 'compound', kraftfahrzeug: 'synonym', auto: 'synonym' });
  });
});

describe('ranking rules', () => {
  it('puts an exact title match first, even for a short generic title', async () => {
    const { passages } = await retriever.retrieve('Budget für Arbeit');
    expect(path(passages[0]!.passage.url)).toBe('/inklusionsamt/budget-fuer-arbeit/');
    expect(passages[0]!.exactMatch).toBe('title');
  });

  it('lifts the curated FAQ entry that asks the same question', async () => {
    const { passages } = await retriever.retrieve('Gilt der Kündigungsschutz auch in der Probezeit?');
    expect(passages[0]!.passage).toMatchObject({ kind: 'faq', section: 'Gilt der Kündigungsschutz auch in der Probezeit?' });
    expect(passages[0]!.faqMatch).toBeGreaterThan(0.9);
  });

  it('requires quoted phrases word for word', async () => {
    const loose = await pages('Budget für Ausbildung');
    expect(loose).toContain('/inklusionsamt/budget-fuer-arbeit/');
    const { passages } = await retriever.retrieve('„Budget für Ausbildung“', 40);
    expect(passages.length).toBeGreaterThan(0);
    for (const p of passages) expect(`${p.passage.title} ${p.passage.section} ${p.passage.text}`).toMatch(/Budget (für|fuer) Ausbildung/i);
  });

  it('declines to cover a question about something the site does not offer', async () => {
    const { passages } = await retriever.retrieve('Wie hoch ist die Hundesteuer?');
    expect(Math.max(...passages.slice(0, 3).map((p) => p.coverage))).toBeLessThan(0.5);
  });
});

describe('filters', () => {
  it('keeps only pages under a URL prefix, as a path or an absolute URL', async () => {
    const byPath = await retriever.retrieve('Öffnungszeiten', 40, { prefix: '/museum/' });
    expect(byPath.passages.length).toBeGreaterThan(0);
    expect(byPath.passages.every((p) => path(p.passage.url).startsWith('/museum/'))).toBe(true);
    const absolute = new URL('/kontakt/', demo.site.url).href;
    const byUrl = await retriever.retrieve('Öffnungszeiten', 40, { prefix: absolute });
    expect(byUrl.passages.map((p) => path(p.passage.url))).toEqual(expect.arrayContaining(['/kontakt/']));
    expect(byUrl.passages.every((p) => p.passage.url.startsWith(absolute))).toBe(true);
  });

  it('filters by language and rejects values that are not prefixes or language tags', async () => {
    expect((await retriever.retrieve('Öffnungszeiten', 40, { lang: 'de-DE' })).passages.length).toBeGreaterThan(0);
    expect((await retriever.retrieve('Öffnungszeiten', 40, { lang: 'en' })).passages).toEqual([]);
    await expect(retriever.retrieve('Öffnungszeiten', 40, { prefix: 'museum' })).rejects.toThrow(/muss ein Pfad mit „\/“ am Anfang/);
    await expect(retriever.retrieve('Öffnungszeiten', 40, { lang: 'deutsch!' })).rejects.toThrow(/muss ein Sprachkürzel wie „de“/);
  });
});

describe('synonyms from the editors', () => {
  it('take effect without a new crawl', async () => {
    expect((await pages('Blindenhund'))[0]).not.toBe('/inklusionsamt/technische-arbeitshilfen/');
    const edited = createRetriever({ ...options, synonyms: mergeSynonyms(bundledSynonyms(), parseSynonyms('Blindenhund => Hilfsmittel')) });
    expect((await pages('Blindenhund', edited))[0]).toBe('/inklusionsamt/technische-arbeitshilfen/');
  });
});

describe('highlights', () => {
  it('marks compounds, synonyms and corrected typos as whole words, never mere look-alikes', async () => {
    const mark = async (query: string, text: string) => {
      const snippet = makeSnippet(text, (await retriever.retrieve(query)).terms);
      return snippet.highlights.map(([s, e]) => snippet.text.slice(s, e));
    };
    expect(await mark('Ausweis verloren', 'Den Schwerbehindertenausweis verloren? Der Ausweis wird ersetzt.')).toEqual(['Schwerbehindertenausweis', 'verloren', 'Ausweis']);
    expect(await mark('PKW Zuschuss', 'Zuschuss zum Kauf eines Autos')).toEqual(['Zuschuss', 'Autos']);
    expect(await mark('kraftfarzeughilfe', 'Die Kraftfahrzeughilfe hilft.')).toEqual(['Kraftfahrzeughilfe']);
    expect(await mark('Kosten', 'Die Kosten trägt das Amt, die Beratung ist kostenlos.')).toEqual(['Kosten']);
  });
});
