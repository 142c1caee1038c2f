import { withoutPlaceholders } from '../privacy/scrub.js';
import type { Retrieval, RetrievedPassage, Retriever } from '../retrieve/retrieve.js';
import type { Answer, AnswerTrace, Handoff } from './answer.js';
import { CANDIDATES as UNIT_CANDIDATES, rankAnswerUnits, type AnswerUnit } from './answer-unit.js';
import { asksSameQuestion } from './key-concepts.js';
import { composeFromUnit } from './compose-extractive.js';
import type { HandoffChooser } from './choose-handoff.js';
import { faqHandoff } from './faq-contact.js';
import { generatedAnswer } from './answer-with-model.js';
import type { ChatGenerator } from './generate-llm.js';
import { assessmentPreamble, declineReply, handoffSentence, smallTalkReply } from './replies.js';
import { understandMessage, type Turn, type Understanding } from './understand.js';
import { toSource } from './source.js';
import { streamText, type AnswerEvent } from './stream-text.js';

export type { AnswerEvent } from './stream-text.js';

export type { Turn } from './understand.js';

export interface ComposeOptions {
  /** Coverage the chosen unit needs before we answer at all (see serverSettings.minAnswerCoverage). */
  minCoverage: number;
  /** The general contact. */
  handoff: Handoff | null;
  /** Picks the responsible team for the passages an answer cites (choose-handoff.ts); absent: FAQ contact or `handoff`. */
  handoffFor?: HandoffChooser | undefined;
}


export interface AnswerContext {
  retriever: Retriever;
  compose: ComposeOptions;
  generator?: ChatGenerator | undefined;
  llmTimeoutMs: number;
  llmPassages: number;
  /** Called when a model answer was replaced, for logs and metrics. */
  onFallback?: (reason: NonNullable<Answer['fallback']>, detail: string) => void;
}

/**
 * An editors' FAQ entry answers verbatim only when the question is nearly its own question or one
 * of its alternatives. Sharing words is not enough: "Wer zahlt den Umbau meines Autos?" shares
 * every word with the FAQ on used cars, whose answer is about something else.
 */
const FAQ_MATCH = 0.8;
/** A verdict the general information must not open with when the question asked about one's own case. */
const VERDICT = /^(ja|nein|in der regel (ja|nein)|grundsätzlich (ja|nein)|meistens (ja|nein)|yes|no)\b[^.!?]*[.!?]\s*/i;

/**
 * Answers one chat message as a stream of events: text deltas, then the final answer. The steps,
 * one file each:
 *
 * 1. understand the message (understand.ts): language, what it asks the assistant to do, the
 *    kind of answer wanted, and whether it continues an earlier question;
 * 2. refuse what an authority's assistant must not do (request-kind.ts, replies.ts);
 * 3. retrieve, and choose the one unit that answers — a section, an FAQ entry or a PDF page
 *    (answer-unit.ts) — or decline when none contains the question's key concepts;
 * 4. compose from that unit (compose-extractive.ts), or quote the editors' FAQ answer verbatim;
 * 5. with a model, let it restate the chosen unit, streaming only validated sentences.
 */
export async function* streamAnswer(ctx: AnswerContext, message: string, history: readonly Turn[], signal?: AbortSignal): AsyncGenerator<AnswerEvent> {
  // `message` and `history` arrive scrubbed of personal data (see routes/chat.ts).
  const understood = understandMessage(withoutPlaceholders(message), history);
  const handoff = ctx.compose.handoff;
  const trace: AnswerTrace = { message, understood: `${understood.kind}: ${understood.rule}`, language: understood.lang, questionType: understood.questionType, followUp: understood.followUp, query: understood.query, keyConcepts: [], decision: understood.rule, units: [] };
  const finish = (answer: Answer) => streamText({ ...answer, trace });

  switch (understood.kind) {
    case 'greeting':
    case 'thanks':
    case 'goodbye':
      return yield* finish(smallTalkReply(understood.kind, understood.lang, handoff));
    case 'garbage':
      return yield* finish(declineReply('no-content', understood.lang, handoff));
    case 'injection':
      return yield* finish(declineReply('injection', understood.lang, handoff));
    case 'political':
      return yield* finish(declineReply('political', understood.lang, handoff));
    case 'task':
    case 'recommendation':
    case 'opinion':
      return yield* finish(declineReply('out-of-scope-task', understood.lang, handoff));
  }

  const chosen = await chooseUnit(ctx, understood, history);
  trace.query = chosen.query;
  trace.followUp = chosen.followUp;
  trace.keyConcepts = chosen.keys;
  trace.units = chosen.units.map((u) => ({ url: u.url, title: u.title, heading: u.heading, score: Number(u.score.toFixed(3)), coverage: Number(u.coverage.toFixed(3)), reasons: u.reasons }));
  const unit = chosen.answerable ? chosen.units[0] : undefined;
  trace.decision = unit
    ? `answers from "${unit.title}${unit.heading ? ` › ${unit.heading}` : ''}"`
    : chosen.units[0]
      ? `declines: the best unit ${chosen.units[0].lacksKey ? `lacks ${chosen.units[0].missingKeys.join(', ')}` : `covers only ${Math.round(chosen.units[0].coverage * 100)}% of the question`}`
      : 'declines: nothing on the site matches';

  if (understood.kind === 'assessment') return yield* finish(assessmentAnswer(unit, chosen, understood, ctx));
  if (!unit) return yield* finish(declineReply('not-covered', understood.lang, topicalHandoff(chosen, ctx.compose)));

  const hit = unit.hits[0]!;
  if (unit.editorial && (hit.faqMatch ?? 0) >= FAQ_MATCH && asksSameQuestion(unit, chosen, chosen.keys)) {
    trace.decision += ': the editors\' FAQ entry asks the same question, quoted verbatim';
    return yield* finish(faqAnswer(hit, understood, unitHandoff(unit, ctx.compose)));
  }
  const extractive = extractiveAnswer(unit, chosen, understood, ctx.compose);
  if (!ctx.generator) return yield* finish(extractive);
  yield* generatedAnswer(ctx, message, chosen.units.filter((u) => !u.lacksKey), understood, history, extractive, signal, trace);
}

