import type { Manifest, Passage } from '@auskunft/core';
import type { CollectResult } from '../collect.js';
import type { CrawlSettings } from '../config.js';
import { compareFaqFiles, compareWithPrevious } from '../incremental/changes.js';
import { CRAWL_REPORT_FILE, CRAWL_STATE_FILE, type CrawlState } from '../incremental/crawl-state.js';
import type { PreviousIndex } from '../incremental/previous-index.js';
import { countByCategory, type CrawlReport } from '../report.js';
import type { EmbeddedPassages } from './embed.js';
import { writeIndex } from './write-index.js';

export interface CrawlOutput {
  startUrls: string[];
  outDir: string;
  settings: CrawlSettings;
  extraction: string;
  collected: CollectResult;
  passages: Passage[];
  embedded: EmbeddedPassages;
  embedder: { id: string };
  faqFiles: { files: number; entries: number };
  previous: PreviousIndex | null;
  warnings: string[];
  startedAt: number;
  /** What the crawl learned about the site (see `Manifest.learned`). */
  learned?: Manifest['learned'];
}

/**
 * The write stage: the index files plus, beside them, the crawl state (for the next incremental
 * crawl) and the crawl report, then the switch of CURRENT. Returns the report.
 */
export async function writeCrawl(output: CrawlOutput): Promise<CrawlReport> {
  const { collected, passages, embedded, previous } = output;
  const { documents, skipped } = collected;
  const state: CrawlState = { formatVersion: 1, extraction: output.extraction, urls: collected.state };
  const indexedUrls = new Set(documents.map((d) => d.url));
  const removedUrls = previous ? previous.documentUrls().filter((url) => !indexedUrls.has(url)) : [];
  const heldBack = holdBack(collected, previous, output.settings.maxFailureShare);
  let report: CrawlReport | undefined;
  const written = await writeIndex({
    outDir: output.outDir,
    startUrls: output.startUrls,
    pages: documents.length,
    passages,
    vectors: embedded.vectors,
    embedder: { id: output.embedder.id, dimension: embedded.dimension },
    hnsw: { m: output.settings.hnswM, efConstruction: output.settings.hnswEfConstruction },
    startedAt: output.startedAt,
    makeCurrent: !heldBack,
    ...(output.learned ? { learned: output.learned } : {}),
    extraFiles: ({ version, manifest }) => {
      const { files } = manifest;
      report = {
        startUrls: output.startUrls,
        version,
        indexDir: '',
        pages: documents.filter((d) => d.kind === 'html').length,
        pdfs: documents.filter((d) => d.kind === 'pdf').length,
        passages: passages.length,
        faqs: manifest.counts.faqs,
        faqFiles: output.faqFiles,
        changes: { ...compareWithPrevious(documents, previous), removed: removedUrls.length },
        removedUrls,
        keptUrls: collected.kept,
        faqFileChanges: compareFaqFiles(passages.filter((p) => p.origin === 'faq-file'), previous),
        live: !heldBack,
        ...(heldBack ? { heldBack } : {}),
        embedding: { embedded: embedded.embedded, reused: embedded.reused },
        requests: collected.requests,
        notModified: collected.notModified,
        skipped,
        skippedByCategory: countByCategory(skipped),
        warnings: output.warnings,
        embedder: output.embedder.id,
        durationMs: Date.now() - output.startedAt,
        bytes: files.passages.bytes + files.lexical.bytes + files.vectors.bytes,
      };
      return {
        [CRAWL_STATE_FILE]: JSON.stringify(state),
        [CRAWL_REPORT_FILE]: `${JSON.stringify(report, null, 2)}\n`,
      };
    },
  });
  return { ...report!, indexDir: written.dir };
}

/**
 * Why the new version must not go live: more than `maxShare` of the previous version's documents
 * failed temporarily. Their passages were kept, but a crawl that saw so little of the site is
 * more likely an outage than the site's new state, so an operator decides.
 */
function holdBack(collected: CollectResult, previous: PreviousIndex | null, maxShare: number): string | undefined {
  const before = previous?.documentUrls().length ?? 0;
  if (!previous || before === 0 || collected.kept.length / before <= maxShare) return undefined;
  const percent = (share: number) => `${Math.round(share * 1000) / 10} %`;
  return `${collected.kept.length} of ${before} pages of version ${previous.version} failed temporarily (${percent(collected.kept.length / before)}, more than crawl.maxFailureShare ${percent(maxShare)}); the previous version stays live`;
}
