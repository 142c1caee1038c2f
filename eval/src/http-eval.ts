import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listDemoPages, startDemoSite } from '@auskunft/demo-site';
import { pagePath } from './citations.js';
import { startCheckoutServer } from './checkout-stack.js';
import { loadChatItems, loadDeclineItems, loadSearchItems } from './eval-items.js';
import { measureChat, measureDecline, measureSearch, measureXquad, type SearchQuery } from './measure.js';
import type { SystemRun } from './http-report.js';
import { loadQuestions } from './questions.js';
import { fetchSiteMap } from './site-pages.js';
import { findXquadFile, sampleEvery, startXquadSite } from './xquad-site.js';

/** The checkout this harness belongs to (eval/dist/ → repository root). */
export const CURRENT_CHECKOUT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface HttpEvalOptions {
  /** Checkouts to measure: the current one first, then e.g. a baseline worktree. */
  checkouts: Array<{ label: string; dir: string }>;
  parts: { chat: boolean; search: boolean; xquad: boolean };
  /** XQuAD: measure about this many questions (every k-th), all when absent. */
  xquadLimit?: number;
  xquadFile?: string;
  /** Progress lines (stderr). */
  log?: (line: string) => void;
}

export interface HttpEvalResult {
  runs: SystemRun[];
  /** Why XQuAD was skipped, if it was. */
  xquadSkipped: string | null;
  xquadFile: string | null;
  counts: { chat: number; decline: number; search: Record<string, number>; xquad: number; pages: number };
}

/**
 * Measures each checkout the way a citizen meets it: the demo site is served on 127.0.0.1, each
 * checkout's own CLI crawls it and serves the index, and every question goes through
 * POST /api/chat and GET /api/search. All checkouts see the same site in the same run, so
 * before/after numbers differ only by the code.
 */
export async function runHttpEval(options: HttpEvalOptions): Promise<HttpEvalResult> {
  const log = options.log ?? (() => {});
  const site = await startDemoSite();
  const runs: SystemRun[] = options.checkouts.map(({ label }) => ({ label, commit: '', chat: [], decline: [], search: [], xquad: null }));
  let xquadSkipped: string | null = null;
  let xquadFile: string | null = null;
  const counts = { chat: 0, decline: 0, search: {} as Record<string, number>, xquad: 0, pages: 0 };
  try {
    const paths = await listDemoPages();
    const { site: siteMap, html } = await fetchSiteMap(site.url, paths);
    counts.pages = paths.length;
    const chatItems = await loadChatItems(siteMap);
    const declineItems = await loadDeclineItems();
    const colloquial = await loadSearchItems(siteMap);
    const questions = (await loadQuestions(paths)).filter((q) => q.expected.length > 0);
    const searchSets: Array<{ set: string; items: SearchQuery[] }> = [
      { set: 'demo-search-colloquial', items: colloquial },
      { set: 'questions.json (in scope)', items: questions.map((q, i) => ({ id: `questions-${i + 1}`, category: q.category, q: q.q, expected: q.expected })) },
    ];
    counts.chat = chatItems.length;
    counts.decline = declineItems.length;
    for (const s of searchSets) counts.search[s.set] = s.items.length;
    const isKnownDemoUrl = knownUrlCheck(site.url, [...paths, ...linkedPaths(site.url, html)]);

    if (options.parts.chat || options.parts.search) {
      for (const [i, checkout] of options.checkouts.entries()) {
        log(`${checkout.label}: crawling the demo site with ${checkout.dir}/cli …`);
        const server = await startCheckoutServer({ label: checkout.label, checkout: checkout.dir, siteUrl: site.url, faqDir: join(CURRENT_CHECKOUT, 'demo-site', 'faq') });
        const run = runs[i]!;
        run.commit = server.commit;
        try {
          if (options.parts.chat) {
            log(`${checkout.label}: ${chatItems.length} chat questions and ${declineItems.length} messages to decline via ${server.apiUrl}api/chat …`);
            run.chat = await measureChat(server.apiUrl, chatItems, isKnownDemoUrl);
            run.decline = await measureDecline(server.apiUrl, declineItems, isKnownDemoUrl);
          }
          if (options.parts.search) {
            log(`${checkout.label}: search sets via ${server.apiUrl}api/search …`);
            for (const s of searchSets) run.search.push({ set: s.set, rows: await measureSearch(server.apiUrl, s.items) });
          }
        } finally {
          await server.close();
        }
      }
    }

    if (options.parts.xquad) {
      xquadFile = await findXquadFile(options.xquadFile);
      if (!xquadFile) xquadSkipped = 'XQuAD skipped: ../shared/data/xquad/xquad.de.json not found (set AUSKUNFT_EVAL_XQUAD or --xquad to its path).';
      else {
        const xquad = await startXquadSite(xquadFile);
        try {
          const sample = sampleEvery(xquad.questions, options.xquadLimit);
          counts.xquad = sample.length;
          for (const [i, checkout] of options.checkouts.entries()) {
            log(`${checkout.label}: crawling the XQuAD site (${xquad.pages.length} articles) and asking ${sample.length} questions …`);
            const server = await startCheckoutServer({ label: `${checkout.label}-xquad`, checkout: checkout.dir, siteUrl: xquad.url });
            try {
              runs[i]!.commit ||= server.commit;
              runs[i]!.xquad = await measureXquad(server.apiUrl, sample);
            } finally {
              await server.close();
            }
          }
        } finally {
          await xquad.close();
        }
      }
    }
  } finally {
    await site.close();
  }
  return { runs, xquadSkipped, xquadFile, counts };
}

/** A source URL is valid when it is on the site's origin and a page (or linked file, e.g. a PDF) of it. */
export function knownUrlCheck(siteUrl: string, paths: Iterable<string>): (url: string) => boolean {
  const origin = new URL(siteUrl).origin;
  const known = new Set(paths);
  return (url) => {
    try {
      const parsed = new URL(url, siteUrl);
      return parsed.origin === origin && known.has(parsed.pathname);
    } catch {
      return false;
    }
  };
}

/** Same-origin paths linked from the pages (PDFs and other documents the crawler may index). */
function linkedPaths(siteUrl: string, html: ReadonlyMap<string, string>): string[] {
  const origin = new URL(siteUrl).origin;
  const out = new Set<string>();
  for (const [path, body] of html) {
    for (const match of body.matchAll(/href="([^"]+)"/g)) {
      try {
        const url = new URL(match[1]!.replace(/&amp;/g, '&'), new URL(path, siteUrl));
        if (url.origin === origin) out.add(pagePath(url.href));
      } catch {
        // not a URL
      }
    }
  }
  return [...out];
}
