import type { ContactWire, DeclineReasonWire, GeneratedWire, HandoffWire, SourceWire } from '@auskunft/core/api';

/** A page an answer cites; `n` is the number used in the answer text as "[n]". */
export type Source = SourceWire;
export type Handoff = HandoffWire;
export type Contact = ContactWire;
export type DeclineReason = DeclineReasonWire;

export interface Answer {
  text: string;
  sources: Source[];
  /** How the text was made: editors' FAQ answer verbatim, sentences copied from pages, or a model. */
  generated: GeneratedWire;
  /** The generating model's id for `generated: "llm"`, else null. */
  model: string | null;
  /** False when the bot declined because the sources do not answer the question. */
  confident: boolean;
  handoff: Handoff | null;
  /** The language the answer is written in. */
  lang?: 'de' | 'en';
  /** Why the assistant declined or redirected, when it did. */
  declined?: DeclineReason;
  /** Why a model answer was replaced by the extractive one (timeout, error, ungrounded), if it was. */
  fallback?: 'timeout' | 'error' | 'ungrounded';
  /** The editors' Leichte-Sprache version, for FAQ answers that have one. */
  easyLanguage?: string;
  /** How the answer was reached, for `auskunft ask`; never sent to citizens. */
  trace?: AnswerTrace;
}

/** Every decision of the answer pipeline, in words an editor understands. */
export interface AnswerTrace {
  message: string;
  /** What kind of message it is and by which rule. */
  understood: string;
  language: 'de' | 'en';
  questionType: string;
  followUp: boolean;
  query: string;
  keyConcepts: string[];
  decision: string;
  units: Array<{ url: string; title: string; heading: string | null; score: number; coverage: number; reasons: string[] }>;
}
