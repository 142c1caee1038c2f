import type { SearchResponseWire, SearchResultWire } from '@auskunft/core/api';
import { ApiError, arr, isAbortError, obj, str, type ErrorMessages, type Request } from './request';

// The server's wire types (types only: nothing of core ends up in widget.js).
export type SearchResult = SearchResultWire;
export type SearchResponse = SearchResponseWire;

export type Search = (query: string, signal: AbortSignal) => Promise<SearchResponse>;

/** GET /api/search?q=… with the response validated loosely (see parseSearchResponse). */
export function createSearch(request: Request, messages: ErrorMessages): Search {
  return async (query, signal) => {
    const res = await request(`/api/search?q=${encodeURIComponent(query)}`, { headers: { accept: 'application/json' }, signal });
    let data: unknown;
    try {
      data = await res.json();
    } catch (err) {
      throw isAbortError(err) ? err : new ApiError('bad_response', messages.errorGeneric);
    }
    return parseSearchResponse(data, query);
  };
}

/** Malformed results (no title or url) are dropped, missing fields defaulted. */
export function parseSearchResponse(data: unknown, query: string): SearchResponse {
  const results: SearchResult[] = [];
  for (const item of arr(obj(data).results)) {
    const r = obj(item);
    const url = str(r.url);
    const title = str(r.title);
    if (!url || !title) continue;
    results.push({
      url,
      title,
      section: str(r.section) || null,
      sectionUrl: str(r.sectionUrl) || url,
      snippet: str(r.snippet),
      highlights: arr(r.highlights).filter(isRange),
      score: Number(r.score) || 0,
    });
  }
  return { query: str(obj(data).query) || query, results };
}

function isRange(v: unknown): v is [number, number] {
  return Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number';
}
