import { analyzeTerms, containsPhrase, passageFields, type Passage } from '@auskunft/core';
import type { QueryGroup } from './expand-query.js';

/** Analysed terms of the parts of a passage that matching looks at, each computed on first use. */
interface PassageTerms {
  /** The page title's words, with and without a parenthesised abbreviation ("Integrationsfachdienst (IFD)"). */
  title?: string[][];
  /** The passage's own heading (last element of the section trail); for FAQ entries the question. */
  heading?: string[][];
  /** FAQ entries: the question and each editor-curated alternative phrasing. */
  questions?: string[][];
  /** Each searchable field, in order, for phrase matching. */
  fields?: string[][];
  /** `setKey` of each heading variant and FAQ question, for exact matches. */
  headingKeys?: string[];
}

export type ExactMatch = 'title' | 'heading' | null;

/**
 * Passages whose analysed parts are kept. Candidates repeat across queries (popular pages), but
 * a long-running server must not end up holding the analysis of every passage of a large site.
 */
const CACHED_PASSAGES = 20_000;

/**
 * Query-time checks that need a passage's words in order, not just its postings: exact title or
 * heading matches, FAQ question similarity and quoted phrases. Only the part a check needs is
 * analysed, only for candidates, and kept for the most recently used passages; titles, which
 * every passage of a page shares, are analysed once per page.
 */
export function createPassageMatcher(passages: readonly Passage[]) {
  const cache = new Map<number, PassageTerms>();
  const titles = new Map<string, string[][]>();
  const titleKeys = new Map<string, string[]>();
  // One query checks the same key against every candidate.
  const queryKeys = new WeakMap<ReadonlySet<string>, string>();
  const entry = (id: number): PassageTerms => {
    let terms = cache.get(id);
    if (terms) {
      // Re-inserting moves the entry to the end: the Map's order is then least recently used first.
      cache.delete(id);
    } else {
      terms = {};
      if (cache.size >= CACHED_PASSAGES) cache.delete(cache.keys().next().value!);
    }
    cache.set(id, terms);
    return terms;
  };
  const headingOf = (passage: Passage) => passage.section?.split(' › ').at(-1) ?? '';
  const title = (id: number): string[][] => {
    const passage = passages[id]!;
    let terms = titles.get(passage.title);
    if (!terms) {
      if (titles.size >= CACHED_PASSAGES) titles.delete(titles.keys().next().value!);
      titles.set(passage.title, (terms = variants(passage.title)));
    }
    return terms;
  };
  const heading = (id: number): string[][] => (entry(id).heading ??= variants(headingOf(passages[id]!)));
  const questions = (id: number): string[][] => {
    const passage = passages[id]!;
    if (!isQuestionShaped(passage)) return [];
    return (entry(id).questions ??= [analyzeTerms(headingOf(passage)), ...(passage.alternatives ?? []).map((a) => analyzeTerms(a))]);
  };
  // Exact matches compare sets of words; as sorted strings that is one string comparison per
  // variant instead of building a Set per candidate and query.
  const titleKey = (id: number): string[] => {
    const { title: text } = passages[id]!;
    let keys = titleKeys.get(text);
    if (!keys) {
      if (titleKeys.size >= CACHED_PASSAGES) titleKeys.delete(titleKeys.keys().next().value!);
      titleKeys.set(text, (keys = title(id).map(setKey)));
    }
    return keys;
  };
  const headingKeys = (id: number): string[] => (entry(id).headingKeys ??= [...heading(id), ...questions(id)].map(setKey));
  const fields = (id: number): string[][] => (entry(id).fields ??= passageFields(passages[id]!).map((f) => analyzeTerms(f.text)));

  return {
    /**
     * 'title' when the query's words are exactly the page title's words (any order: "Antrag
     * Schwerbehindertenausweis" = "Schwerbehindertenausweis beantragen"), 'heading' for the
     * passage's own heading or FAQ question.
     */
    exactMatch(queryKey: ReadonlySet<string>, id: number): ExactMatch {
      if (queryKey.size === 0) return null;
      let key = queryKeys.get(queryKey);
      if (key === undefined) queryKeys.set(queryKey, (key = setKey(queryKey)));
      if (titleKey(id).includes(key)) return 'title';
      if (headingKeys(id).includes(key)) return 'heading';
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
      for (const question of questions(id)) {
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
      const analysed = fields(id);
      return phrases.every((phrase) => analysed.some((field) => containsPhrase(field, phrase)));
    },
  };
}

/**
 * FAQ entries, and sections whose heading is a question ("Wie beantrage ich den Ausweis?"): pages
 * answer in that form without FAQ markup, and the heading is then matched against the user's
 * question as a whole, like an FAQ question.
 */
export function isQuestionShaped(passage: Pick<Passage, 'kind' | 'section'>): boolean {
  return passage.kind === 'faq' || (passage.section?.trimEnd().endsWith('?') ?? false);
}

function variants(text: string): string[][] {
  const plain = text.replace(/\s*\([^)]*\)/g, '');
  return plain === text ? [analyzeTerms(text)] : [analyzeTerms(text), analyzeTerms(plain)];
}

/** The distinct words, sorted and joined: two texts have the same set of words if their keys are equal (terms hold no spaces). */
function setKey(terms: Iterable<string>): string {
  return [...new Set(terms)].sort().join(' ');
}
