import { analyzeTerms, analyzeText, splitSentences } from '@auskunft/core';
import { questionType, type QuestionType } from './question-type.js';
import { classifyRequest, type RequestKind } from './request-kind.js';

export type AnswerLanguage = 'de' | 'en';

export interface Turn {
  role: 'user' | 'assistant';
  content: string;
}

/** What the assistant understood of one message, before it looks anything up. */
export interface Understanding {
  lang: AnswerLanguage;
  kind: RequestKind | 'greeting' | 'thanks' | 'goodbye';
  /** Why `kind` was chosen, in words. */
  rule: string;
  questionType: QuestionType;
  /** The message's own topic words (analysed terms without question words and fillers). */
  topicTerms: string[];
  /** True when the message has no topic of its own and was read together with an earlier question. */
  followUp: boolean;
  /** What is searched: the message, or for a follow-up the earlier question plus the message. */
  query: string;
  /** The message as asked (without placeholders of removed personal data). */
  message: string;
}

const GREETING = /^(hallo|hi|hey|guten (tag|morgen|abend)|moin|servus|grüß gott|gruess gott|good (morning|afternoon|evening)|hello)\b/i;
const THANKS = /^(danke|vielen dank|dankeschön|merci|super,? danke|thanks|thank you)\b/i;
const GOODBYE = /^(tschüss|tschuess|auf wiedersehen|ciao|bis bald|bye|goodbye)\b/i;
/** Longer messages are questions that happen to start politely ("Hallo, wie beantrage ich …"). */
const SMALL_TALK_MAX_WORDS = 4;

/**
 * Words that ask about a topic without naming one: "Und wie lange dauert das?", "Was kostet
 * das?", "Welche Unterlagen brauche ich dafür?". A message made only of these (and stop words) is
 * a follow-up; one with any other word has a topic of its own and is answered as if asked alone,
 * whatever came before ("Was ist das Budget für Arbeit?" after a question about cars).
 */
const NON_TOPIC_WORDS = `
dauern dauert dauer lange lang kosten kostet kostenlos teuer preis gebühr gebühren frist fristen unterlagen
dokumente nachweise papiere brauche brauchen benötige benötigt nötig genau mehr weiter weitere
machen mache macht beantragen beantrage antrag anträge stellen stelle bekomme bekommen kriege erhalte
zahlen zahlt bezahlt übernimmt hoch höhe telefonnummer nummer telefon erreichen erreiche kontakt
ansprechpartner öffnungszeiten geöffnet voraussetzungen bedingungen wichtig info infos informationen frage
fragen hilfe ok okay ach so also sonst danach dann vorher später schnell zuständig passiert läuft
frau herr herrn dr prof name heiße heisse heißt heisst bedeutet bedeuten steht stehen bringt bringen
lassen lasse lass tun mach wissen gelten gilt gelte wen wem ruf rufe anrufen bekommt bekommen
unterschied unterschiede unterscheiden gezahlt zahle anspruch ansprüche sagen erklären erkläre meint gemeint eigentlich überhaupt denn
guten tag morgen abend hallo
how long much cost costs does take it that this what when where who which need apply get documents
`;
const NON_TOPIC: ReadonlySet<string> = new Set(analyzeTerms(NON_TOPIC_WORDS));

const ENGLISH = new Set('the is are what how do does can i my me for to of and where when who which much long apply get need you your have has it this that with an please'.split(' '));
const GERMAN = new Set('der die das ist sind wie was wer ich mein meine für und zu wo wann welche brauche kann muss gibt es ein eine einen bei mit den dem bitte'.split(' '));

/** German unless the message reads clearly as English (the assistant answers in de and en). */
export function detectLanguage(message: string): AnswerLanguage {
  const words = message.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (/[äöüß]/i.test(message)) return 'de';
  const en = words.filter((w) => ENGLISH.has(w)).length;
  const de = words.filter((w) => GERMAN.has(w)).length;
  return en >= 2 && en > de ? 'en' : 'de';
}

/**
 * The topic words that can be key concepts: German capitalises nouns, and a question is about
 * its nouns ("Wer hilft beim Umbau meines Fahrzeugs?" is about Umbau and Fahrzeug, not helping).
 * Messages typed all in lower case give no such hint; then every topic word is a candidate.
 */
export function conceptTermsOf(text: string): string[] {
  // "Ich bin Rentnerin aus Essen. Wer zahlt den Umbau meines Autos?": the question says what
  // it is about, the sentences around it say who asks.
  const sentences = splitSentences(text);
  const questions = sentences.filter((s) => /\?\s*$/.test(s));
  const asked = questions.length > 0 && questions.length < sentences.length ? questions.join(' ') : text;
  const message = topicTermsOf(asked).length > 0 ? asked : text;
  const topic = new Set(topicTermsOf(message));
  const nouns = analyzeText(message)
    .filter((t) => topic.has(t.term) && /^\p{Lu}/u.test(t.surface) && !/(^|[.!?:]\s*)$/.test(message.slice(0, t.start)))
    .map((t) => t.term);
  return nouns.length > 0 ? [...new Set(nouns)] : [...topic];
}

export function topicTermsOf(message: string): string[] {
  return [...new Set(analyzeTerms(message).filter((t) => !NON_TOPIC.has(t)))];
}

/**
 * Reads one message in the light of the conversation: its language, what it asks the assistant
 * to do, the kind of answer it wants and whether it continues an earlier question.
 */
export function understandMessage(message: string, history: readonly Turn[]): Understanding {
  const lang = detectLanguage(message);
  const type = questionType(message);
  const topicTerms = topicTermsOf(message);
  const base = { lang, questionType: type, topicTerms, followUp: false, query: message, message };

  const plain = message.trim().replace(/[!.?,\s]+$/g, '');
  if (plain.split(/\s+/).length <= SMALL_TALK_MAX_WORDS) {
    if (GREETING.test(plain)) return { ...base, kind: 'greeting', rule: 'a greeting' };
    if (THANKS.test(plain)) return { ...base, kind: 'thanks', rule: 'thanks' };
    if (GOODBYE.test(plain)) return { ...base, kind: 'goodbye', rule: 'a goodbye' };
  }
  const request = classifyRequest(message);
  if (request.kind !== 'question' && request.kind !== 'assessment') return { ...base, kind: request.kind, rule: request.rule };

  if (topicTerms.length === 0) {
    const earlier = earlierQuestion(history);
    if (earlier) return { ...base, kind: request.kind, rule: `${request.rule}; no topic of its own, read with the earlier question`, followUp: true, query: `${earlier} ${message}` };
    if (analyzeTerms(message).length === 0) return { ...base, kind: 'garbage', rule: 'no topic and nothing earlier to refer to' };
  }
  return { ...base, kind: request.kind, rule: request.rule };
}

/** The latest earlier user message that names a topic (a follow-up's own predecessor may not). */
function earlierQuestion(history: readonly Turn[]): string | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const turn = history[i]!;
    if (turn.role === 'user' && topicTermsOf(turn.content).length > 0) return turn.content;
  }
  return null;
}
