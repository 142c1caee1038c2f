import { THESAURUS_DE } from './thesaurus-de.generated.js';

/**
 * A thesaurus: for a term, its senses, each the other terms of one synonym set. Kept apart from
 * `SynonymTable` because its sets are broader and come in senses ("Bank" to sit on, "Bank" for
 * money): the query side chooses the senses that fit the site and weighs them below an editor's
 * synonym.
 */
export interface Thesaurus {
  /** The synonym sets containing `term`, each without the term itself (analysed index terms). */
  senses(term: string): ReadonlyArray<readonly string[]>;
  /** Number of sets, for start-up logs. */
  readonly size: number;
}

/** Builds a thesaurus from lines of `;`-separated analysed terms (the generated file's format). */
export function parseThesaurus(text: string): Thesaurus {
  const sets = text.split('\n').filter(Boolean).map((line) => line.split(';'));
  const byTerm = new Map<string, number[]>();
  sets.forEach((set, i) => {
    for (const term of set) {
      const list = byTerm.get(term);
      if (list) list.push(i);
      else byTerm.set(term, [i]);
    }
  });
  return {
    senses: (term) => (byTerm.get(term) ?? []).map((i) => sets[i]!.filter((t) => t !== term)),
    size: sets.length,
  };
}

let bundled: Thesaurus | undefined;

/**
 * The German thesaurus that ships with Auskunft, derived from OpenThesaurus (LGPL-2.1, see
 * core/licenses/ and core/scripts/build-thesaurus.mjs). Decoded on first use: about 10 ms.
 */
export function bundledThesaurus(): Thesaurus {
  bundled ??= parseThesaurus(THESAURUS_DE);
  return bundled;
}
