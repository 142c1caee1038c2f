import { readFile } from 'node:fs/promises';
import { EVAL_QUESTIONS_FILE } from './queries.js';
import { createRandom, type Random } from './random.js';

/** Shortest and longest question, in words, as citizens type them into the chat. */
export const CHAT_QUESTION_WORDS = [8, 40] as const;

// How people open, explain and close a chat message to an authority: greetings, their situation
// in the first person, and the polite tail. Stop words mostly, but not only: "Rollstuhl",
// "Arbeitgeber", "Schlaganfall" are real content words that pull in other pages.
const OPENERS = ['Hallo,', 'Guten Tag,', 'Moin,', 'Hallo zusammen,', 'Sehr geehrte Damen und Herren,', 'Hi,', 'Guten Morgen,', ''];
const SITUATIONS = [
  'ich bin seit einem Unfall auf den Rollstuhl angewiesen und',
  'meine Mutter ist 78 Jahre alt, hatte einen Schlaganfall und',
  'mein Sohn hat eine Lernbehinderung und macht bald seinen Abschluss,',
  'ich arbeite seit zehn Jahren bei einer Firma in Köln und',
  'mein Arbeitgeber hat mir gesagt, dass ich mich an Sie wenden soll, und',
  'ich habe einen GdB von 50 bekommen und',
  'ich bin gehörlos und',
  'wir sind ein kleiner Betrieb mit zwölf Beschäftigten und',
  'ich habe schon zweimal angerufen, aber niemand ging ran, deshalb',
  'meine Frau ist an MS erkrankt und',
  '',
  '',
];
const ASKS = ['ich wollte fragen:', 'ich hätte eine Frage:', 'kurze Frage:', 'könnten Sie mir sagen:', 'wissen Sie vielleicht:', 'ich frage mich,', ''];
const CLOSERS = ['Danke im Voraus!', 'Vielen Dank.', 'Wer ist da zuständig?', 'Was muss ich tun?', 'LG', 'Ich freue mich auf eine Antwort.', 'Geht das auch online?', 'Wie lange dauert das?', '', ''];

/**
 * Distinct German questions as citizens type them into a chat: each one of the 140 labelled
 * evaluation questions (real phrasing, typos included) with a greeting, a sentence about the
 * asker's situation and a polite tail, plus a few words of another question, as people ask two
 * things at once, `CHAT_QUESTION_WORDS` words long. No two are the same, so a load test with
 * them never hits the response cache. Deterministic.
 *
 * @example (await chatQuestions(300)).length // → 300
 */
export async function chatQuestions(count: number, seed = 13): Promise<string[]> {
  const { questions } = JSON.parse(await readFile(EVAL_QUESTIONS_FILE, 'utf8')) as { questions: Array<{ q: string }> };
  const bases = questions.map((q) => q.q.replace(/[?.!]+$/, ''));
  const random = createRandom(seed);
  const out = new Set<string>();
  for (let attempt = 0; out.size < count && attempt < count * 50; attempt++) {
    const question = compose(bases[attempt % bases.length]!, bases, random);
    const words = question.split(/\s+/).length;
    if (words >= CHAT_QUESTION_WORDS[0] && words <= CHAT_QUESTION_WORDS[1]) out.add(question);
  }
  if (out.size < count) throw new Error(`only ${out.size} distinct chat questions could be composed, ${count} wanted`);
  return [...out];
}

function compose(base: string, bases: readonly string[], random: Random): string {
  const other = random.pick(bases).split(/\s+/);
  const start = random.int(Math.max(1, other.length - 2));
  const also = other.slice(start, start + random.between(1, 4)).join(' ');
  const parts = [random.pick(OPENERS), random.pick(SITUATIONS), random.pick(ASKS), `${base}?`];
  if (random.chance(0.6)) parts.push(`Und was ist mit ${also}?`);
  parts.push(random.pick(CLOSERS));
  return parts.filter(Boolean).join(' ');
}
