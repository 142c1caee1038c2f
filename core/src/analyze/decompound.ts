import { stemWord } from './stem.js';
import { germanWordStems, longestWordStem } from './wordlist.js';

/** Shortest term worth splitting: two parts of at least three and four letters. */
const MIN_COMPOUND_LENGTH = 7;
/**
 * Longest term that is split at all. The longest compounds of German law run to about 70 letters
 * ("Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnung", 67); a longer "word" is
 * a pasted hash, a URL or an attack ("Kraftfahrzeughilfeantrag" 60 times), and splitting it would
 * cost time for nothing. Together with the longest piece below, this caps the pieces tried per
 * term (see `splitCompound`), at index time as at query time.
 */
export const MAX_COMPOUND_LENGTH = 80;
/**
 * Three-letter heads that are real compound parts ("Inklusionsamt", "Personalrat", "Arbeitsweg").
 * Any other part needs four letters: short list entries ("url", "ant", "inn") split far more
 * words wrongly ("Urlaub", "Antwort", "Kolleginnen") than rightly.
 */
const SHORT_PARTS = new Set(['amt', 'rat', 'weg', 'ort', 'bau', 'tag']);
/** Entries that are words of their own but almost never compound parts here. */
const BAD_PARTS = new Set(['rinn', 'bean', 'einar', 'horb', 'erahn']);
/** Fugenelemente between parts: "Kündigung-s-schutz", "Schwerbehindert-en-ausweis". */
const LINKS = ['', 's', 'es', 'n', 'en', 'er', 'e', 'ns'];
const LONGEST_LINK = Math.max(...LINKS.map((l) => l.length));
/** A frequent word (about the 8,000 most frequent) is a word of its own: "Arbeitgeber", "Dienstag". */
const KEEP_WHOLE_BAND = 12;
/** Koehn & Knight: split a known word only when its parts are clearly more frequent than it. */
const SPLIT_MARGIN = 1;
/** "Führ|erschein", "Ford|erhöhe": a part starting with "er" usually took the previous part's ending. */
const ER_PENALTY = 3;
const CACHE_LIMIT = 50_000;
/**
 * Inside a compound a modifier keeps its derivational suffix, which the stemmer removes from the
 * word alone: "Kündigungs|schutz" holds "kündigung", the list (and the index) "kündig".
 */
const DERIVATION = /^(ung|ig|ik|isch|lich|heit|keit|end)$/;
const LONGEST_DERIVATION = 4;

interface Split {
  parts: string[];
  cost: number;
}

const cache = new Map<string, readonly string[]>();
/** Pieces looked up since the process started (see `decompoundWork`). */
let piecesTriedTotal = 0;

/**
 * How much splitting work this process has done: pieces of words looked up in the word list,
 * cumulative. Lets tests and diagnostics check that no input makes splitting expensive, without
 * timing it on a shared machine.
 */
export function decompoundWork(): { piecesTried: number } {
  return { piecesTried: piecesTriedTotal };
}

/**
 * Splits a stemmed term into the stems of its parts, or returns `[term]` when it is not a
 * compound. The parts are looked up in a German word list (see wordlist.ts): the split with the
 * fewest parts wins, ties go to the one made of the more frequent words (Koehn & Knight 2003,
 * "Empirical Methods for Compound Splitting"). Deterministic and free of the index, so index
 * time and query time always agree.
 *
 * @example decompoundTerm('schwerbehindertenausweis') // → ['schwer', 'behindert', 'ausweis']
 */
export function decompoundTerm(term: string): readonly string[] {
  const cached = cache.get(term);
  if (cached) return cached;
  const { parts, piecesTried } = splitCompound(term);
  piecesTriedTotal += piecesTried;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(term, parts);
  return parts;
}

/**
 * `decompoundTerm` without its cache, also telling how many pieces it looked up: at most
 * `MAX_COMPOUND_LENGTH` start positions times the longest piece a part can be (the longest word
 * list stem plus a derivation suffix and a link) times the links, whatever the term. Before this
 * bound a 1,500-letter word took 10–40 s (every piece of every length, each copied), and held up
 * every other request of the process.
 */
export function splitCompound(term: string): { parts: readonly string[]; piecesTried: number } {
  if (term.length < MIN_COMPOUND_LENGTH || term.length > MAX_COMPOUND_LENGTH || !/^[a-z]+$/.test(term)) return { parts: [term], piecesTried: 0 };
  const stems = germanWordStems();
  const wholeBand = stems.get(term);
  if (wholeBand !== undefined && wholeBand <= KEEP_WHOLE_BAND) return { parts: [term], piecesTried: 0 };
  const counter = { piecesTried: 0 };
  const best = bestSplit(term, stems, counter);
  const unsplit = !best || best.parts.length < 2 || (wholeBand !== undefined && best.cost / best.parts.length + SPLIT_MARGIN >= wholeBand);
  return { parts: unsplit ? [term] : best.parts, piecesTried: counter.piecesTried };
}

function bestSplit(term: string, stems: ReadonlyMap<string, number>, counter: { piecesTried: number }): Split | null {
  const usable = (part: string) => (part.length >= 4 || SHORT_PARTS.has(part)) && !BAD_PARTS.has(part) && stems.has(part);
  const partCost = (part: string, first: boolean) => stems.get(part)! + (!first && part.startsWith('er') ? ER_PENALTY : 0);
  // No part is longer than the longest stem of the list (plus what modifierStem strips), so no
  // longer piece can be one: trying them was what made splitting cubic in the term's length.
  const longestPiece = longestWordStem() + LONGEST_DERIVATION + LONGEST_LINK;
  const memo = new Map<number, Split | null>();
  const from = (start: number): Split | null => {
    if (start === term.length) return { parts: [], cost: 0 };
    if (memo.has(start)) return memo.get(start)!;
    let best: Split | null = null;
    const consider = (candidate: Split) => {
      if (!best || candidate.parts.length < best.parts.length || (candidate.parts.length === best.parts.length && candidate.cost < best.cost)) best = candidate;
    };
    const head = term.slice(start);
    if (start > 0 && usable(head)) consider({ parts: [head], cost: partCost(head, false) });
    for (let end = Math.min(term.length - 3, start + longestPiece); end >= start + 3; end--) {
      const piece = term.slice(start, end);
      for (const link of LINKS) {
        if (!piece.endsWith(link)) continue;
        counter.piecesTried++;
        const part = modifierStem(piece.slice(0, piece.length - link.length), usable);
        if (!part) continue;
        const rest = from(end);
        if (rest && rest.parts.length > 0) consider({ parts: [part, ...rest.parts], cost: partCost(part, start === 0) + rest.cost });
      }
    }
    memo.set(start, best);
    return best;
  };
  return from(0);
}

function modifierStem(piece: string, usable: (part: string) => boolean): string | null {
  if (usable(piece)) return piece;
  const stem = stemWord(piece);
  return stem !== piece && piece.startsWith(stem) && DERIVATION.test(piece.slice(stem.length)) && usable(stem) ? stem : null;
}
