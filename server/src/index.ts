export { createApp, type AppDeps, type App } from './app.js';
export { serverSettings, type ServerSettings } from './config.js';
export { createRetriever, type Retriever, type Retrieval, type RetrievedPassage } from './retrieve/retrieve.js';
export { loadIndexFromDisk, type LoadedIndex } from './load-index.js';
export type { VectorSearch, VectorHit } from './vectors/vector-search.js';
export type { Answer, Source, Handoff } from './answer/answer.js';
