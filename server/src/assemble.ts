import type { Embedder, LexicalIndex, Manifest, Passage, SynonymTable } from '@auskunft/core';
import type { AnswerContext } from './answer/answer-question.js';
import type { ChatGenerator } from './answer/generate-llm.js';
import { handoffChooser } from './answer/choose-handoff.js';
import { parseConfiguredContacts } from './answer/configured-contacts.js';
import { createContactDirectory } from './answer/contact-directory.js';
import { resolveHandoff } from './answer/handoff.js';
import type { ServerSettings } from './config.js';
import type { Logger } from './http/log.js';
import { scrubPersonalData } from './privacy/scrub.js';
import { createRetriever, type Retriever, type RetrieverOptions } from './retrieve/retrieve.js';
import type { RemoteVectorSearch, VectorSearch } from './vectors/vector-search.js';
import { withEditorEntries, type EditorOverlay } from './editor/overlay.js';

/** What a runtime has chosen and loaded: the index, its vector search, the embedder and synonyms. */
export interface AssembleParts {
  index: { manifest: Manifest; passages: readonly Passage[]; lexical: LexicalIndex };
  vectors: VectorSearch | RemoteVectorSearch;
  embedder: Embedder;
  synonyms: SynonymTable;
  /** Released entries of the editors' console, searched as FAQ passages next to the index's. */
  editorEntries?: EditorOverlay | undefined;
}

/** The settings that shape retrieval; see assemble. */
export type RetrievalSettings = Pick<ServerSettings, 'minVectorSimilarity' | 'vectorWeight' | 'embeddingCacheSize'>;

/**
 * The one place where settings become the retriever's options, so Node, the Worker and the CLI
 * rank alike (the Worker once built its own and lost `embeddingCacheSize`).
 */
export function retrieverOptions(settings: RetrievalSettings, parts: AssembleParts): RetrieverOptions {
  return {
    passages: parts.index.passages,
    lexical: parts.index.lexical,
    vectors: parts.vectors,
    embedder: parts.embedder,
    synonyms: parts.synonyms,
    minVectorSimilarity: settings.minVectorSimilarity,
    vectorWeight: settings.vectorWeight,
    embeddingCacheSize: settings.embeddingCacheSize,
  };
}

export type AnswerSettings = Pick<ServerSettings, 'minAnswerCoverage' | 'contactUrl' | 'contactLabel' | 'llmTimeoutMs' | 'llmPassages'> & Partial<Pick<ServerSettings, 'handoffContacts'>>;

/** Settings, retriever and (optional) model → what the chat needs to answer. */
export function answerContext(
  settings: AnswerSettings,
  deps: { retriever: Retriever; passages: readonly Passage[]; generator?: ChatGenerator | undefined; logger?: Logger | undefined },
): AnswerContext {
  const general = resolveHandoff(deps.passages, settings.contactUrl, settings.contactLabel);
  const handoffFor = handoffChooser({ contacts: createContactDirectory(deps.passages), config: parseConfiguredContacts(settings.handoffContacts), general });
  return {
    retriever: deps.retriever,
    compose: { minCoverage: settings.minAnswerCoverage, handoff: handoffFor([]), handoffFor },
    generator: deps.generator,
    llmTimeoutMs: settings.llmTimeoutMs,
    llmPassages: settings.llmPassages,
    // An endpoint's error message may quote the prompt it was given, so it is scrubbed too.
    ...(deps.logger ? { onFallback: (reason, detail) => deps.logger!.log('warn', 'llm_fallback', { reason, detail: scrubPersonalData(detail).slice(0, 300) }) } : {}),
  } satisfies AnswerContext;
}

/**
 * The composition root for every runtime: settings plus the parts a runtime picked (hnswlib,
 * the plain HNSW reader or Vectorize; disk or static assets) → the retriever the app, `auskunft
 * ask` and the editors' report all use.
 *
 * @example const retriever = assemble(settings, { index, vectors, embedder, synonyms });
 */
export function assemble(settings: RetrievalSettings, parts: AssembleParts): Retriever {
  const options = retrieverOptions(settings, parts);
  return parts.editorEntries ? withEditorEntries(options, parts.editorEntries) : createRetriever(options);
}
