import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { SiteMap } from './site-pages.js';
import { containsAny, normaliseText } from './text-match.js';

const sitePath = z.string().regex(/^\/[^#\s]*(?:#[A-Za-z][\w-]*)?$/, 'a site path such as /kontakt/ or /kontakt/#anschrift');
const fact = z.array(z.string().min(1)).min(1);

const chatItem = z.object({
  id: z.string().min(1),
  category: z.string().min(1),
  turns: z.array(z.string().min(1)),
  q: z.string().min(1),
  expected: z.array(sitePath).min(1),
  facts: z.array(fact).min(1).max(4),
});
const declineItem = z.object({
  id: z.string().min(1),
  category: z.string().min(1),
  lang: z.enum(['de', 'en']),
  q: z.string().min(1),
  expect: z.enum(['decline', 'handoff']),
  neutral: z.boolean().optional(),
  markers: z.array(z.string().min(1)).optional(),
  turns: z.array(z.string().min(1)).optional(),
});
const searchItem = z.object({
  id: z.string().min(1),
  category: z.string().min(1),
  q: z.string().min(1),
  expected: z.array(sitePath).min(1),
  section: sitePath.optional(),
});
const fileOf = <T extends z.ZodType>(item: T) => z.object({ about: z.string().min(1), licence: z.string().min(1), categories: z.record(z.string(), z.string()), items: z.array(item).min(1) });

export type ChatItem = z.infer<typeof chatItem>;
export type DeclineItem = z.infer<typeof declineItem>;
export type SearchItem = z.infer<typeof searchItem>;

export const DATA_DIR = new URL('../data/', import.meta.url);
export const CHAT_FILE = new URL('demo-chat.json', DATA_DIR);
export const DECLINE_FILE = new URL('demo-decline.json', DATA_DIR);
export const SEARCH_FILE = new URL('demo-search-colloquial.json', DATA_DIR);

/**
 * Reads demo-chat.json and checks it against the site: every expected page exists, every anchor
 * is an id on that page, and every fact is on one of the expected pages (one alternative,
 * literally, after normalising), so a label cannot drift away from the site unnoticed.
 */
export async function loadChatItems(site: SiteMap, file: URL | string = CHAT_FILE): Promise<ChatItem[]> {
  const { items } = await parse(file, fileOf(chatItem));
  const problems = commonProblems(items);
  for (const item of items) {
    problems.push(...targetProblems(item.id, item.expected, site));
    const texts = item.expected.map((e) => site.get(e.split('#')[0]!)?.text ?? '');
    for (const alternatives of item.facts) {
      if (!texts.some((t) => containsAny(t, alternatives))) {
        problems.push(`${item.id}: keine der Angaben ${JSON.stringify(alternatives)} steht auf den erwarteten Seiten`);
      }
    }
  }
  return fail(file, problems, items);
}

/** Reads demo-decline.json: only the format and unique ids can be checked, there is no page to expect. */
export async function loadDeclineItems(file: URL | string = DECLINE_FILE): Promise<DeclineItem[]> {
  const { items } = await parse(file, fileOf(declineItem));
  const problems = commonProblems(items);
  for (const item of items) {
    if ((item.category === 'personal-assessment') !== (item.expect === 'handoff')) problems.push(`${item.id}: nur persönliche Einschätzungen erwarten "handoff"`);
    if (item.category === 'political' && item.neutral !== true) problems.push(`${item.id}: politische Fragen brauchen "neutral": true`);
    if (item.category === 'prompt-injection' && !item.markers?.length) problems.push(`${item.id}: Prompt-Injektionen brauchen "markers"`);
  }
  return fail(file, problems, items);
}

/** Reads demo-search-colloquial.json; a section must be a heading or <section> id of an expected page. */
export async function loadSearchItems(site: SiteMap, file: URL | string = SEARCH_FILE): Promise<SearchItem[]> {
  const { items } = await parse(file, fileOf(searchItem));
  const problems = commonProblems(items);
  for (const item of items) {
    problems.push(...targetProblems(item.id, item.expected, site));
    if (item.section) {
      const [path, anchor] = item.section.split('#') as [string, string | undefined];
      if (!anchor) problems.push(`${item.id}: "section" braucht einen Anker (#…)`);
      else if (!site.get(path)?.sectionIds.has(anchor)) problems.push(`${item.id}: ${item.section} ist keine Überschrift und kein <section> mit dieser id`);
      if (!item.expected.includes(path)) problems.push(`${item.id}: die Seite von "section" fehlt in "expected"`);
    }
  }
  return fail(file, problems, items);
}

async function parse<T extends z.ZodType>(file: URL | string, schema: T): Promise<z.infer<T>> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`${String(file)} ist kein lesbares JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw new Error(`${String(file)} hat nicht das erwartete Format:\n${z.prettifyError(result.error)}`);
  return result.data;
}

function commonProblems(items: ReadonlyArray<{ id: string; q: string; turns?: string[] }>): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const conversations = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id)) problems.push(`${item.id}: die id kommt doppelt vor`);
    ids.add(item.id);
    const key = [...(item.turns ?? []), item.q].map(normaliseText).join(' | ');
    if (conversations.has(key)) problems.push(`${item.id}: "${item.q}" kommt mit denselben Vorfragen doppelt vor`);
    conversations.add(key);
  }
  return problems;
}

function targetProblems(id: string, targets: readonly string[], site: SiteMap): string[] {
  const problems: string[] = [];
  for (const target of targets) {
    const [path, anchor] = target.split('#') as [string, string | undefined];
    const page = site.get(path);
    if (!page) problems.push(`${id}: ${path} ist keine öffentliche Seite der Website`);
    else if (anchor && !page.ids.has(anchor)) problems.push(`${id}: ${path} hat keinen Anker #${anchor}`);
  }
  return problems;
}

function fail<T>(file: URL | string, problems: string[], items: T[]): T[] {
  if (problems.length > 0) throw new Error(`${String(file)} hat ${problems.length} Problem(e):\n- ${problems.join('\n- ')}`);
  return items;
}
