import type { ChatScore, DeclineScore } from './chat-metrics.js';
import { quantile, share } from './chat-metrics.js';
import type { ChatItem, DeclineItem } from './eval-items.js';
import type { Scored, SearchQuery, XquadScore } from './measure.js';
import type { SearchScore } from './search-metrics.js';
import { mean } from './search-metrics.js';
import type { XquadQuestion } from './xquad-site.js';

/** Everything measured over HTTP against one checkout. */
export interface SystemRun {
  label: string;
  commit: string;
  chat: Array<Scored<ChatItem, ChatScore>>;
  decline: Array<Scored<DeclineItem, DeclineScore>>;
  search: Array<{ set: string; rows: Array<Scored<SearchQuery, SearchScore>> }>;
  xquad: Array<Scored<XquadQuestion, XquadScore>> | null;
}

const pct = (x: number) => (Number.isNaN(x) ? '–' : (x * 100).toFixed(1));
const dec = (x: number) => (Number.isNaN(x) ? '–' : x.toFixed(3));
const ms = (x: number) => (Number.isNaN(x) ? '–' : `${Math.round(x)} ms`);

/** "current" alone, or "current / baseline" side by side in every cell. */
function cells(runs: readonly SystemRun[], value: (run: SystemRun) => string): string {
  return runs.map(value).join(' / ');
}

function categoriesOf(items: ReadonlyArray<{ item: { category: string } }>): string[] {
  return [...new Set(items.map((r) => r.item.category))];
}

export function legend(runs: readonly SystemRun[]): string {
  return runs.length > 1 ? `Cells: ${runs.map((r) => `${r.label} (${r.commit})`).join(' / ')}` : `Checkout: ${runs[0]?.label} (${runs[0]?.commit})`;
}

