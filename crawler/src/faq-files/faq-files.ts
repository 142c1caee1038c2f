import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { AuskunftError } from '@auskunft/core';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { toIsoDate } from '../extract/dates.js';
import { markdownToText } from './markdown-text.js';

/** One editor-curated question and answer, ready to become a passage. */
export interface FaqFileEntry {
  /** Where it was written, as `file:line`, for warnings. */
  location: string;
  question: string;
  alternatives: string[];
  answer: string;
  /** Absolute URL of the page the answer is based on (citations link there), without fragment. */
  source: string;
  /** Fragment of `source`, e.g. "antrag" for `/kfz-hilfe/#antrag`. */
  anchor: string | null;
  contact?: string;
  validUntil?: string;
  easyLanguage?: string;
  lang?: string;
  modified?: string;
}

export interface LoadedFaqFiles {
  entries: FaqFileEntry[];
  files: number;
  /** Expired entries and ignored files, as `file:line: what`. */
  warnings: string[];
}

export interface FaqFileOptions {
  /** Relative `source` paths resolve against this URL (the first start URL). */
  baseUrl: string;
  /** Today as YYYY-MM-DD; entries valid until an earlier day are skipped. */
  today: string;
}

/**
 * Field names in FAQ files. Editors may write them in English or German, in kebab-case or
 * camelCase (`valid-until`, `validUntil`, `gültig-bis`).
 */
const FIELDS = {
  question: ['question', 'frage'],
  alternatives: ['alternatives', 'alternativen'],
  answer: ['answer', 'antwort'],
  source: ['source', 'quelle'],
  contact: ['contact', 'kontakt'],
  validUntil: ['valid-until', 'gültig-bis', 'gueltig-bis'],
  easyLanguage: ['easy-language', 'leichte-sprache'],
  lang: ['lang', 'sprache'],
  modified: ['modified', 'stand'],
} as const;
type Field = keyof typeof FIELDS;
const FIELD_BY_NAME = new Map<string, Field>(Object.entries(FIELDS).flatMap(([field, names]) => names.map((n) => [n, field as Field])));
const EXTENSIONS = new Set(['.yaml', '.yml', '.md']);
/** In a Markdown FAQ, a heading with this text starts the Leichte-Sprache answer. */
const EASY_LANGUAGE_HEADING = /^#{1,6}\s+(Leichte Sprache|Easy language)\s*$/im;

/**
 * Reads every FAQ file in `dir` (and below). If any file is malformed, throws one FAQ_FILE_INVALID
 * error listing every problem as `file:line: what is wrong`, before anything is crawled or
 * written, so the index being served stays as it is. Expired entries are left out with a warning.
 *
 * @example
 * const { entries, warnings } = await loadFaqFiles('faq', { baseUrl: 'https://www.example.de/', today: '2026-11-25' });
 */
export async function loadFaqFiles(dir: string, options: FaqFileOptions): Promise<LoadedFaqFiles> {
  let names: string[];
  try {
    names = (await readdir(dir, { recursive: true })).map(String).sort();
  } catch (error) {
    throw new AuskunftError('CONFIG_INVALID', `crawl.faqDir "${dir}" cannot be read: ${(error as Error).message}. Point it at the folder holding the FAQ files.`);
  }
  const entries: FaqFileEntry[] = [];
  const problems: string[] = [];
  const warnings: string[] = [];
  let files = 0;
  for (const name of names) {
    const path = join(dir, name);
    if (name.split(/[\\/]/).some((part) => part.startsWith('.'))) continue;
    if (!EXTENSIONS.has(extname(name).toLowerCase())) {
      if (extname(name)) warnings.push(`${path}: ignored, FAQ files end in .yaml, .yml or .md`);
      continue;
    }
    files++;
    const parsed = parseFaqFile(path, await readFile(path, 'utf8'), options);
    entries.push(...parsed.entries);
    problems.push(...parsed.problems);
  }
  const byQuestion = new Map<string, string>();
  for (const entry of entries) {
    const key = entry.question.toLocaleLowerCase('de-DE').replace(/\s+/g, ' ');
    const first = byQuestion.get(key);
    if (first) problems.push(`${entry.location}: the question "${entry.question}" is already answered in ${first}; keep one of them (or move this wording to its alternatives)`);
    else byQuestion.set(key, entry.location);
  }
  if (problems.length > 0) {
    throw new AuskunftError('FAQ_FILE_INVALID', `FAQ files with errors; nothing was crawled and the index in use is unchanged:\n  ${problems.join('\n  ')}`);
  }
  const current = entries.filter((entry) => {
    if (!entry.validUntil || entry.validUntil >= options.today) return true;
    warnings.push(`${entry.location}: "${entry.question}" expired on ${entry.validUntil}; not indexed`);
    return false;
  });
  return { entries: current, files, warnings };
}

