import { passageUrl } from '@auskunft/core';
import type { SearchResponseWire, SearchResultWire } from '@auskunft/core/api';
import { Hono } from 'hono';
import { groupByPage } from '../retrieve/group.js';
import type { Retriever } from '../retrieve/retrieve.js';
import { FilterError } from '../retrieve/filter.js';
import { createLru } from '../retrieve/lru.js';
import { makeSnippet } from '../retrieve/snippet.js';
import { ApiError } from '../http/api-error.js';
import { requireText } from '../http/validate.js';
import { scrubPersonalData, type Scrubber } from '../privacy/scrub.js';

export interface SearchRouteOptions {
  retriever: Retriever;
  maxQueryChars: number;
  results: number;
  /** Called once per search with the scrubbed query and the number of pages found. */
  onSearch?: (query: string, results: number) => void;
  /** Responses kept for repeated searches (same query and filters); 0 keeps none. */
  cacheSize?: number;
  /** Default: `scrubPersonalData`; the app passes one that knows the authority's own contact data. */
  scrub?: Scrubber;
}

type SearchResult = SearchResultWire;

/**
 * GET /api/search?q=…[&prefix=/pfad/][&lang=de] → one result per page, best first. Site search
 * traffic repeats its popular queries, so recent responses are kept (per index version: the
 * app, and with it this cache, is rebuilt when a new version goes live).
 */
export function searchRoute(options: SearchRouteOptions) {
  const cache = createLru<string, SearchResult[]>(options.cacheSize ?? 0);
  const scrub = options.scrub ?? scrubPersonalData;
  return new Hono().get('/', async (c) => {
    const query = requireText(c.req.query('q'), 'q', options.maxQueryChars);
    // Several passages per page are fetched so grouping still fills the result list.
    const filter = { prefix: c.req.query('prefix') || undefined, lang: c.req.query('lang') || undefined };
    // A released or withdrawn editors' entry changes the results without a new index version.
    const key = JSON.stringify([options.retriever.generation?.() ?? 0, query, filter.prefix, filter.lang]);
    const cached = cache.get(key);
    if (cached) {
      options.onSearch?.(scrub(query), cached.length);
      return c.json({ query, results: cached } satisfies SearchResponseWire);
    }
    let retrieval;
    try {
      retrieval = await options.retriever.retrieve(query, options.results * 4, filter);
    } catch (error) {
      if (error instanceof FilterError) throw new ApiError(400, 'INVALID_FILTER', error.message);
      throw error;
    }
    const results = groupByPage(retrieval.passages)
      .slice(0, options.results)
      .map((page): SearchResult => {
        const snippet = makeSnippet(page.best.passage.text, retrieval.terms);
        return {
          url: page.url,
          title: page.title,
          section: page.best.passage.section,
          sectionUrl: passageUrl(page.best.passage),
          snippet: snippet.text,
          highlights: snippet.highlights,
          score: Number(page.score.toFixed(6)),
        };
      });
    cache.set(key, results);
    options.onSearch?.(scrub(query), results.length);
    return c.json({ query, results } satisfies SearchResponseWire);
  });
}
