import { markdownToText, type Passage } from '@auskunft/core';
import type { EntryFields, EntryVersion } from './editor-store.js';

export type FieldName = keyof EntryFields;
export type FieldErrors = Partial<Record<FieldName, string>>;

export interface EntryRules {
  /** Page URLs (without fragment) of the index: a source must be one of them. */
  isIndexedPage(url: string): boolean;
  maxAnswerChars: number;
  /** YYYY-MM-DD */
  today: string;
}

const MAX_LINE = 300;
const MAX_ALTERNATIVES = 30;

/** Form values (as posted) → entry fields; empty strings for what was left out. */
export function readEntryForm(form: Record<string, unknown>): EntryFields {
  const s = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '').replace(/\r\n/g, '\n').trim();
  return {
    question: s('question'),
    alternatives: s('alternatives').split('\n').map((l) => l.trim()).filter(Boolean),
    answer: s('answer'),
    source: s('source'),
    contact: s('contact'),
    validUntil: s('validUntil'),
    easyLanguage: s('easyLanguage'),
  };
}

/**
 * Checks an entry as the FAQ files are checked, and more: the source must be a page of this
 * site's index (citations must lead somewhere the citizen can read on), and an expiry date must
 * lie ahead. Messages are German, for the editor, and name what to do.
 */
export function validateEntry(fields: EntryFields, rules: EntryRules, forRelease: boolean): FieldErrors {
  const errors: FieldErrors = {};
  if (!fields.question) errors.question = 'Bitte geben Sie die Frage ein, so wie Bürgerinnen und Bürger sie stellen.';
  else if (fields.question.length > MAX_LINE) errors.question = `Die Frage ist zu lang (${fields.question.length} Zeichen, höchstens ${MAX_LINE}).`;
  if (fields.alternatives.length > MAX_ALTERNATIVES) errors.alternatives = `Höchstens ${MAX_ALTERNATIVES} alternative Formulierungen, eine pro Zeile.`;
  else if (fields.alternatives.some((a) => a.length > MAX_LINE)) errors.alternatives = `Jede alternative Formulierung darf höchstens ${MAX_LINE} Zeichen lang sein.`;
  if (forRelease && !fields.answer) errors.answer = 'Bitte schreiben Sie die Antwort.';
  if (fields.answer.length > rules.maxAnswerChars) errors.answer = `Die Antwort ist zu lang (${fields.answer.length} Zeichen, höchstens ${rules.maxAnswerChars}). Kürzen Sie sie oder verweisen Sie auf die Quelle.`;
  if (fields.easyLanguage.length > rules.maxAnswerChars) errors.easyLanguage = `Der Text in Leichter Sprache ist zu lang (${fields.easyLanguage.length} Zeichen, höchstens ${rules.maxAnswerChars}).`;
  if (fields.contact.length > MAX_LINE) errors.contact = `Der Kontakt ist zu lang (höchstens ${MAX_LINE} Zeichen).`;
  if (!fields.source) {
    if (forRelease) errors.source = 'Bitte wählen Sie die Quelle: die Seite, auf der die Antwort beruht. Suchen Sie sie über „Quelle suchen“.';
  } else {
    const page = pageOf(fields.source);
    if (!page || !rules.isIndexedPage(page)) {
      errors.source = 'Die Quelle muss eine Seite dieser Website sein, die im Suchindex steht. Suchen Sie die Seite über „Quelle suchen“ und wählen Sie einen Treffer.';
    }
  }
  if (fields.validUntil) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(fields.validUntil) || Number.isNaN(Date.parse(`${fields.validUntil}T00:00:00Z`))) errors.validUntil = 'Bitte geben Sie das Datum „Gültig bis“ als Datum ein, zum Beispiel 2027-12-31.';
    else if (fields.validUntil < rules.today) errors.validUntil = `Das Datum „Gültig bis“ (${fields.validUntil}) liegt in der Vergangenheit. Wählen Sie ein Datum ab heute (${rules.today}).`;
  }
  return errors;
}

/** The page URL of a source without its fragment, or null when it is not an http(s) address. */
export function pageOf(source: string): string | null {
  if (!/^https?:\/\//i.test(source) || !URL.canParse(source)) return null;
  const url = new URL(source);
  url.hash = '';
  return url.toString();
}

/**
 * An entry as the FAQ passage citizens' questions find, built as the crawler builds FAQ-file
 * passages (crawler/src/crawl.ts): linked to its source page, titled like it when it is indexed.
 */
export function entryPassage(entry: EntryFields, pageTitle: string | undefined, lang: string): Omit<Passage, 'id'> {
  const url = new URL(entry.source);
  const anchor = url.hash ? decodeURIComponent(url.hash.slice(1)) : null;
  url.hash = '';
  const easy = entry.easyLanguage ? markdownToText(entry.easyLanguage, url.toString(), { keepLineBreaks: true }) : '';
  return {
    url: url.toString(),
    anchor,
    title: pageTitle ?? entry.question,
    section: entry.question,
    text: markdownToText(entry.answer, url.toString()),
    lang,
    kind: 'faq',
    // An editors' reviewed answer, trusted like the FAQ files.
    origin: 'faq-file',
    ...(entry.alternatives.length ? { alternatives: entry.alternatives } : {}),
    ...(easy ? { easyLanguage: easy } : {}),
    ...(entry.contact ? { contact: entry.contact } : {}),
    ...(entry.validUntil ? { validUntil: entry.validUntil } : {}),
  };
}

export function isExpired(entry: Pick<EntryFields, 'validUntil'>, today: string): boolean {
  return Boolean(entry.validUntil) && entry.validUntil < today;
}

/** One entry as a FAQ file (YAML), the format `auskunft crawl` reads from crawl.faqDir. */
export function entryYaml(v: EntryVersion): string {
  const q = (s: string) => JSON.stringify(s);
  const block = (s: string) => `|\n${s.split('\n').map((l) => (l ? `  ${l}` : '')).join('\n')}`;
  const lines = [
    `# Aus der Redaktionskonsole: Eintrag ${v.entryId}, Fassung ${v.version} von ${v.author}, ${v.at}`,
    `question: ${q(v.question)}`,
    ...(v.alternatives.length ? ['alternatives:', ...v.alternatives.map((a) => `  - ${q(a)}`)] : []),
    `answer: ${block(v.answer)}`,
    `source: ${q(v.source)}`,
    ...(v.contact ? [`contact: ${q(v.contact)}`] : []),
    ...(v.validUntil ? [`valid-until: ${v.validUntil}`] : []),
    ...(v.easyLanguage ? [`easy-language: ${block(v.easyLanguage)}`] : []),
    `modified: ${v.at.slice(0, 10)}`,
  ];
  return `${lines.join('\n')}\n`;
}