/** Parses one FAQ file's text; problems come back as `file:line: what is wrong`. */
export function parseFaqFile(path: string, text: string, options: Pick<FaqFileOptions, 'baseUrl'>): { entries: FaqFileEntry[]; problems: string[] } {
  if (extname(path).toLowerCase() === '.md') return parseMarkdownFaq(path, text, options);
  return parseYaml(path, text, 0, options, null);
}

function parseMarkdownFaq(path: string, text: string, options: Pick<FaqFileOptions, 'baseUrl'>) {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const end = lines[0]?.trim() === '---' ? lines.findIndex((line, i) => i > 0 && line.trim() === '---') : -1;
  if (end < 0) {
    return { entries: [], problems: [`${path}:1: a Markdown FAQ starts with front matter between two "---" lines (question, source, …); the answer follows below it`] };
  }
  const body = lines.slice(end + 1).join('\n');
  const split = EASY_LANGUAGE_HEADING.exec(body);
  const answer = markdownToText(split ? body.slice(0, split.index) : body, options.baseUrl);
  const easyLanguage = split ? markdownToText(body.slice(split.index + split[0].length), options.baseUrl, { keepLineBreaks: true }) : '';
  return parseYaml(path, lines.slice(1, end).join('\n'), 1, options, { answer, easyLanguage, where: `${path}:${end + 2}` });
}

type MarkdownBody = { answer: string; easyLanguage: string; where: string };

function parseYaml(path: string, text: string, lineOffset: number, options: Pick<FaqFileOptions, 'baseUrl'>, body: MarkdownBody | null) {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined) => `${path}:${(offset === undefined ? 1 : counter.linePos(offset).line) + lineOffset}`;
  if (doc.errors.length > 0) {
    return { entries: [], problems: [...new Set(doc.errors.map((e) => `${at(e.pos[0])}: ${e.message.split('\n')[0]} (YAML syntax)`))] };
  }
  const problems: string[] = [];
  const entries: FaqFileEntry[] = [];
  const contents = doc.contents;
  const maps = isMap(contents) ? [contents] : isSeq(contents) ? contents.items : [];
  if (maps.length === 0) problems.push(`${at(contents?.range?.[0])}: expected a FAQ entry (question: …, answer: …, source: …) or a list of them`);
  if (body && maps.length > 1) problems.push(`${at(contents?.range?.[0])}: a Markdown FAQ holds one entry; use a .yaml file for several`);
  for (const item of maps) {
    if (!isMap(item)) {
      problems.push(`${at((item as { range?: readonly number[] } | null)?.range?.[0])}: expected a FAQ entry with question, answer and source`);
      continue;
    }
    const entry = readEntry(item, at, options.baseUrl, body, problems);
    if (entry) entries.push(entry);
  }
  return { entries, problems };
}

