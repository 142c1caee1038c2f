import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';

export interface MarkupFaq {
  question: string;
  answer: string;
  id: string | null;
}

/** Is this element a schema.org Question in microdata (`itemscope itemtype=".../Question"`)? */
export function isMicrodataQuestion($: CheerioAPI, el: Element): boolean {
  return /(^|\s)https?:\/\/schema\.org\/Question(\s|$)/.test($(el).attr('itemtype') ?? '');
}

/**
 * Reads a microdata Question: `itemprop="name"` is the question, `itemprop="acceptedAnswer"`
 * (its `itemprop="text"`, else all of it) the answer. Properties of nested items are not ours.
 */
export function readMicrodataQuestion($: CheerioAPI, el: Element): MarkupFaq | null {
  const question = collapse(ownProp($, el, 'name').first().text());
  const accepted = ownProp($, el, 'acceptedAnswer').first();
  const textProp = accepted.find('[itemprop="text"]').first();
  const answer = collapse((textProp.length ? textProp : accepted).text());
  return question && answer ? { question, answer, id: $(el).attr('id') ?? null } : null;
}

function ownProp($: CheerioAPI, el: Element, prop: string) {
  return $(el)
    .find(`[itemprop="${prop}"]`)
    .filter((_, found) => $(found).parent().closest('[itemscope]').get(0) === el);
}

/**
 * Reads a `<dl>` used as a FAQ list: terms are questions, descriptions their answers. A list
 * counts as FAQ only when most terms end with "?", so a glossary (`<dt>Budget für Arbeit</dt>`)
 * stays ordinary text. Returns null for any other list.
 */
export function readDefinitionListFaqs($: CheerioAPI, dl: Element): MarkupFaq[] | null {
  const items: MarkupFaq[] = [];
  let current: MarkupFaq | null = null;
  for (const child of $(dl).children('dt, dd, div').toArray()) {
    // HTML allows <div> wrappers around dt/dd groups.
    const parts = child.tagName === 'div' ? $(child).children('dt, dd').toArray() : [child];
    for (const part of parts) {
      const text = collapse($(part).text());
      if (part.tagName === 'dt') {
        current = { question: text, answer: '', id: $(part).attr('id') ?? null };
        items.push(current);
      } else if (current && text) {
        current.answer = current.answer ? `${current.answer}\n${text}` : text;
      }
    }
  }
  const questions = items.filter((i) => i.question.endsWith('?'));
  if (items.length === 0 || questions.length * 2 < items.length) return null;
  return items.filter((i) => i.question && i.answer);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
