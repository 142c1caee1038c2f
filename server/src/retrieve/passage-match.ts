import { analyzeTerms, containsPhrase, passageFields, type Passage } from '@auskunft/core';
import type { QueryGroup } from './expand-query.js';

/** Analysed terms of the parts of a passage that matching looks at, computed once per passage. */
interface PassageTerms {
  /** The page title's words, with and without a parenthesised abbreviation ("Integrationsfachdienst (IFD)"). */
  title: string[][];
  /** The passage's own heading (last element of the section trail); for FAQ entries the question. */
  heading: string[][];
  /** FAQ entries: the question and each editor-curated alternative phrasing. */
  questions: string[][];
  /** Each searchable field, in order, for phrase matching. */
  fields: string[][];
}

export type ExactMatch = 'title' | 'heading' | null;

/**
 * Query-time checks that need a passage's words in order, not just its postings: exact title or
 * heading matches, FAQ question similarity and quoted phrases. Passages are analysed lazily,
 * only when they are candidates, and kept.
 */
export function createPassageMatcher(passages: readonly Passage[]) {
  const cache = new Map<number, PassageTerms>();
  const termsOf = (id: number): PassageTerms => {
    let terms = cache.get(id);
    if (terms) return terms;
    const passage = passages[id]!;
    const heading = passage.section?.split(' › ').at(-1) ?? '';
    terms = {
      title: variants(passage.title),
      heading: variants(heading),
      questions: passage.kind === 'faq' ? [analyzeTerms(heading), ...(passage.alternatives ?? []).map((a) => analyzeTerms(a))] : [],
      fields: passageFields(passage).map((f) => analyzeTerms(f.text)),
    };
    cache.set(id, terms);
    return terms;
  };

  return {
    /**
     * 'title' when the query's words are exactly the page title's words (any order: "Antrag
     * Schwerbehindertenausweis" = "Schwerbehindertenausweis beantragen"), 'heading' for the
     * passage's own heading or FAQ question.
     */
    exactMatch(queryKey: ReadonlySet<string>, id: number): ExactMatch {
      if (queryKey.size === 0) return null;
      const terms = termsOf(id);
      if (terms.title.some((t) => sameSet(queryKey, t))) return 'title';
      if (terms.heading.some((h) => sameSet(queryKey, h)) || terms.questions.some((q) => sameSet(queryKey, q))) return 'heading';
      return null;
    },
    /**
     * How well the query matches one of a curated FAQ entry's phrasings (0..1): the harmonic mean
     * of the share of query groups the phrasing answers and the share of its words the query
     * asked for, so neither a long question nor a one-word query scores high by accident.
     */
    faqSimilarity(groups: readonly QueryGroup[], id: number): number {
      let best = 0;
      const real = groups.filter((g) => !g.part);
      if (real.length === 0) return 0;
      for (const question of termsOf(id).questions) {
        if (question.length === 0) continue;
        const words = new Set(question);
        let answered = 0;
        const used = new Set<string>();
        for (const group of real) {
          let matched = 0;
          for (const a of group.alternatives) {
            if (words.has(a.term) && a.weight > matched) {
              matched = a.weight;
              used.add(a.term);
            }
          }
          answered += matched;
        }
        const recall = answered / real.length;
        const precision = used.size / words.size;
        if (recall + precision > 0) best = Math.max(best, (2 * recall * precision) / (recall + precision));
      }
      return best;
    },
    /** Whether the passage contains every quoted phrase within one field. */
    containsPhrases(phrases: readonly string[][], id: number): boolean {
      const { fields } = termsOf(id);
      return phrases.every((phrase) => fields.some((field) => containsPhrase(field, phrase)));
    },
  };
}

function variants(text: string): string[][] {
  const plain = text.replace(/\s*\([^)]*\)/g, '');
  return plain === text ? [analyzeTerms(text)] : [analyzeTerms(text), analyzeTerms(plain)];
}

function sameSet(key: ReadonlySet<string>, terms: readonly string[]): boolean {
  const set = new Set(terms);
  if (set.size !== key.size) return false;
  for (const t of set) if (!key.has(t)) return false;
  return true;
}
