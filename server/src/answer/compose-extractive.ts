import { analyzeTerms, splitSentences } from '@auskunft/core';
import type { QueryGroup } from '../retrieve/expand-query.js';
import type { AnswerUnit } from './answer-unit.js';
import { carriesAnswer, LIST_TYPES, type QuestionType } from './question-type.js';
import type { AnswerLanguage } from './understand.js';

/** Marks a list item or table row in passage text (written by the crawler's extraction). */
const ITEM = /^•\s*/;
/** Sentences quoted at most, outside lists: an answer is a short paragraph, the page has the rest. */
const MAX_SENTENCES = 3;
/** Items of one list quoted at most; a longer list ends with "…" and the citation leads to all. */
const MAX_ITEMS = 8;
/** Characters of quoted text at most (lists included), so an answer fits a phone screen. */
const MAX_CHARS = 700;
/** The first sentence of a section usually says what it is about: a small head start. */
const LEAD_BONUS = 0.15;

type Piece = { kind: 'sentence'; text: string; intro: boolean } | { kind: 'list'; items: string[] };

export interface ComposeInput {
  unit: AnswerUnit;
  /** The question's words with the index terms each was searched under, and their idf. */
  groups: readonly QueryGroup[];
  termWeights: Readonly<Record<string, number>>;
  type: QuestionType;
  lang: AnswerLanguage;
  /** The citation number of the unit. */
  n: number;
}

/**
 * Builds the answer text from one unit, using only its own words: the sentences (and lists) that
 * carry what was asked, in page order, each followed by its citation. A sentence ending in ":"
 * brings the list that follows it; a section that is only a list (the demo's "Welche Unterlagen
 * brauche ich?") is quoted as that list.
 */
