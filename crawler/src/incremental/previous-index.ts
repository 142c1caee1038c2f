import { readFile } from 'node:fs/promises';
import { readCurrentVersion, readVersionDir, readVersionFile, vectorsPath, versionDir } from '@auskunft/core/fs';
import { sha256Hex, type IndexContents, type Passage } from '@auskunft/core';
import hnswlib from 'hnswlib-node';
import { CRAWL_STATE_FILE, parseCrawlState, type CrawlState } from './crawl-state.js';
import { embeddingKey } from '../write/embed.js';

/** The index version being served, as far as an incremental crawl can reuse it. */
export interface PreviousIndex {
  version: string;
  /** Null when the state is missing or was made with other extraction settings: then every page is fetched in full. */
  state: CrawlState | null;
  /** Passages stored under a document URL. */
  passagesOf(url: string): Passage[] | undefined;
  documentUrls(): string[];
  /** The passages of the editors' FAQ files in that version. */
  faqFilePassages(): Passage[];
  /** The stored vector of a passage with this embedding key, when the embedder is the same. */
  vectorFor(key: string): Float32Array | undefined;
  close(): void;
}

/**
 * Opens the current version in `outDir` for reuse. Returns null (with the reason in `onWarning`)
 * when there is none or it cannot be trusted; the crawl then simply starts from scratch.
 * Vectors are read back from the HNSW file with hnswlib-node's `getPoint(label)` (label =
 * passage id), and only when the previous version was built by the same embedder.
 */
export async function loadPreviousIndex(
  outDir: string,
  options: { embedderId: string; extraction: string; onWarning: (message: string) => void },
): Promise<PreviousIndex | null> {
  let version: string | null;
  let contents: IndexContents;
  try {
    version = await readCurrentVersion(outDir);
    if (!version) return null;
    // The same checks the server makes (checksums, format and analysis version): an index the
    // server would refuse is not reused either.
    contents = await readVersionDir(versionDir(outDir, version), { vectors: false });
  } catch (error) {
    options.onWarning(`previous version not reused (${error instanceof Error ? error.message : String(error)}); everything is fetched and embedded anew`);
    return null;
  }
  const dir = versionDir(outDir, version);
  const { manifest, passages } = contents;
  const stateJson = await readVersionFile(dir, CRAWL_STATE_FILE).then((text) => (text === null ? null : JSON.parse(text))).catch(() => null);
  const state = parseCrawlState(stateJson, options.extraction);

  const byUrl = new Map<string, Passage[]>();
  const faqFile: Passage[] = [];
  for (const p of passages) {
    // FAQ-file entries share their source page's URL but are re-read from the files every crawl.
    if (p.origin === 'faq-file') {
      faqFile.push(p);
      continue;
    }
    const list = byUrl.get(p.url);
    if (list) list.push(p);
    else byUrl.set(p.url, [p]);
  }
  const sameEmbedder = manifest.embedder.id === options.embedderId;
  let labels: Map<string, number> | null = null;
  let vectors: InstanceType<typeof hnswlib.HierarchicalNSW> | null = null;
  const openVectors = async () => {
    labels = new Map(passages.map((p) => [embeddingKey(p), p.id]));
    const path = vectorsPath(dir);
    if ((await sha256Hex(await readFile(path))) !== manifest.files.vectors.sha256) {
      options.onWarning(`previous vectors do not match their checksum; all passages are embedded anew`);
      labels = new Map();
      return;
    }
    vectors = new hnswlib.HierarchicalNSW('cosine', manifest.embedder.dimension);
    vectors.readIndexSync(path);
  };
  if (sameEmbedder) await openVectors();

  return {
    version,
    state,
    passagesOf: (url) => byUrl.get(url),
    documentUrls: () => [...byUrl.keys()],
    faqFilePassages: () => faqFile,
    vectorFor(key) {
      const label = labels?.get(key);
      if (label === undefined || !vectors) return undefined;
      return Float32Array.from(vectors.getPoint(label));
    },
    close() {
      vectors = null;
    },
  };
}
