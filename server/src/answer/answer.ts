/** A page an answer cites; `n` is the number used in the answer text as "[n]". */
export interface Source {
  n: number;
  url: string;
  title: string;
  section: string | null;
  snippet: string;
}

export interface Handoff {
  url: string;
  title: string;
}

export interface Answer {
  text: string;
  sources: Source[];
  /** How the text was made: editors' FAQ answer verbatim, sentences copied from pages, or a model. */
  generated: 'faq' | 'extractive' | 'llm';
  /** False when the bot declined because the sources do not answer the question. */
  confident: boolean;
  handoff: Handoff | null;
}