export function composeFromUnit(input: ComposeInput): string {
  const pieces = piecesOf(input.unit.text);
  if (pieces.length === 0) return '';
  // Each word of the question counts once, by its best stand-in in the text (as in coverage), so
  // a sentence full of related compounds does not outweigh one with the word that was asked.
  const groups = input.groups.filter((g) => !g.part && g.alternatives.length > 0);
  const idf = (g: QueryGroup) => input.termWeights[g.term] ?? input.termWeights[g.alternatives[0]!.term] ?? 1;
  const total = Math.max(1e-9, groups.reduce((s, g) => s + idf(g), 0));
  // A sentence is chosen for the question's words; carrying the asked-for kind of content (a
  // period, an amount) or opening the section only adds to a sentence that has some of them.
  const scoreText = (text: string, index: number) => {
    const terms = new Set(analyzeTerms(text));
    const words = groups.reduce((sum, g) => sum + idf(g) * Math.max(0, ...g.alternatives.filter((a) => terms.has(a.term)).map((a) => a.weight)), 0) / total;
    const bonus = (carriesAnswer(input.type, text) ? 0.5 : 0) + (index === 0 ? LEAD_BONUS : 0);
    // A question of a specific kind ("Welche Unterlagen …") is answered by what carries that kind,
    // even in words of its own ("Legen Sie bei: …"); the unit is already about the topic.
    const score = words > 0 || input.type !== 'general' ? words + bonus : bonus / 2;
    // A page's rhetorical question ("Ihr Ausweis ist weg?") introduces the answer, it is none.
    return /\?\s*$/.test(text) ? score * 0.3 : score;
  };
  // A list scores by its best item; one asked for as a list ("Welche Unterlagen …") as a whole.
  const listType = LIST_TYPES.has(input.type);
  const itemScores = pieces.map((p, i) => (p.kind === 'list' ? p.items.map((item) => scoreText(item, i)) : []));
  const scores = pieces.map((p, i) => (p.kind === 'sentence' ? scoreText(p.text, i) : listType ? scoreText(p.items.join(' '), i) + 0.6 : Math.max(...itemScores[i]!)));

  const chosen = new Set<number>();
  const best = scores.indexOf(Math.max(...scores));
  chosen.add(best);
  // A list belongs to the sentence that introduces it, and that sentence to its list.
  const withPartner = (i: number) => {
    const p = pieces[i]!;
    if (p.kind === 'sentence' && p.intro && pieces[i + 1]?.kind === 'list') chosen.add(i + 1);
    if (p.kind === 'list' && i > 0 && pieces[i - 1]!.kind === 'sentence' && (pieces[i - 1] as { intro: boolean }).intro) chosen.add(i - 1);
  };
  withPartner(best);
  // "Nein." or "Ja, in der Regel." says nothing alone: the sentence after it explains.
  const brief = (i: number) => pieces[i]?.kind === 'sentence' && (pieces[i] as { text: string }).text.split(/\s+/).length < 4;
  if (brief(best) && pieces[best + 1]) chosen.add(best + 1);
  // Then the next-best sentences that also carry the question's words, up to a short paragraph.
  const order = scores.map((s, i) => [s, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [score, i] of order) {
    if (countSentences(pieces, chosen) >= MAX_SENTENCES || length(pieces, chosen) > MAX_CHARS * 0.6) break;
    if (chosen.has(i) || score < 0.3 || pieces[i]!.kind === 'list') continue;
    chosen.add(i);
    withPartner(i);
  }

  const cite = ` [${input.n}]`;
  const out: string[] = [];
  let used = 0;
  for (const i of [...chosen].sort((a, b) => a - b)) {
    const piece = pieces[i]!;
    if (piece.kind === 'sentence') {
      if (used + piece.text.length > MAX_CHARS && out.length > 0) break;
      // Every quoted sentence carries its citation; one that introduces a list carries it before its colon.
      out.push(piece.intro ? piece.text.replace(/\s*:\s*$/, `${cite}:`) : `${piece.text}${cite}`);
      used += piece.text.length;
      continue;
    }
    // Asked for one thing, the answer quotes the items (table rows) about it, not the whole list.
    const best = Math.max(...itemScores[i]!);
    const relevant = listType || best < 0.3 ? piece.items : piece.items.filter((_, k) => itemScores[i]![k]! >= best * 0.8);
    const items: string[] = [];
    for (const item of relevant.slice(0, MAX_ITEMS)) {
      if (used + item.length > MAX_CHARS && items.length > 0) break;
      items.push(item);
      used += item.length;
    }
    const more = items.length < relevant.length ? '\n• …' : '';
    const intro = i > 0 && chosen.has(i - 1) ? '' : `${listIntro(input.unit, input.lang)}\n`;
    out.push(`${intro}${items.map((item) => `• ${item}`).join('\n')}${more}${cite}`);
  }
  return joinPieces(out);
}

/** Lines of the unit as sentences and lists, in page order. */
function piecesOf(text: string): Piece[] {
  const pieces: Piece[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    if (ITEM.test(trimmed)) {
      const item = trimmed.replace(ITEM, '');
      const last = pieces.at(-1);
      if (last?.kind === 'list') last.items.push(item);
      else pieces.push({ kind: 'list', items: [item] });
      continue;
    }
    for (const sentence of splitSentences(trimmed)) pieces.push({ kind: 'sentence', text: sentence, intro: /:\s*$/.test(sentence) });
  }
  return pieces;
}

/** A list without its own lead-in (the heading is its introduction on the page). */
function listIntro(unit: AnswerUnit, lang: AnswerLanguage): string {
  const heading = unit.heading ?? unit.title;
  return lang === 'en' ? `The page “${unit.title}” lists under “${heading}”:` : `Auf der Seite „${unit.title}“ steht unter „${heading}“:`;
}

function joinPieces(out: readonly string[]): string {
  // Lists stand on their own lines; sentences run on as a paragraph.
  return out.reduce((text, piece) => (!text ? piece : piece.includes('\n• ') || piece.startsWith('• ') || text.includes('\n• ') ? `${text}\n${piece}` : `${text} ${piece}`), '');
}

function countSentences(pieces: readonly Piece[], chosen: ReadonlySet<number>): number {
  return [...chosen].filter((i) => pieces[i]!.kind === 'sentence').length;
}

function length(pieces: readonly Piece[], chosen: ReadonlySet<number>): number {
  return [...chosen].reduce((sum, i) => {
    const p = pieces[i]!;
    return sum + (p.kind === 'sentence' ? p.text.length : p.items.join(' ').length);
  }, 0);
}
