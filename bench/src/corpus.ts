import type { Passage } from '@auskunft/core';
import { createRandom, createZipf, type Random } from './random.js';
import type { SourceMaterial } from './source-material.js';

/** Changing the generator invalidates cached indexes: bump it with every change to this file. */
export const CORPUS_VERSION = 1;
export const CORPUS_SEED = 20_261_125;
const ORIGIN = 'https://www.lv-mittelrhein-ruhr.example';
/** Passages per page (2–8, five on average), so 100,000 passages are about 20,000 pages. */
const PASSAGES_PER_PAGE = [2, 8] as const;
/** Share of words replaced by a word of the general frequency list… */
const WORD_SWAP = 0.2;
/** …and of those (nouns) that become a compound of two such words, as German forms them freely. */
const COMPOUND_SHARE = 0.5;
const FAQ_SHARE = 0.04;
const PLACES = ['Köln', 'Bonn', 'Düsseldorf', 'Duisburg', 'Essen', 'Aachen', 'Mönchengladbach', 'Krefeld', 'Leverkusen', 'Solingen', 'Wuppertal', 'Neuss', 'Kreis Wesel',
  'Kreis Mettmann', 'Rhein-Sieg-Kreis', 'Rhein-Erft-Kreis', 'Kreis Düren', 'Kreis Heinsberg', 'Oberbergischer Kreis', 'Rheinisch-Bergischer Kreis', 'Kreis Euskirchen', 'Kreis Kleve', 'Kreis Viersen', 'Remscheid', 'Mülheim an der Ruhr', 'Oberhausen'];

/**
 * Generates `size` passages of a fictional authority's site from the demo site's sentences,
 * headings and titles: about `size / 5` pages under `ORIGIN`, each with an intro and sections
 * (4 % FAQ entries), every sentence with some words swapped for Zipf-drawn words of general German
 * or compounds of two of them, so the vocabulary keeps growing with the corpus as on a real site
 * (about 117,000 terms at 100,000 passages). Deterministic for a given seed.
 *
 * @example generateCorpus(1000, await loadSourceMaterial()).length // → 1000
 */
export function generateCorpus(size: number, material: SourceMaterial, seed = CORPUS_SEED): Passage[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`corpus size must be a positive integer, got ${size}`);
  const random = createRandom(seed);
  const zipf = createZipf(material.words.length, 1);
  const passages: Passage[] = [];
  for (let page = 0; passages.length < size; page++) {
    const source = random.pick(material.titles);
    const title = random.chance(0.5) ? `${source.title} in ${random.pick(PLACES)}` : `${source.title}: ${capitalise(material.words[zipf(random)]!)}`;
    const url = `${ORIGIN}/${source.area}/${slug(title)}-${page}/`;
    const count = Math.min(size - passages.length, random.between(...PASSAGES_PER_PAGE));
    for (let k = 0; k < count; k++) {
      const faq = k > 0 && random.chance(FAQ_SHARE);
      const section = k === 0 ? null : faq ? vary(random.pick(material.questions), random, material, zipf) : random.pick(material.headings);
      passages.push({
        id: passages.length,
        url,
        anchor: section ? `${slug(section)}-${k}` : null,
        title,
        section,
        text: Array.from({ length: random.between(k === 0 ? 1 : 2, k === 0 ? 3 : 6) }, () => vary(random.pick(material.sentences), random, material, zipf)).join(' '),
        lang: 'de',
        kind: faq ? 'faq' : 'section',
      });
    }
  }
  return passages;
}

/** The sentence with some of its longer words replaced by general German words (capitalisation kept). */
function vary(sentence: string, random: Random, material: SourceMaterial, zipf: (r: Random) => number): string {
  return sentence
    .split(' ')
    .map((word) => {
      if (!/^\p{L}{4,}$/u.test(word) || !random.chance(WORD_SWAP)) return word;
      const swap = material.words[zipf(random)]!;
      if (!/^\p{Lu}/u.test(word)) return swap;
      return random.chance(COMPOUND_SHARE) ? capitalise(swap) + material.words[zipf(random)]! : capitalise(swap);
    })
    .join(' ');
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

/** The generated pages as HTML, one per URL, for peers that index HTML (Pagefind). */
export function corpusHtml(passages: readonly Passage[]): Map<string, string> {
  const pages = new Map<string, Passage[]>();
  for (const passage of passages) {
    const list = pages.get(passage.url);
    if (list) list.push(passage);
    else pages.set(passage.url, [passage]);
  }
  const html = new Map<string, string>();
  for (const [url, list] of pages) {
    const body = list.map((p) => `${p.section ? `<h2 id="${escapeHtml(p.anchor ?? '')}">${escapeHtml(p.section)}</h2>` : ''}<p>${escapeHtml(p.text)}</p>`).join('\n');
    html.set(new URL(url).pathname, `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${escapeHtml(list[0]!.title)}</title></head><body><main><h1>${escapeHtml(list[0]!.title)}</h1>\n${body}</main></body></html>`);
  }
  return html;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
