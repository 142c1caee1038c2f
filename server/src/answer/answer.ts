import type { ContactWire, HandoffWire } from '@auskunft/core/api';

/** A page an answer cites; `n` is the number used in the answer text as "[n]". */
export interface Source {
  n: number;
  url: string;
  title: string;
  section: string | null;
  snippet: string;
}

/** Where a person can help: the contact page, and the responsible team where one is known (see choose-handoff.ts). */
export type Handoff = HandoffWire;
export type Contact = ContactWire;

export interface Answer {
  text: string;
  sources: Source[];
  /** How the text was made: editors' FAQ answer verbatim, sentences copied from pages, or a model. */
  generated: 'faq' | 'extractive' | 'llm';
  /** The generating model's id for `generated: "llm"`, else null. */
  model: string | null;
  /** False when the bot declined because the sources do not answer the question. */
  confident: boolean;
  handoff: Handoff | null;
  /** Why a model answer was replaced by the extractive one (timeout, error, ungrounded), if it was. */
  fallback?: 'timeout' | 'error' | 'ungrounded';
  /** The editors' Leichte-Sprache version, for FAQ answers that have one. */
  easyLanguage?: string;
}
