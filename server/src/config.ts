import { defineSettings, type Settings } from '@auskunft/core';

/** Server settings; each can be set by flag, `AUSKUNFT_*` variable or auskunft.config.json. */
export const serverSettings = defineSettings({
  host: {
    type: 'string', key: 'server.host', env: 'AUSKUNFT_HOST', default: '127.0.0.1',
    doc: 'Interface to listen on; 0.0.0.0 to accept connections from other machines.',
  },
  port: {
    type: 'integer', key: 'server.port', env: 'AUSKUNFT_PORT', default: 8080, min: 0, max: 65535,
    doc: 'TCP port (0 picks a free one).',
  },
  indexDir: {
    type: 'string', key: 'server.indexDir', env: 'AUSKUNFT_INDEX_DIR', default: 'index-data',
    doc: 'Index directory written by `auskunft crawl` (or one version directory inside it).',
  },
  corsOrigins: {
    type: 'list', key: 'server.corsOrigins', env: 'AUSKUNFT_CORS_ORIGINS', default: [],
    doc: 'Origins of the websites that embed the widget, comma-separated ("*" allows any). Empty: same origin only.',
  },
  maxQueryChars: {
    type: 'integer', key: 'limits.maxQueryChars', env: 'AUSKUNFT_MAX_QUERY_CHARS', default: 2000, min: 10, zeroDisables: true,
    doc: 'Longest search query or chat message accepted, in characters.',
  },
  maxBodyBytes: {
    type: 'integer', key: 'limits.maxBodyBytes', env: 'AUSKUNFT_MAX_BODY_BYTES', default: 32_768, min: 1024, zeroDisables: true,
    doc: 'Largest request body accepted, in bytes.',
  },
  maxHistoryTurns: {
    type: 'integer', key: 'limits.maxHistoryTurns', env: 'AUSKUNFT_MAX_HISTORY_TURNS', default: 20, min: 0, max: 200,
    doc: 'Most earlier chat turns accepted in one request.',
  },
  searchResults: {
    type: 'integer', key: 'search.results', env: 'AUSKUNFT_SEARCH_RESULTS', default: 10, min: 1, max: 100,
    doc: 'Pages returned by /api/search.',
  },
  hnswEf: {
    type: 'integer', key: 'search.hnswEf', env: 'AUSKUNFT_SEARCH_HNSW_EF', default: 100, min: 10, max: 5000,
    doc: 'HNSW query-time search width (higher: better recall, slower).',
  },
  minVectorSimilarity: {
    type: 'number', key: 'search.minVectorSimilarity', env: 'AUSKUNFT_SEARCH_MIN_VECTOR_SIMILARITY', default: 0.3, min: 0, max: 1,
    doc: 'Cosine similarity below which a passage found only by vectors is not shown.',
  },
  vectorWeight: {
    type: 'number', key: 'search.vectorWeight', env: 'AUSKUNFT_SEARCH_VECTOR_WEIGHT', default: 0.5, min: 0, max: 10,
    doc: 'Weight of vector similarity against BM25 (1) in rank fusion; raise it for a strong embedding model.',
  },
  minAnswerCoverage: {
    type: 'number', key: 'chat.minCoverage', env: 'AUSKUNFT_CHAT_MIN_COVERAGE', default: 0.5, min: 0, max: 1,
    doc: 'Share of the question\'s (IDF-weighted) terms the best passage must contain before the chat answers instead of handing off.',
  },
  contactUrl: {
    type: 'url', key: 'chat.contactUrl', env: 'AUSKUNFT_CONTACT_URL', default: undefined,
    doc: 'Page the chat hands off to when it has no answer. Unset: the indexed page whose title or URL says "Kontakt".',
  },
  contactLabel: {
    type: 'string', key: 'chat.contactLabel', env: 'AUSKUNFT_CONTACT_LABEL', default: undefined,
    doc: 'Name of the hand-off contact, e.g. "Inklusionsamt, Telefon 0221 555-0". Unset: that page\'s title.',
  },
});

export type ServerSettings = Settings<typeof serverSettings>;
