import { ANALYSIS_VERSION } from '../analyze/analyze.js';
import { AuskunftError } from '../errors.js';
import { sha256Hex } from './checksum.js';
import { parseLexicalIndex, type LexicalIndex } from './lexical.js';
import { INDEX_FILES, INDEX_FORMAT_VERSION, parseManifest, type Manifest } from './manifest.js';
import type { Passage } from './passage.js';

/**
 * Where the files of one index version come from: a directory on Node, the static-assets
 * binding on Workers. `read` answers null for a missing file; `name` says where a file is, for
 * error messages.
 */
export interface IndexFileSource {
  read(file: string): Promise<Uint8Array | null>;
  name(file: string): string;
}

/** One index version, checked and parsed; the vector file stays raw for the runtime's HNSW reader. */
export interface IndexContents {
  manifest: Manifest;
  passages: Passage[];
  lexical: LexicalIndex;
  /** Null when the vectors live elsewhere (Cloudflare Vectorize) and were not read. */
  vectors: Uint8Array | null;
}

export interface ReadIndexOptions {
  /** Read and check vectors.hnsw (default). False when vector search goes to Vectorize. */
  vectors?: boolean;
}

/**
 * Reads and validates one index version, independent of the runtime. Every file is checked
 * against the manifest's size and SHA-256 (Web Crypto), so a truncated copy fails loudly at
 * start-up instead of answering wrongly.
 */
export async function readIndexFiles(source: IndexFileSource, options: ReadIndexOptions = {}): Promise<IndexContents> {
  const manifest = parseJson(source, INDEX_FILES.manifest, await required(source, INDEX_FILES.manifest), parseManifest);
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION) {
    throw new AuskunftError('INDEX_FORMAT_UNSUPPORTED', `The index ${source.name(INDEX_FILES.manifest)} has format version ${manifest.formatVersion}; this server reads version ${INDEX_FORMAT_VERSION}. Rebuild it with this version's \`auskunft crawl\`.`);
  }
  if (manifest.analysis !== ANALYSIS_VERSION) {
    throw new AuskunftError('INDEX_FORMAT_UNSUPPORTED', `The index ${source.name(INDEX_FILES.manifest)} was built with text analysis version ${manifest.analysis ?? 1}; this server analyses queries with version ${ANALYSIS_VERSION}, so words would not match. Re-run \`auskunft crawl\` to rebuild it.`);
  }
  const contents: Partial<Record<keyof Manifest['files'], Uint8Array>> = {};
  for (const [key, entry] of Object.entries(manifest.files) as Array<[keyof Manifest['files'], { bytes: number; sha256: string }]>) {
    if (key === 'vectors' && options.vectors === false) continue;
    const file = INDEX_FILES[key];
    const data = await required(source, file);
    if (data.byteLength !== entry.bytes || (await sha256Hex(data)) !== entry.sha256) {
      throw new AuskunftError('INDEX_CORRUPT', `${source.name(file)} does not match its checksum in manifest.json (copied incompletely?). Rebuild the index or restore the directory.`);
    }
    contents[key] = data;
  }
  const passages = parseJson(source, INDEX_FILES.passages, contents.passages!, (json) => {
    if (!Array.isArray(json)) throw new Error('expected an array of passages');
    return json as Passage[];
  });
  const lexical = parseJson(source, INDEX_FILES.lexical, contents.lexical!, parseLexicalIndex);
  return { manifest, passages, lexical, vectors: contents.vectors ?? null };
}

async function required(source: IndexFileSource, file: string): Promise<Uint8Array> {
  let data: Uint8Array | null;
  try {
    data = await source.read(file);
  } catch (error) {
    throw new AuskunftError('INDEX_CORRUPT', `Cannot read ${source.name(file)}: ${(error as Error).message}. The index is incomplete; rebuild it.`, { cause: error });
  }
  if (data === null) throw new AuskunftError('INDEX_CORRUPT', `${source.name(file)} is missing. The index is incomplete; rebuild it.`);
  return data;
}

function parseJson<T>(source: IndexFileSource, file: string, data: Uint8Array, parse: (json: unknown) => T): T {
  try {
    return parse(JSON.parse(new TextDecoder().decode(data)));
  } catch (error) {
    throw new AuskunftError('INDEX_CORRUPT', `${source.name(file)} is not a valid index file: ${(error as Error).message.slice(0, 500)}`, { cause: error });
  }
}

/**
 * Query vectors must come from the embedder that made the passage vectors, or similarities are
 * meaningless; `runtime` names where the mismatch is ("server", "Worker") for the operator.
 */
export function assertSameEmbedder(manifest: Manifest, embedderId: string, runtime: 'server' | 'Worker'): void {
  if (embedderId === manifest.embedder.id) return;
  const peer = runtime === 'Worker' ? 'Worker' : 'serve';
  throw new AuskunftError('EMBEDDER_MISMATCH', `The index was built with embedder "${manifest.embedder.id}" but the ${runtime} is configured for "${embedderId}". Use the same embedder settings for crawl and ${peer}, or rebuild the index.`);
}
