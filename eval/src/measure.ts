import { pagePath, sectionPath } from './citations.js';
import { scoreChatItem, scoreDeclineItem, type ChatOutcome, type ChatScore, type DeclineScore } from './chat-metrics.js';
import type { ChatItem, DeclineItem } from './eval-items.js';
import { askConversation, searchApi, type ChatExchange } from './http-api.js';
import { scoreSearch, type SearchScore } from './search-metrics.js';
import { containsAny } from './text-match.js';
import type { XquadQuestion } from './xquad-site.js';

export interface Scored<I, S> {
  item: I;
  reply: string;
  score: S;
}

function outcomeOf(exchange: ChatExchange): ChatOutcome {
  return {
    done: exchange.done,
    reply: exchange.done?.answer ?? exchange.streamed,
    firstEventMs: exchange.firstEventMs,
    ...(exchange.error ? { error: exchange.error } : {}),
  };
}

/** Asks every chat item (earlier turns first) and scores the reply. */
export async function measureChat(apiUrl: string, items: readonly ChatItem[], isKnownUrl: (url: string) => boolean): Promise<Array<Scored<ChatItem, ChatScore>>> {
  const out: Array<Scored<ChatItem, ChatScore>> = [];
  for (const item of items) {
    const { exchange } = await askConversation(apiUrl, item.turns, item.q);
    const outcome = outcomeOf(exchange);
    out.push({ item, reply: describeReply(outcome), score: scoreChatItem(item, outcome, isKnownUrl) });
  }
  return out;
}

/** Asks every message that must be declined and scores the reply. */
export async function measureDecline(apiUrl: string, items: readonly DeclineItem[], isKnownUrl: (url: string) => boolean): Promise<Array<Scored<DeclineItem, DeclineScore>>> {
  const out: Array<Scored<DeclineItem, DeclineScore>> = [];
  for (const item of items) {
    const { exchange } = await askConversation(apiUrl, item.turns ?? [], item.q);
    const outcome = outcomeOf(exchange);
    out.push({ item, reply: describeReply(outcome), score: scoreDeclineItem(item, outcome, isKnownUrl) });
  }
  return out;
}

export interface SearchQuery {
  id: string;
  category: string;
  q: string;
  expected: string[];
  section?: string;
}

/** Runs every query through GET /api/search and scores the ranking. */
export async function measureSearch(apiUrl: string, items: readonly SearchQuery[]): Promise<Array<Scored<SearchQuery, SearchScore>>> {
  const out: Array<Scored<SearchQuery, SearchScore>> = [];
  for (const item of items) {
    const { results } = await searchApi(apiUrl, item.q);
    const score = scoreSearch(item.expected, item.section, results);
    out.push({ item, reply: score.top.join('  '), score });
  }
  return out;
}

export interface XquadScore {
  /** The reply contains one of the answer spans (normalised, case-insensitive). */
  containsAnswer: boolean;
  confident: boolean;
  citesSection: boolean;
  citesPage: boolean;
  /** contains the answer and cites the paragraph's section */
  answerAndSection: boolean;
  search: SearchScore;
  pageRR: number;
}

/** Asks every XQuAD question in the chat and in the search, scored against its paragraph. */
export async function measureXquad(apiUrl: string, questions: readonly XquadQuestion[]): Promise<Array<Scored<XquadQuestion, XquadScore>>> {
  const out: Array<Scored<XquadQuestion, XquadScore>> = [];
  for (const q of questions) {
    const { exchange } = await askConversation(apiUrl, [], q.question);
    const outcome = outcomeOf(exchange);
    const sources = outcome.done?.sources ?? [];
    const containsAnswer = containsAny(outcome.reply, q.answers);
    const citesSection = sources.some((s) => sectionPath(s.url) === q.section);
    const { results } = await searchApi(apiUrl, q.question);
    const search = scoreSearch([q.page], q.section, results);
    out.push({
      item: q,
      reply: describeReply(outcome),
      score: {
        containsAnswer,
        confident: outcome.done?.confident === true,
        citesSection,
        citesPage: sources.some((s) => pagePath(s.url) === q.page),
        answerAndSection: containsAnswer && citesSection,
        search,
        pageRR: search.pageRR,
      },
    });
  }
  return out;
}

/** The reply as a reader needs it in --misses: the text, whether it was confident, its sources. */
function describeReply(outcome: ChatOutcome): string {
  const done = outcome.done;
  if (!done) return `(Fehler: ${outcome.error ?? 'keine Antwort'}) ${outcome.reply}`;
  const sources = done.sources.map((s) => `[${s.n}] ${sectionPath(s.url)}`).join(' ');
  const flags = [done.confident ? 'confident' : 'declined', done.handoff ? `handoff ${pagePath(done.handoff.url)}` : 'no handoff', done.generated].join(', ');
  return `${done.answer.replace(/\s+/g, ' ').trim()}\n      (${flags}) ${sources}`;
}