function readEntry(map: YAMLMap, at: (offset: number | undefined) => string, baseUrl: string, body: MarkdownBody | null, problems: string[]): FaqFileEntry | null {
  const values: Partial<Record<Field, { value: unknown; where: string }>> = {};
  const where = at(map.range?.[0]);
  const before = problems.length;
  for (const pair of map.items) {
    const keyNode = pair.key as { value?: unknown; range?: readonly number[] } | null;
    const rawKey = String(keyNode?.value ?? '');
    const field = FIELD_BY_NAME.get(normalizeKey(rawKey));
    const keyAt = at(keyNode?.range?.[0]);
    if (!field) {
      problems.push(`${keyAt}: unknown field "${rawKey}"; FAQ fields are ${Object.values(FIELDS).map((n) => n[0]).join(', ')} (or their German names)`);
      continue;
    }
    const valueNode = pair.value as { range?: readonly number[] } | null;
    values[field] = { value: isScalar(pair.value) ? pair.value.value : isSeq(pair.value) ? pair.value.toJSON() : pair.value, where: valueNode?.range ? at(valueNode.range[0]) : keyAt };
  }
  const text = (field: Field, required: boolean): string | undefined => {
    const entry = values[field];
    if (entry === undefined || entry.value === null || entry.value === '') {
      if (required) problems.push(`${where}: "${FIELDS[field][0]}" is missing${field === 'source' ? ' (the page this answer is based on; citations link to it)' : ''}`);
      return undefined;
    }
    if (typeof entry.value !== 'string' && typeof entry.value !== 'number') {
      problems.push(`${entry.where}: "${FIELDS[field][0]}" must be text, not a ${isMap(entry.value) ? 'mapping' : 'list'}`);
      return undefined;
    }
    return String(entry.value).trim();
  };
  const date = (field: Field): string | undefined => {
    const raw = text(field, false);
    if (raw === undefined) return undefined;
    const iso = /^\d{4}-\d{2}-\d{2}$|^\d{1,2}\.\d{1,2}\.\d{4}$/.test(raw) ? toIsoDate(raw) : null;
    if (!iso) problems.push(`${values[field]!.where}: "${FIELDS[field][0]}" must be a date such as 2027-12-31, got "${raw}"`);
    return iso ?? undefined;
  };

  const question = text('question', true);
  if (body && values.answer) problems.push(`${values.answer.where}: in a Markdown FAQ the answer is the text below the front matter, not an "answer" field`);
  // Answers are Markdown in both formats: YAML block scalars wrap lines just like a .md body.
  const answerText = body ? body.answer : text('answer', true);
  const answer = answerText && !body ? markdownToText(answerText, baseUrl) : answerText;
  if (body && !body.answer) problems.push(`${body.where}: the answer (text below the front matter) is empty`);
  const alternatives = readAlternatives(values.alternatives, problems);
  const sourceText = text('source', true);
  const source = sourceText === undefined ? undefined : resolveSource(sourceText, baseUrl);
  if (sourceText !== undefined && !source) problems.push(`${values.source!.where}: "source" must be a page address such as https://www.example.de/antrag/ or /antrag/, got "${sourceText}"`);
  const validUntil = date('validUntil');
  const modified = date('modified');
  const contact = text('contact', false);
  const easyLanguageText = (body?.easyLanguage || undefined) ?? text('easyLanguage', false);
  const easyLanguage = easyLanguageText && !body?.easyLanguage ? markdownToText(easyLanguageText, baseUrl, { keepLineBreaks: true }) : easyLanguageText;
  const lang = text('lang', false);
  if (problems.length > before || !question || !answer || !source) return null;
  return {
    location: where,
    question,
    alternatives,
    answer,
    source: source.url,
    anchor: source.anchor,
    ...(contact ? { contact } : {}),
    ...(validUntil ? { validUntil } : {}),
    ...(easyLanguage ? { easyLanguage } : {}),
    ...(lang ? { lang } : {}),
    ...(modified ? { modified } : {}),
  };
}

function readAlternatives(entry: { value: unknown; where: string } | undefined, problems: string[]): string[] {
  if (entry === undefined || entry.value === null) return [];
  if (typeof entry.value === 'string') return [entry.value.trim()].filter(Boolean);
  if (Array.isArray(entry.value) && entry.value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    return entry.value.map((v) => String(v).trim()).filter(Boolean);
  }
  problems.push(`${entry.where}: "alternatives" must be a list of questions, one per line starting with "- "`);
  return [];
}

function resolveSource(text: string, baseUrl: string): { url: string; anchor: string | null } | null {
  if (!/^https?:\/\//i.test(text) && !text.startsWith('/')) return null;
  try {
    const url = new URL(text, baseUrl);
    const anchor = url.hash ? decodeURIComponent(url.hash.slice(1)) : null;
    url.hash = '';
    return { url: url.toString(), anchor };
  } catch {
    return null;
  }
}

/** `validUntil`, `Valid_Until` and `valid-until` are the same field. */
function normalizeKey(key: string): string {
  return key.replace(/([a-zäöü])([A-ZÄÖÜ])/g, '$1-$2').replace(/_/g, '-').toLowerCase().trim();
}
