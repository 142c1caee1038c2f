import type { ContactRecord } from './format/contact.js';

/**
 * The HTTP wire format of the public API, declared once: the server builds these shapes and the
 * widget reads them (it imports types only, so this module adds nothing to its bundle). A field
 * added here is seen by both sides' type checks; the widget still validates what arrives, since
 * it may talk to an older or newer server.
 */

/** Every error response is `{"error": {"code", "message"}}`; the message is for citizens (German). */
export type ApiErrorCode =
  | 'QUERY_MISSING'
  | 'QUERY_TOO_LONG'
  | 'HISTORY_TOO_LONG'
  | 'INVALID_REQUEST'
  | 'INVALID_FILTER'
  | 'INVALID_JSON'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'BODY_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'UNAUTHORIZED'
  | 'NOT_FOUND'
  | 'UNAVAILABLE'
  | 'WIDGET_NOT_BUILT'
  | 'INTERNAL';

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string };
}

/** One page of `GET /api/search`, with the section that matched best. */
export interface SearchResultWire {
  url: string;
  title: string;
  section: string | null;
  /** The page URL with the best section's anchor (`#antrag`), or the page URL itself. */
  sectionUrl: string;
  snippet: string;
  /** [start, end) character ranges of `snippet` to highlight. */
  highlights: Array<[number, number]>;
  score: number;
}

export interface SearchResponseWire {
  query: string;
  results: SearchResultWire[];
}

export interface ChatTurnWire {
  role: 'user' | 'assistant';
  content: string;
}

/** `POST /api/chat` body. */
export interface ChatRequestWire {
  message: string;
  history?: ChatTurnWire[];
}

/** A page an answer cites; `n` is the number used in the answer text as "[n]". */
export interface SourceWire {
  n: number;
  url: string;
  title: string;
  section: string | null;
  snippet: string;
}

/**
 * The people who can help when the assistant cannot or must not answer: a team or office with the
 * ways to reach it, as the authority publishes them. Only `name` and `url` are always present.
 */
export type ContactWire = Omit<ContactRecord, 'scope'> & {
  /** The page the contact is published on (or the general contact page). */
  url: string;
  /** Where the contact came from, most specific first. */
  origin: 'config' | 'section' | 'page' | 'parent' | 'faq' | 'general';
};

/** Where the citizen is sent when a person has to help. */
export interface HandoffWire {
  url: string;
  title: string;
  contact?: ContactWire;
}

/** How the answer text was made (AI Act Art. 50(2) labelling): see docs/accessibility.md. */
export type GeneratedWire = 'faq' | 'extractive' | 'llm';

/** Why an answer declined or redirected instead of answering from the site. */
export type DeclineReasonWire =
  | 'not-covered'
  | 'out-of-scope-task'
  | 'political'
  | 'personal-assessment'
  | 'no-content';

/** Payload of the chat stream's final `done` event. */
export interface ChatDoneWire {
  answer: string;
  sources: SourceWire[];
  generated: GeneratedWire;
  model: string | null;
  /** False when the assistant declined because the sources do not answer the question. */
  confident: boolean;
  handoff: HandoffWire | null;
  /** The language the answer is written in (follows the question where the assistant can). */
  lang?: 'de' | 'en';
  /** Set when the assistant declined or redirected; absent on answers. */
  declined?: DeclineReasonWire;
  /** The editors' Leichte-Sprache version, for FAQ answers that have one. */
  easyLanguage?: string;
  /** Why a model answer was replaced by the extractive one, if it was. */
  fallback?: 'timeout' | 'error' | 'ungrounded';
  /** The authority's AI disclosure (AI Act Art. 50(1)), sent with the first answer of a conversation. */
  disclosure?: string;
}

/** Payload of a chat stream `delta` event: text that has passed validation, in order. */
export interface ChatDeltaWire {
  text: string;
}

/** `POST /api/feedback` body: a citizen's rating of one answer. */
export interface FeedbackRequestWire {
  rating: 'up' | 'down';
  question: string;
  answer: string;
  comment?: string;
  /** URLs of the answer's sources; only pages of the index are kept. */
  sources?: string[];
}
