import { analyzeTerms, createHashedNgramEmbedder, passageUrl } from '@auskunft/core';
import type { Retriever } from '../retrieve/retrieve.js';
import type { FeedbackRecord, QueryRecord } from '../store/store.js';

export type MissReason = 'no_answer' | 'no_results' | 'negative_feedback';

export interface UnansweredGroup {
  /** The question asked most often in the group (ties: the first). */
  representative: string;
  count: number;
  reasons: Record<MissReason, number>;
  /** Up to five different wordings, most frequent first. */
  examples: string[];
  firstSeen: string;
  lastSeen: string;
  /** The passage that came closest, so editors see what exists and what is missing. */
  nearMiss: { title: string; section: string | null; url: string; coverage: number } | null;
}

export interface UnansweredOptions {
  /** Similarity (0..1) above which two questions count as the same topic. */
  threshold?: number;
  limit?: number;
}

interface Miss {
  question: string;
  at: string;
  reason: MissReason;
}

/**
 * Two wordings belong to one topic when their hashed embeddings or their analysed words are at
 * least this similar; topics are the connected groups (single linkage), so "Museum Ostermontag"
 * and "Industriemuseum an Feiertagen" meet through "Museum Öffnungszeiten an Feiertagen".
 * Chosen on the seeded report test: paraphrases score 0.3–0.85, different topics below 0.15.
 */
const DEFAULT_THRESHOLD = 0.3;

/**
 * Groups the questions citizens did not get a confident answer to (declined chats, searches
 * without results, answers rated unhelpful) into topics, most frequent first, each with the
 * closest passage. Paraphrases meet through shared analysed words or through the offline
 * hashed embedding (word parts, inflections, typos); it needs no model and runs anywhere.
 * Cost grows with the square of distinct wordings, which is fine for a retention window's worth.
 */
export async function reportUnanswered(
  queries: readonly QueryRecord[],
  feedback: readonly FeedbackRecord[],
  retriever: Retriever,
  options: UnansweredOptions = {},
): Promise<UnansweredGroup[]> {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const misses: Miss[] = [
    ...queries.filter((q) => q.kind === 'chat' && q.confident === false).map((q) => ({ question: q.query, at: q.at, reason: 'no_answer' as const })),
    ...queries.filter((q) => q.kind === 'search' && q.results === 0).map((q) => ({ question: q.query, at: q.at, reason: 'no_results' as const })),
    ...feedback.filter((f) => f.rating === 'down').map((f) => ({ question: f.question, at: f.at, reason: 'negative_feedback' as const })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  if (misses.length === 0) return [];

  // Identical wordings are one node; similarity is computed between distinct wordings only.
  const wordings = [...new Set(misses.map((m) => m.question))];
  const wordingIndex = new Map(wordings.map((w, i) => [w, i]));
  const embedder = createHashedNgramEmbedder();
  const vectors = await embedder.embed(wordings, 'query');
  const termSets = wordings.map((w) => new Set(analyzeTerms(w)));
  const parent = wordings.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < wordings.length; i++) {
    for (let j = i + 1; j < wordings.length; j++) {
      const similarity = Math.max(dot(vectors[i]!, vectors[j]!), jaccard(termSets[i]!, termSets[j]!));
      if (similarity >= threshold) parent[find(j)] = find(i);
    }
  }
  const byRoot = new Map<number, number[]>();
  misses.forEach((m, i) => {
    const root = find(wordingIndex.get(m.question)!);
    byRoot.set(root, [...(byRoot.get(root) ?? []), i]);
  });
  const clusters = [...byRoot.values()].map((members) => ({ members }));

  const groups = await Promise.all(
    clusters.map(async ({ members }): Promise<UnansweredGroup> => {
      const wordings = new Map<string, number>();
      const reasons: Record<MissReason, number> = { no_answer: 0, no_results: 0, negative_feedback: 0 };
      for (const i of members) {
        const m = misses[i]!;
        wordings.set(m.question, (wordings.get(m.question) ?? 0) + 1);
        reasons[m.reason]++;
      }
      const examples = [...wordings].sort((a, b) => b[1] - a[1]).map(([q]) => q);
      const representative = examples[0]!;
      const top = (await retriever.retrieve(representative, 1)).passages[0];
      return {
        representative,
        count: members.length,
        reasons,
        examples: examples.slice(0, 5),
        firstSeen: misses[members[0]!]!.at,
        lastSeen: misses[members[members.length - 1]!]!.at,
        nearMiss: top ? { title: top.passage.title, section: top.passage.section, url: passageUrl(top.passage), coverage: top.coverage } : null,
      };
    }),
  );
  return groups.sort((a, b) => b.count - a.count || b.lastSeen.localeCompare(a.lastSeen)).slice(0, options.limit ?? 100);
}

/** Vectors from the embedder are unit length, so the dot product is the cosine. */
function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  const union = a.size + b.size - shared;
  return union ? shared / union : 0;
}

/**
 * RFC 4180 CSV with a header row; every field quoted, so commas and line breaks survive Excel.
 * Citizens' text that starts like a formula gets a leading apostrophe (OWASP "CSV injection").
 */
export function unansweredCsv(groups: readonly UnansweredGroup[]): string {
  const rows = [
    ['count', 'question', 'other_wordings', 'no_answer', 'no_results', 'negative_feedback', 'first_seen', 'last_seen', 'near_miss_title', 'near_miss_url', 'near_miss_coverage'],
    ...groups.map((g) => [
      String(g.count), g.representative, g.examples.slice(1).join(' | '), String(g.reasons.no_answer), String(g.reasons.no_results), String(g.reasons.negative_feedback),
      g.firstSeen, g.lastSeen, g.nearMiss?.title ?? '', g.nearMiss?.url ?? '', g.nearMiss ? g.nearMiss.coverage.toFixed(2) : '',
    ]),
  ];
  const field = (f: string) => `"${(/^[=+\-@\t\r]/.test(f) ? `'${f}` : f).replace(/"/g, '""')}"`;
  return `${rows.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}
