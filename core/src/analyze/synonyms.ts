import { AuskunftError } from '../errors.js';
import { analyzeTerms } from './analyze.js';
import { BUNDLED_SYNONYMS_DE } from './synonyms-de.js';

/**
 * Query-time synonyms: which other index terms a query term also finds. Applied only when a
 * query is expanded, never at index time, so editors change the list without re-crawling.
 */
export interface SynonymTable {
  /** Terms a single query term also finds (analysed, without the term itself). */
  expand(term: string): readonly string[];
  /** Rules whose left side has several words ("Geld vom Amt"): they apply when all occur in the query. */
  readonly phrases: ReadonlyArray<{ terms: readonly string[]; targets: readonly string[] }>;
  /** Number of distinct left-hand sides, for start-up logs. */
  readonly size: number;
}

/**
 * Parses a synonym list in the Solr/Elasticsearch `synonyms.txt` format that many web teams
 * already know:
 *
 * ```text
 * # comment
 * Auto, PKW, Kfz, Kraftfahrzeug        ← all find each other
 * Chef, Chefin => Arbeitgeber          ← "Chef" also finds "Arbeitgeber", not the other way
 * ```
 *
 * Entries are analysed like queries (case, umlauts, stemming), so "Anträge" and "Antrag" are one
 * entry. A line that cannot be used stops with its file and line number; nothing is skipped
 * silently.
 *
 * @example parseSynonyms('Auto, PKW, Kraftfahrzeug').expand('auto') // → ['pkw', 'kraftfahrzeug']
 */
export function parseSynonyms(text: string, source = 'synonyms'): SynonymTable {
  const single = new Map<string, Set<string>>();
  const phrases: Array<{ terms: string[]; targets: string[] }> = [];
  const add = (from: string[], to: string[][]) => {
    const targets = [...new Set(to.flat())].filter((t) => !from.includes(t));
    if (targets.length === 0) return;
    if (from.length > 1) {
      phrases.push({ terms: from, targets });
      return;
    }
    const set = single.get(from[0]!) ?? new Set<string>();
    for (const t of targets) set.add(t);
    single.set(from[0]!, set);
  };

  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    const where = `${source}:${index + 1}`;
    const sides = line.split('=>');
    if (sides.length > 2) throw invalid(where, `"${raw.trim()}" has more than one "=>". Write one rule per line.`);
    const [left, right] = sides.map((side) => parseEntries(side, where));
    if (right) {
      for (const entry of left!) add(entry, right);
      return;
    }
    if (left!.length < 2) throw invalid(where, `"${raw.trim()}" names only one entry. List equivalent words separated by commas, e.g. "Auto, PKW, Kfz".`);
    for (const entry of left!) add(entry, left!.filter((other) => other !== entry));
  });

  return {
    expand: (term) => [...(single.get(term) ?? [])],
    phrases,
    size: single.size + phrases.length,
  };
}

function parseEntries(side: string, where: string): string[][] {
  const entries = side.split(',').map((e) => e.trim());
  return entries.map((entry) => {
    if (!entry) throw invalid(where, 'has an empty entry (two commas in a row, or a comma at the start or end).');
    const terms = analyzeTerms(entry);
    if (terms.length === 0) throw invalid(where, `"${entry}" consists only of stop words such as "der" or "und" and would never match.`);
    return terms;
  });
}

function invalid(where: string, message: string): AuskunftError {
  return new AuskunftError('CONFIG_INVALID', `Synonym list ${where} ${message}`);
}

/** Combines tables; the result finds whatever any of them finds. */
export function mergeSynonyms(...tables: SynonymTable[]): SynonymTable {
  const expand = (term: string) => [...new Set(tables.flatMap((t) => t.expand(term)))];
  return { expand, phrases: tables.flatMap((t) => t.phrases), size: tables.reduce((n, t) => n + t.size, 0) };
}

let bundled: SynonymTable | undefined;

/** The starter list for German administration vocabulary that ships with Auskunft (synonyms-de.ts). */
export function bundledSynonyms(): SynonymTable {
  bundled ??= parseSynonyms(BUNDLED_SYNONYMS_DE, 'bundled synonyms (core/src/analyze/synonyms-de.ts)');
  return bundled;
}
