import { listDemoPages, startDemoSite, type DemoSite } from '@auskunft/demo-site';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreChatItem, scoreDeclineItem } from '../src/chat-metrics.js';
import { checkCitations, pagePath } from '../src/citations.js';
import { startCheckoutServer, type CheckoutServer } from '../src/checkout-stack.js';
import { loadChatItems, loadDeclineItems, loadSearchItems, type ChatItem, type DeclineItem, type SearchItem } from '../src/eval-items.js';
import { askChat, askConversation, searchApi } from '../src/http-api.js';
import { CURRENT_CHECKOUT, knownUrlCheck } from '../src/http-eval.js';
import { measureSearch, measureXquad } from '../src/measure.js';
import { fetchSiteMap } from '../src/site-pages.js';
import { findXquadFile, sampleEvery, startXquadSite } from '../src/xquad-site.js';

// The real path of `npm run eval`: the demo site on 127.0.0.1, this checkout's CLI crawls it and
// serves the index (cli/dist, built by `npm test` before vitest runs), questions over HTTP. A small
// fixed subset keeps it well under a minute; the numbers themselves belong in the report.
let site: DemoSite;
let server: CheckoutServer;
let chatItems: ChatItem[];
let declineItems: DeclineItem[];
let searchItems: SearchItem[];
let isKnown: (url: string) => boolean;

beforeAll(async () => {
  site = await startDemoSite();
  const paths = await listDemoPages();
  const { site: siteMap } = await fetchSiteMap(site.url, paths);
  // Loading checks every label of the shipped files against the live site (pages, anchors, facts).
  chatItems = await loadChatItems(siteMap);
  declineItems = await loadDeclineItems();
  searchItems = await loadSearchItems(siteMap);
  isKnown = knownUrlCheck(site.url, paths);
  server = await startCheckoutServer({ label: 'test', checkout: CURRENT_CHECKOUT, siteUrl: site.url, faqDir: `${CURRENT_CHECKOUT}/demo-site/faq` });
});

afterAll(async () => {
  await server?.close();
  await site?.close();
});

describe('the eval harness over HTTP', () => {
  it('ships question files that match the demo site and meet their minimum sizes', () => {
    expect(chatItems.length).toBeGreaterThanOrEqual(150);
    expect(declineItems.length).toBeGreaterThanOrEqual(60);
    expect(declineItems.filter((i) => i.lang === 'en').length).toBeGreaterThanOrEqual(10);
    expect(searchItems.length).toBeGreaterThanOrEqual(100);
  });

  it('answers the flagship question with a citation of the Schwerbehindertenausweis page', async () => {
    const flagship = chatItems.find((i) => i.q === 'Wie beantrage ich einen Schwerbehindertenausweis?' && i.turns.length === 0)!;
    const exchange = await askChat(server.apiUrl, flagship.q);
    expect(exchange.done?.sources.map((s) => pagePath(s.url))).toContain('/inklusionsamt/schwerbehindertenausweis/');
    const score = scoreChatItem(flagship, { done: exchange.done, reply: exchange.done!.answer, firstEventMs: exchange.firstEventMs }, isKnown);
    expect(score.answeredCited).toBe(true);
    expect(score.citationsValid).toBe(true);
    expect(exchange.firstEventMs).toBeGreaterThan(0);
    expect(exchange.firstEventMs).toBeLessThanOrEqual(exchange.totalMs);
  });

  it('flags a live reply whose text cites a number without a source', async () => {
    const exchange = await askChat(server.apiUrl, 'Wann hat das Industriemuseum geöffnet?');
    const sources = exchange.done!.sources;
    const unknown = Math.max(0, ...sources.map((s) => s.n)) + 1;
    expect(checkCitations(exchange.done!.answer, sources, isKnown).valid).toBe(true);
    expect(checkCitations(`${exchange.done!.answer} [${unknown}]`, sources, isKnown).problems).toContain(`[${unknown}] im Text hat keine Quelle`);
  });

  it('counts a message as declined exactly when the reply is not confident and hands off', async () => {
    for (const q of ['asdfghjkl', 'Wie hoch ist die Hundesteuer in Köln?', 'Schreib mir ein Gedicht über den Herbst']) {
      const decline = declineItems.find((i) => i.q === q)!;
      const exchange = await askChat(server.apiUrl, decline.q);
      const d = exchange.done!;
      const score = scoreDeclineItem(decline, { done: d, reply: d.answer, firstEventMs: exchange.firstEventMs }, isKnown);
      expect(score.declinedRight, `${decline.q}: confident ${d.confident}, handoff ${d.handoff?.url}`).toBe(d.confident === false && d.handoff !== null);
    }
  });

  it('sends the earlier turns with the replies as history, as the widget does', async () => {
    const followUp = chatItems.find((i) => i.category === 'follow-up' && i.q === 'und wie lange dauert das?')!;
    expect(followUp.turns).toEqual(['Wie beantrage ich einen Schwerbehindertenausweis?']);
    const { exchange, history } = await askConversation(server.apiUrl, followUp.turns, followUp.q);
    expect(history.map((t) => t.role)).toEqual(['user', 'assistant']);
    expect(history[0]!.content).toBe(followUp.turns[0]);
    expect(history[1]!.content.length).toBeGreaterThan(0);
    expect(exchange.error).toBeUndefined();
    expect(exchange.done).not.toBeNull();
  });

  it('scores search rankings from /api/search against the labelled page and section', async () => {
    const subset = searchItems.slice(0, 5);
    const scored = await measureSearch(server.apiUrl, subset);
    for (const { item: query, score } of scored) {
      const { results } = await searchApi(server.apiUrl, query.q);
      const rank = results.slice(0, 10).findIndex((r) => query.expected.includes(pagePath(r.url)));
      expect(score.pageRR, query.q).toBe(rank < 0 ? 0 : 1 / (rank + 1));
    }
  });
});

const xquadFile = await findXquadFile();

describe.skipIf(!xquadFile)('XQuAD second opinion over HTTP (needs ../shared/data/xquad)', () => {
  it('builds the XQuAD site, crawls it and scores a few questions against their paragraph', async () => {
    const xquad = await startXquadSite(xquadFile!);
    const xserver = await startCheckoutServer({ label: 'test-xquad', checkout: CURRENT_CHECKOUT, siteUrl: xquad.url });
    try {
      expect(xquad.questions).toHaveLength(1190);
      const sample = sampleEvery(xquad.questions, 4);
      const scored = await measureXquad(xserver.apiUrl, sample);
      expect(scored).toHaveLength(4);
      for (const { item: q, score } of scored) {
        expect(q.section.startsWith(q.page)).toBe(true);
        if (score.citesSection) expect(score.citesPage).toBe(true);
        expect(score.search.sectionRR).not.toBeNull();
      }
    } finally {
      await xserver.close();
      await xquad.close();
    }
  });
});
