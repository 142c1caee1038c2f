import type { CheerioAPI } from 'cheerio';

export type JsonLdNode = Record<string, unknown>;

/**
 * Every node of a page's schema.org JSON-LD blocks, in the shapes CMSs emit: a single object, an
 * array, or an `@graph`. Read before the extractor drops `<script>` elements. A block that does
 * not parse is ignored: it says nothing about the visible page.
 */
export function readJsonLd($: CheerioAPI): JsonLdNode[] {
  const nodes: JsonLdNode[] = [];
  $('script[type="application/ld+json"]').each((_, el) => {
    try {
      nodes.push(...flattenJsonLd(JSON.parse($(el).text())));
    } catch {
      // Not JSON: skip the block.
    }
  });
  return nodes;
}

/** A value as its nodes: arrays and `@graph` lists are opened, other values give none. */
export function flattenJsonLd(value: unknown): JsonLdNode[] {
  if (Array.isArray(value)) return value.flatMap(flattenJsonLd);
  if (typeof value !== 'object' || value === null) return [];
  const node = value as JsonLdNode;
  return Array.isArray(node['@graph']) ? [node, ...flattenJsonLd(node['@graph'])] : [node];
}

/** The node's `@type` values (one or a list). */
export function jsonLdTypes(node: JsonLdNode): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}
