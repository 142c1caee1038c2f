import { gunzipSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import type { HttpResponse } from '../fetch/fetcher.js';
import { canonicalizeUrl } from '../url.js';

export interface SitemapEntry {
  url: string;
  /** <lastmod> as given (W3C datetime), if any. */
  lastmod?: string;
}

export interface SitemapResult {
  entries: SitemapEntry[];
  /** Sitemaps that could not be read, with the reason; they go into the report as warnings. */
  problems: string[];
}

export interface ReadSitemapsOptions {
  /** GETs a sitemap; returns its bytes or a reason why not. */
  get: (url: string) => Promise<Uint8Array | { problem: string }>;
  /** Sitemap index nesting followed; the protocol allows one level, real sites sometimes use two. */
  maxNesting?: number;
  /** Sitemap files read in total, so a generated sitemap index cannot make the crawl endless. */
  maxFiles?: number;
}

/** The protocol's limit for one uncompressed sitemap (https://www.sitemaps.org/protocol.html). */
const MAX_SITEMAP_BYTES = 50 * 1024 * 1024;

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'url' || name === 'sitemap',
});

/**
 * Reads sitemaps and sitemap indexes (https://www.sitemaps.org/protocol.html), gzip-compressed or
 * not, and returns every page URL they list. Compression is recognised by its magic bytes, not
 * the file name or content type, because servers label `.xml.gz` files inconsistently. A sitemap
 * that cannot be read is reported and the others still count.
 *
 * @example
 * const { entries } = await readSitemaps(['https://www.example.de/sitemap.xml'], { get });
 */
export async function readSitemaps(urls: readonly string[], options: ReadSitemapsOptions): Promise<SitemapResult> {
  const maxNesting = options.maxNesting ?? 2;
  const maxFiles = options.maxFiles ?? 1000;
  const entries: SitemapEntry[] = [];
  const problems: string[] = [];
  const visited = new Set<string>();

  const read = async (url: string, nesting: number): Promise<void> => {
    if (visited.has(url)) return;
    if (visited.size >= maxFiles) return void problems.push(`${url}: not read, more than ${maxFiles} sitemap files`);
    visited.add(url);
    const got = await options.get(url);
    if (!(got instanceof Uint8Array)) return void problems.push(`${url}: ${got.problem}`);
    let parsed: { urls: SitemapEntry[]; sitemaps: string[] };
    try {
      parsed = parseSitemap(got);
    } catch (error) {
      return void problems.push(`${url}: not a readable sitemap (${error instanceof Error ? error.message : String(error)})`);
    }
    entries.push(...parsed.urls);
    for (const child of parsed.sitemaps) {
      if (nesting >= maxNesting) problems.push(`${child}: not read, sitemap indexes nested deeper than ${maxNesting}`);
      else await read(child, nesting + 1);
    }
  };
  for (const url of urls) await read(url, 0);
  return { entries, problems };
}

/** Parses one sitemap or sitemap index; gzip is unpacked first. Throws on anything else. */
export function parseSitemap(bytes: Uint8Array): { urls: SitemapEntry[]; sitemaps: string[] } {
  const isGzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const data = isGzip ? gunzipSync(bytes, { maxOutputLength: MAX_SITEMAP_BYTES }) : bytes;
  const xml = new TextDecoder('utf-8').decode(data);
  const doc = parser.parse(xml) as Record<string, unknown>;
  if (!('urlset' in doc) && !('sitemapindex' in doc)) throw new Error('neither <urlset> nor <sitemapindex>');
  // An empty <urlset/> parses to '', hence the object check.
  const urlset = typeof doc['urlset'] === 'object' ? (doc['urlset'] as { url?: Array<Record<string, unknown>> }) : undefined;
  const index = typeof doc['sitemapindex'] === 'object' ? (doc['sitemapindex'] as { sitemap?: Array<Record<string, unknown>> }) : undefined;
  const urls = (urlset?.url ?? []).flatMap((u) => {
    const loc = text(u['loc']);
    if (!loc) return [];
    const lastmod = text(u['lastmod']);
    return [lastmod ? { url: loc, lastmod } : { url: loc }];
  });
  const sitemaps = (index?.sitemap ?? []).map((s) => text(s['loc'])).filter((loc): loc is string => Boolean(loc));
  return { urls, sitemaps };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

export interface DiscoverOptions {
  origins: Iterable<string>;
  /** Sitemaps named by the operator (`crawl.sitemaps`). */
  extra: readonly string[];
  /** Sitemaps named in an origin's robots.txt. */
  sitemapsOf: (origin: string) => Promise<string[]>;
  fetch: (url: string) => Promise<HttpResponse>;
}

/**
 * The sitemaps a crawl reads: the operator's, those in robots.txt, and `/sitemap.xml` for an
 * origin whose robots.txt names none. Returns their page URLs canonicalised, and warnings for
 * sitemaps that could not be read, except a guessed /sitemap.xml that does not exist (most
 * sites have none unless robots.txt names one).
 */
export async function discoverFromSitemaps(options: DiscoverOptions): Promise<{ entries: SitemapEntry[]; warnings: string[] }> {
  const listed = new Set(options.extra.map((u) => canonicalizeUrl(u)).filter((u): u is string => u !== null));
  const guessed = new Set<string>();
  for (const origin of options.origins) {
    const fromRobots = await options.sitemapsOf(origin);
    for (const url of fromRobots) listed.add(url);
    if (fromRobots.length === 0) guessed.add(`${origin}/sitemap.xml`);
  }
  const { entries, problems } = await readSitemaps([...listed, ...guessed], {
    get: async (url) => {
      try {
        const response = await options.fetch(url);
        return response.status === 200 && response.body ? response.body : { problem: `HTTP ${response.status}` };
      } catch (error) {
        return { problem: error instanceof Error ? error.message : String(error) };
      }
    },
  });
  const warnings = problems.filter((p) => ![...guessed].some((g) => p.startsWith(`${g}: HTTP 404`))).map((p) => `sitemap ${p}`);
  const canonical = entries.flatMap((e) => {
    const url = canonicalizeUrl(e.url);
    return url ? [{ ...e, url }] : [];
  });
  return { entries: canonical, warnings };
}
