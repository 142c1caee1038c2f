import { readFile } from 'node:fs/promises';
import { z } from 'zod';

export const CATEGORIES = ['exact', 'paraphrase', 'colloquial', 'typo', 'compound', 'synonym', 'out-of-scope'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Question {
  q: string;
  category: Category;
  /** Page paths that answer the question; empty for out-of-scope questions. */
  expected: string[];
}

const fileSchema = z.object({
  questions: z.array(
    z.object({
      q: z.string().min(1),
      category: z.enum(CATEGORIES),
      expected: z.array(z.string().startsWith('/')),
    }),
  ),
});

/** The labelled question set that ships with the project (eval/questions.json). */
export const QUESTIONS_FILE = new URL('../questions.json', import.meta.url);

/**
 * Reads and checks a question file: every label must be a page of the site (`knownPaths`), only
 * out-of-scope questions may lack one, and no question may appear twice.
 */
export async function loadQuestions(knownPaths: readonly string[], file: URL | string = QUESTIONS_FILE): Promise<Question[]> {
  const { questions } = fileSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  const known = new Set(knownPaths);
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const item of questions) {
    if (seen.has(item.q)) problems.push(`"${item.q}" appears twice`);
    seen.add(item.q);
    const outOfScope = item.category === 'out-of-scope';
    if (outOfScope !== (item.expected.length === 0)) problems.push(`"${item.q}": ${outOfScope ? 'out-of-scope questions list no page' : 'needs at least one expected page'}`);
    for (const path of item.expected) if (!known.has(path)) problems.push(`"${item.q}": ${path} is not a page of the site`);
  }
  if (problems.length > 0) throw new Error(`${String(file)} has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  return questions;
}
