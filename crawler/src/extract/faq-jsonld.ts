import { load, type CheerioAPI } from 'cheerio';

export interface FaqEntry {
  question: string;
  answer: string;
  /** The question is not visible in the page's HTML (a JavaScript-rendered FAQ): page text, not a checked answer. */
  unverified?: true;
}

/**
 * Reads schema.org FAQPage data from JSON-LD blocks. Handles the shapes CMSs emit: a single
 * object, an array, or an `@graph`, and `mainEntity` as one Question or a list. Answer text may
 * contain HTML (Google allows a few tags), which cheerio reduces to text.
 * A block that does not parse is ignored: it says nothing about the visible page.
 */
export function extractJsonLdFaqs($: CheerioAPI): FaqEntry[] {
  const entries: FaqEntry[] = [];
  $('script[type="application/ld+json"]').each((_, el) => {
    let data: unknown;
    try {
      data = JSON.parse($(el).text());
    } catch {
      return;
    }
    for (const node of flatten(data)) {
      if (!hasType(node, 'FAQPage')) continue;
      for (const q of flatten(node['mainEntity'])) {
        if (!hasType(q, 'Question')) continue;
        const question = plain(q['name']);
        const accepted = flatten(q['acceptedAnswer'])[0];
        const answer = accepted ? plain(accepted['text']) : '';
        if (question && answer) entries.push({ question, answer });
      }
    }
  });
  return entries;
}

type Node = Record<string, unknown>;

function flatten(value: unknown): Node[] {
  if (Array.isArray(value)) return value.flatMap(flatten);
  if (typeof value !== 'object' || value === null) return [];
  const node = value as Node;
  return Array.isArray(node['@graph']) ? [node, ...flatten(node['@graph'])] : [node];
}

function hasType(node: Node, type: string): boolean {
  const t = node['@type'];
  return t === type || (Array.isArray(t) && t.includes(type));
}

function plain(value: unknown): string {
  if (typeof value !== 'string') return '';
  return load(value, null, false).root().text().replace(/\s+/g, ' ').trim();
}
