import { z } from 'zod';

/** Bumped whenever a file's layout changes so an old server refuses a new index, and vice versa. */
export const INDEX_FORMAT_VERSION = 1;

/** File names inside one index version directory. */
export const INDEX_FILES = {
  manifest: 'manifest.json',
  passages: 'passages.json',
  lexical: 'lexical.json',
  vectors: 'vectors.hnsw',
} as const;

const fileEntry = z.object({ bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

export const manifestSchema = z.object({
  formatVersion: z.number().int(),
  version: z.string().min(1),
  createdAt: z.string(),
  source: z.object({ startUrls: z.array(z.string()) }),
  embedder: z.object({ id: z.string().min(1), dimension: z.number().int().positive() }),
  /** ANALYSIS_VERSION at build time; absent in indexes written before it was recorded. */
  analysis: z.number().int().positive().optional(),
  vectors: z.object({
    space: z.literal('cosine'),
    m: z.number().int().positive(),
    efConstruction: z.number().int().positive(),
  }),
  counts: z.object({
    pages: z.number().int().nonnegative(),
    passages: z.number().int().nonnegative(),
    faqs: z.number().int().nonnegative(),
    terms: z.number().int().nonnegative(),
  }),
  /**
   * What the crawler learned from the site itself, so editors can see why a section is not
   * found: its repeated template blocks and link lists (crawler/src/write/site-templates.ts).
   */
  learned: z
    .object({
      templates: z.object({
        minPages: z.number().int().nonnegative(),
        repeatedLines: z.number().int().nonnegative(),
        templatePassages: z.number().int().nonnegative(),
        linkListPassages: z.number().int().nonnegative(),
      }),
    })
    .optional(),
  buildMs: z.number().nonnegative(),
  files: z.object({
    passages: fileEntry,
    lexical: fileEntry,
    vectors: fileEntry,
  }),
});

/** manifest.json: what an index version contains and how it was built. */
export type Manifest = z.infer<typeof manifestSchema>;

export function parseManifest(json: unknown): Manifest {
  return manifestSchema.parse(json);
}