/** In-scope chat questions per category. */
export function chatTable(runs: readonly SystemRun[]): string {
  const first = runs[0]!;
  const rows = [...categoriesOf(first.chat), 'all'].map((category) => {
    const pick = (run: SystemRun) => run.chat.filter((r) => category === 'all' || r.item.category === category).map((r) => r.score);
    const n = pick(first).length;
    return `| ${category} (${n}) | ${[
      cells(runs, (r) => pct(share(pick(r), (s) => s.answeredCited))),
      cells(runs, (r) => pct(share(pick(r), (s) => s.factsCited))),
      cells(runs, (r) => pct(share(pick(r), (s) => s.wronglyDeclined))),
      cells(runs, (r) => pct(share(pick(r), (s) => s.citesSection))),
      cells(runs, (r) => pct(share(pick(r), (s) => s.citationsValid))),
    ].join(' | ')} |`;
  });
  return [
    '| Category (n) | Answered, cites expected page | Facts + cites expected page | Wrongly declined | Cites expected section | Citations valid |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

/** Messages to decline per category, and per language. */
export function declineTable(runs: readonly SystemRun[]): string {
  const first = runs[0]!;
  const groups: Array<[string, (r: Scored<DeclineItem, DeclineScore>) => boolean]> = [
    ...categoriesOf(first.decline).map((c) => [c, (r: Scored<DeclineItem, DeclineScore>) => r.item.category === c] as [string, (r: Scored<DeclineItem, DeclineScore>) => boolean]),
    ['German', (r) => r.item.lang === 'de'],
    ['English', (r) => r.item.lang === 'en'],
    ['all', () => true],
  ];
  const rows = groups.map(([name, filter]) => {
    const pick = (run: SystemRun) => run.decline.filter(filter).map((r) => r.score);
    return `| ${name} (${pick(first).length}) | ${[
      cells(runs, (r) => pct(share(pick(r), (s) => s.declinedRight))),
      cells(runs, (r) => pct(share(pick(r), (s) => s.neutral))),
      cells(runs, (r) => pct(share(pick(r), (s) => s.injectionFollowed))),
      cells(runs, (r) => pct(share(pick(r), (s) => s.citationsValid))),
    ].join(' | ')} |`;
  });
  return [
    '| Category (n) | Declined right¹ | Politically neutral | Injection followed | Citations valid |',
    '|---|---:|---:|---:|---:|',
    ...rows,
    '',
    '¹ not confident and a hand-off present; for personal assessments: a hand-off present and no yes/no verdict.',
  ].join('\n');
}

/** Topic switches answered right and the time to the first SSE event. */
export function chatSummaryTable(runs: readonly SystemRun[]): string {
  const rows = runs.map((run) => {
    const switches = run.chat.filter((r) => r.item.category === 'topic-switch').map((r) => r.score);
    const followUps = run.chat.filter((r) => r.item.category === 'follow-up').map((r) => r.score);
    const latencies = [...run.chat, ...run.decline].map((r) => r.score.firstEventMs);
    return `| ${run.label} (${run.commit}) | ${pct(share(switches, (s) => s.factsCited))} | ${pct(share(followUps, (s) => s.factsCited))} | ${ms(quantile(latencies, 0.5))} | ${ms(quantile(latencies, 0.95))} | ${latencies.length} |`;
  });
  return ['| Checkout | Topic switches answered right | Follow-ups answered right | First event p50 | First event p95 | Chats |', '|---|---:|---:|---:|---:|---:|', ...rows].join('\n');
}

/** Search sets: MRR@10 and R@1 on the page, section@1 where a section is labelled. */
export function searchTable(runs: readonly SystemRun[]): string {
  const first = runs[0]!;
  const rows: string[] = [];
  for (const { set, rows: results } of first.search) {
    const groups = [['all', () => true] as const, ...categoriesOf(results).map((c) => [c, (r: Scored<SearchQuery, SearchScore>) => r.item.category === c] as const)];
    for (const [name, filter] of groups.length > 2 ? groups : groups.slice(0, 1)) {
      const pick = (run: SystemRun) => (run.search.find((s) => s.set === set)?.rows ?? []).filter(filter).map((r) => r.score);
      const withSection = pick(first).filter((s) => s.sectionAt1 !== null).length;
      rows.push(
        `| ${name === 'all' ? set : `  ${name}`} (${pick(first).length}) | ${cells(runs, (r) => dec(mean(pick(r).map((s) => s.pageRR))))} | ${cells(runs, (r) => pct(share(pick(r), (s) => s.pageAt1)))} | ${withSection ? `${cells(runs, (r) => pct(share(pick(r), (s) => s.sectionAt1)))} (${withSection})` : '–'} |`,
      );
    }
  }
  return ['| Set (n) | MRR@10 page | R@1 page (%) | Section@1 (%) (n) |', '|---|---:|---:|---:|', ...rows].join('\n');
}

/** XQuAD second opinion: chat and search against the paragraph that holds the answer. */
export function xquadTable(runs: readonly SystemRun[]): string {
  const first = runs[0]!;
  const pick = (run: SystemRun) => (run.xquad ?? []).map((r) => r.score);
  const n = pick(first).length;
  const line = (name: string, value: (scores: XquadScore[]) => string) => `| ${name} | ${cells(runs, (r) => value(pick(r)))} |`;
  return [
    `| XQuAD de (${n} questions) | Value |`,
    '|---|---:|',
    line('Chat: reply contains the answer (%)', (s) => pct(share(s, (x) => x.containsAnswer))),
    line('Chat: answer + cites the paragraph (%)', (s) => pct(share(s, (x) => x.answerAndSection))),
    line('Chat: cites the paragraph (%)', (s) => pct(share(s, (x) => x.citesSection))),
    line('Chat: cites the article page (%)', (s) => pct(share(s, (x) => x.citesPage))),
    line('Chat: confident (%)', (s) => pct(share(s, (x) => x.confident))),
    line('Search: section@1 (%)', (s) => pct(share(s, (x) => x.search.sectionAt1))),
    line('Search: section MRR@10', (s) => dec(mean(s.map((x) => x.search.sectionRR)))),
    line('Search: page MRR@10', (s) => dec(mean(s.map((x) => x.pageRR)))),
  ].join('\n');
}

/** Failing items with the reply, for reading (--misses); of the first run only. */
export function missesText(run: SystemRun): string {
  const out: string[] = [`Misses of ${run.label} (${run.commit}):`];
  for (const r of run.chat) {
    if (r.score.factsCited && r.score.citationsValid) continue;
    const why = [!r.score.answeredCited && 'not answered with an expected page', r.score.answeredCited && !r.score.factsCited && 'facts missing', !r.score.citationsValid && 'citations invalid'].filter(Boolean).join(', ');
    out.push(`[chat ${r.item.id} ${r.item.category}] ${r.item.turns.length ? `${r.item.turns.join(' → ')} → ` : ''}${r.item.q}\n   expected ${r.item.expected.join(' ')}; facts ${r.item.facts.map((f) => f[0]).join(' + ')}\n   ${why}${r.score.problems.length ? ` (${r.score.problems.join('; ')})` : ''}\n   reply: ${r.reply}`);
  }
  for (const r of run.decline) {
    if (r.score.declinedRight && r.score.neutral !== false && !r.score.injectionFollowed && r.score.citationsValid) continue;
    out.push(`[decline ${r.item.id} ${r.item.category}] ${r.item.q}\n   expect ${r.item.expect}: ${r.score.problems.join('; ') || 'not declined'}\n   reply: ${r.reply}`);
  }
  for (const { set, rows } of run.search) {
    for (const r of rows) {
      if (r.score.pageAt1 && r.score.sectionAt1 !== false) continue;
      out.push(`[search ${set} ${r.item.id}] ${r.item.q}\n   expected ${r.item.expected.join(' ')}${r.item.section ? ` section ${r.item.section}` : ''}\n   got ${r.reply || '(nothing)'}`);
    }
  }
  const xquadMisses = (run.xquad ?? []).filter((r) => !r.score.answerAndSection);
  for (const r of xquadMisses.slice(0, 40)) {
    out.push(`[xquad ${r.item.id}] ${r.item.question}\n   answer "${r.item.answers[0]}" in ${r.item.section}; search top ${r.score.search.top.join(' ')}\n   reply: ${r.reply}`);
  }
  if (xquadMisses.length > 40) out.push(`… and ${xquadMisses.length - 40} more XQuAD misses (all of them are in --json).`);
  return out.join('\n');
}

/** The aggregate numbers of one run, as in the tables (shares 0..1, NaN written as null). */
export function summarise(run: SystemRun): unknown {
  const groupBy = <T extends { item: { category: string } }>(rows: readonly T[]) => [['all', rows] as const, ...categoriesOf(rows).map((c) => [c, rows.filter((r) => r.item.category === c)] as const)];
  const num = (x: number) => (Number.isNaN(x) ? null : x);
  const latencies = [...run.chat, ...run.decline].map((r) => r.score.firstEventMs);
  return {
    chat: Object.fromEntries(groupBy(run.chat).map(([c, rows]) => {
      const s = rows.map((r) => r.score);
      return [c, { n: s.length, answeredCited: num(share(s, (x) => x.answeredCited)), factsCited: num(share(s, (x) => x.factsCited)), wronglyDeclined: num(share(s, (x) => x.wronglyDeclined)), citesSection: num(share(s, (x) => x.citesSection)), citationsValid: num(share(s, (x) => x.citationsValid)) }];
    })),
    decline: Object.fromEntries(groupBy(run.decline).map(([c, rows]) => {
      const s = rows.map((r) => r.score);
      return [c, { n: s.length, declinedRight: num(share(s, (x) => x.declinedRight)), neutral: num(share(s, (x) => x.neutral)), injectionFollowed: num(share(s, (x) => x.injectionFollowed)), citationsValid: num(share(s, (x) => x.citationsValid)) }];
    })),
    firstEventMs: { p50: num(quantile(latencies, 0.5)), p95: num(quantile(latencies, 0.95)), n: latencies.length },
    search: Object.fromEntries(run.search.map(({ set, rows }) => [set, Object.fromEntries(groupBy(rows).map(([c, r]) => {
      const s = r.map((x) => x.score);
      return [c, { n: s.length, mrrAt10: num(mean(s.map((x) => x.pageRR))), pageAt1: num(share(s, (x) => x.pageAt1)), sectionAt1: num(share(s, (x) => x.sectionAt1)), withSection: s.filter((x) => x.sectionAt1 !== null).length }];
    }))])),
    xquad: run.xquad
      ? (() => {
          const s = run.xquad.map((r) => r.score);
          return { n: s.length, containsAnswer: num(share(s, (x) => x.containsAnswer)), answerAndSection: num(share(s, (x) => x.answerAndSection)), citesSection: num(share(s, (x) => x.citesSection)), citesPage: num(share(s, (x) => x.citesPage)), confident: num(share(s, (x) => x.confident)), searchSectionAt1: num(share(s, (x) => x.search.sectionAt1)), searchSectionMrrAt10: num(mean(s.map((x) => x.search.sectionRR))), searchPageMrrAt10: num(mean(s.map((x) => x.pageRR))) };
        })()
      : null,
  };
}

/** All numbers (and per-item scores) for --json. */
export function runsToJson(runs: readonly SystemRun[]): unknown {
  return runs.map((run) => ({
    label: run.label,
    commit: run.commit,
    summary: summarise(run),
    chat: run.chat.map((r) => ({ ...r.score, q: r.item.q, reply: r.reply })),
    decline: run.decline.map((r) => ({ ...r.score, q: r.item.q, reply: r.reply })),
    search: run.search.map(({ set, rows }) => ({ set, rows: rows.map((r) => ({ id: r.item.id, q: r.item.q, category: r.item.category, ...r.score })) })),
    xquad: run.xquad?.map((r) => ({ id: r.item.id, ...r.score, reply: r.reply })) ?? null,
  }));
}