interface ChosenUnit {
  units: AnswerUnit[];
  groups: Retrieval['groups'];
  keys: string[];
  answerable: boolean;
  terms: string[];
  termWeights: Record<string, number>;
  query: string;
  followUp: boolean;
}

/**
 * Retrieves for the understood question and ranks its answer units. A message with a topic of
 * its own is searched alone; only when that finds nothing and it reads like a continuation
 * ("Und bei Gebrauchtwagen?") is the earlier question added.
 */
async function chooseUnit(ctx: AnswerContext, understood: Understanding, history: readonly Turn[]): Promise<ChosenUnit> {
  const attempt = async (query: string, followUp: boolean): Promise<ChosenUnit> => {
    const retrieval = await ctx.retriever.retrieve(query, UNIT_CANDIDATES);
    const { units, keys } = rankAnswerUnits(retrieval, { query, message: understood.message, type: understood.questionType, minCoverage: ctx.compose.minCoverage });
    const top = units[0];
    const answerable = !!top && !top.lacksKey && top.coverage >= ctx.compose.minCoverage;
    return { units, groups: retrieval.groups, keys, answerable, terms: retrieval.terms, termWeights: retrieval.termWeights, query, followUp };
  };
  const first = await attempt(understood.query, understood.followUp);
  if (first.answerable || understood.followUp || !/^(und|aber|auch|and|what about)\b/i.test(understood.query.trim())) return first;
  const earlier = [...history].reverse().find((t) => t.role === 'user')?.content;
  if (!earlier) return first;
  const second = await attempt(`${earlier} ${understood.query}`, true);
  return second.answerable ? second : first;
}

function extractiveAnswer(unit: AnswerUnit, chosen: ChosenUnit, understood: Understanding, compose: ComposeOptions): Answer {
  const handoff = unitHandoff(unit, compose);
  // Quoted text is in the page's language, whatever the question's: `lang` says which, so the
  // widget marks it for screen readers.
  const lang = pageLanguage(unit.hits[0]!);
  const text = composeFromUnit({ unit, groups: chosen.groups, termWeights: chosen.termWeights, type: understood.questionType, lang, n: 1 });
  if (!text) return declineReply('not-covered', understood.lang, handoff);
  return { text, sources: [toSource(unit.hits[0]!, 1)], generated: 'extractive', model: null, confident: true, handoff, lang };
}

function pageLanguage(hit: RetrievedPassage): 'de' | 'en' {
  return hit.passage.lang.toLowerCase().startsWith('en') ? 'en' : 'de';
}

/** The editors' reviewed answer, verbatim, citing only its own source page. */
function faqAnswer(hit: RetrievedPassage, understood: Understanding, handoff: Handoff | null): Answer {
  return {
    text: `${hit.passage.text} [1]`,
    sources: [toSource(hit, 1)],
    generated: 'faq',
    model: null,
    confident: true,
    handoff,
    lang: pageLanguage(hit),
    ...(hit.passage.easyLanguage ? { easyLanguage: hit.passage.easyLanguage } : {}),
  };
}

/** General information may be given (with its source); the judgement is left to a person. */
function assessmentAnswer(unit: AnswerUnit | undefined, chosen: ChosenUnit, understood: Understanding, ctx: AnswerContext): Answer {
  const { notice, generally } = assessmentPreamble(understood.lang);
  const handoff = unit ? unitHandoff(unit, ctx.compose) : topicalHandoff(chosen, ctx.compose);
  const general = unit ? composeFromUnit({ unit, groups: chosen.groups, termWeights: chosen.termWeights, type: understood.questionType, lang: understood.lang, n: 1 }).replace(VERDICT, '') : '';
  const info = general && /\[1\]/.test(general) ? ` ${generally} ${general}` : '';
  return {
    text: `${notice}${info}${info.includes('\n') ? '\n' : ' '}${handoffSentence(handoff, understood.lang)}`,
    sources: info && unit ? [toSource(unit.hits[0]!, 1)] : [],
    generated: 'extractive',
    model: null,
    confident: false,
    handoff,
    lang: understood.lang,
    declined: 'personal-assessment',
  };
}

/** The team responsible for the unit answered from (choose-handoff.ts); without contacts, the FAQ entry's people or the general contact. */
function unitHandoff(unit: AnswerUnit, compose: ComposeOptions): Handoff | null {
  if (compose.handoffFor) return compose.handoffFor(unit.hits.map((h) => h.passage));
  return unit.editorial ? faqHandoff(unit.hits[0]!.passage, compose.handoff) : compose.handoff;
}

/** A declined question goes to the team of the unit nearest its topic, if that unit is at least half on topic. */
function topicalHandoff(chosen: ChosenUnit, compose: ComposeOptions): Handoff | null {
  const nearest = chosen.units[0];
  return nearest && nearest.coverage >= compose.minCoverage / 2 ? unitHandoff(nearest, compose) : compose.handoff;
}
