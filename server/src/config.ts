import { defineSettings, type Settings } from '@auskunft/core';
import { checkConfiguredContacts } from './answer/configured-contacts.js';

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
  workers: {
    type: 'integer', key: 'server.workers', env: 'AUSKUNFT_WORKERS', default: 0, min: 0, max: 256,
    doc: '`auskunft serve` worker processes (node:cluster), each holding its own copy of the index (see docs/performance.md for the memory per worker); 0: one per CPU core, 1: a single process.',
  },
  indexDir: {
    type: 'string', key: 'server.indexDir', env: 'AUSKUNFT_INDEX_DIR', default: 'index-data',
    doc: 'Index directory written by `auskunft crawl` (or one version directory inside it).',
  },
  reloadIntervalMs: {
    type: 'integer', key: 'server.reloadIntervalMs', env: 'AUSKUNFT_RELOAD_INTERVAL_MS', default: 5000, min: 100, zeroDisables: true,
    doc: 'How often the server checks index-data/CURRENT and switches to a newly built (or rolled back) version without downtime.',
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
    type: 'integer', key: 'search.hnswEf', env: 'AUSKUNFT_SEARCH_HNSW_EF', default: 400, min: 10, max: 5000,
    doc: 'HNSW query-time search width (higher: better recall, slower; see docs/performance.md).',
  },
  searchCacheSize: {
    type: 'integer', key: 'search.cacheSize', env: 'AUSKUNFT_SEARCH_CACHE_SIZE', default: 1000, min: 1, max: 1_000_000, zeroDisables: true,
    doc: 'Search responses kept in memory per index version for repeated queries (same words and filters).',
  },
  embeddingCacheSize: {
    type: 'integer', key: 'search.embeddingCacheSize', env: 'AUSKUNFT_SEARCH_EMBEDDING_CACHE_SIZE', default: 1000, min: 1, max: 1_000_000, zeroDisables: true,
    doc: 'Query vectors kept in memory, so repeated questions skip the embedding model (a network round trip with hf-inference).',
  },
  minVectorSimilarity: {
    type: 'number', key: 'search.minVectorSimilarity', env: 'AUSKUNFT_SEARCH_MIN_VECTOR_SIMILARITY', default: 0.3, min: 0, max: 1,
    doc: 'Cosine similarity below which a passage found only by vectors is not shown.',
  },
  vectorWeight: {
    type: 'number', key: 'search.vectorWeight', env: 'AUSKUNFT_SEARCH_VECTOR_WEIGHT', default: 0.5, min: 0, max: 10,
    doc: 'Weight of vector similarity against BM25 (1) in rank fusion; raise it for a strong embedding model.',
  },
  synonymsFile: {
    type: 'string', key: 'search.synonymsFile', env: 'AUSKUNFT_SEARCH_SYNONYMS_FILE', default: undefined,
    doc: 'Editors\' synonym list, one rule per line ("Auto, PKW, Kfz" or "Chef => Arbeitgeber"), used on top of the bundled German list; applied at query time, no re-crawl needed.',
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
  handoffContacts: {
    type: 'json', key: 'handoff.contacts', env: 'AUSKUNFT_HANDOFF_CONTACTS', default: undefined, check: checkConfiguredContacts,
    doc: 'Teams the chat hands off to, by URL prefix, winning over the contacts found in the crawl: {"/inklusionsamt/kraftfahrzeughilfe/": {"name": "Team Kraftfahrzeughilfe", "phone": "0221 555-3045", "email": …, "hours": …}} (or "Name, Telefon" as the value; JSON text in the environment).',
  },
  disclosure: {
    type: 'string', key: 'chat.disclosure', env: 'AUSKUNFT_CHAT_DISCLOSURE',
    default: 'Sie schreiben mit einem automatisierten Assistenten (KI). Er antwortet nur mit Inhalten dieser Website und nennt seine Quellen.',
    doc: 'AI-disclosure text sent with the first answer of a conversation (AI Act Art. 50).',
  },
  searchRateLimit: {
    type: 'integer', key: 'limits.searchPerMinute', env: 'AUSKUNFT_SEARCH_RATE_LIMIT', default: 120, min: 1, zeroDisables: true,
    doc: 'Search requests per client and minute (clients are told apart by a daily-salted hash, never by stored IPs).',
  },
  chatRateLimit: {
    type: 'integer', key: 'limits.chatPerMinute', env: 'AUSKUNFT_CHAT_RATE_LIMIT', default: 20, min: 1, zeroDisables: true,
    doc: 'Chat and feedback requests per client and minute.',
  },
  trustProxy: {
    type: 'boolean', key: 'server.trustProxy', env: 'AUSKUNFT_TRUST_PROXY', default: false,
    doc: 'Take the client address from X-Forwarded-For (only behind your own reverse proxy; then set server.publicUrl too).',
  },
  trustProxyHops: {
    type: 'integer', key: 'server.trustProxyHops', env: 'AUSKUNFT_TRUST_PROXY_HOPS', default: 1, min: 1, max: 10,
    doc: 'With server.trustProxy: how many of your proxies append to X-Forwarded-For; the client is the entry this many places from the right (entries further left are client-supplied).',
  },
  trustedProxies: {
    type: 'list', key: 'server.trustedProxies', env: 'AUSKUNFT_TRUSTED_PROXIES', default: [],
    doc: 'Addresses or CIDR ranges of your reverse proxies, comma-separated; when set, X-Forwarded-For is read from the right past these (instead of server.trustProxyHops), and only on connections from them.',
  },
  publicUrl: {
    type: 'url', key: 'server.publicUrl', env: 'AUSKUNFT_PUBLIC_URL', default: undefined,
    doc: 'Address under which citizens reach the server, e.g. https://auskunft.example.de/ (required behind a reverse proxy); /widget.json names the widget under it. Unset: relative URLs.',
  },
  logEnabled: {
    type: 'boolean', key: 'log.enabled', env: 'AUSKUNFT_LOG', default: true,
    doc: 'Write structured request logs (JSON lines on stdout; no questions, no IP addresses).',
  },
  logLevel: {
    type: 'enum', values: ['debug', 'info', 'warn', 'error'] as const, key: 'log.level', env: 'AUSKUNFT_LOG_LEVEL', default: 'info',
    doc: 'Least severe level written.',
  },
  logClientNetwork: {
    type: 'boolean', key: 'log.clientNetwork', env: 'AUSKUNFT_LOG_CLIENT_NETWORK', default: false,
    doc: 'Add the truncated client network (IPv4 /24, IPv6 /48) to request logs, e.g. for attack analysis.',
  },
  storePath: {
    type: 'string', key: 'store.path', env: 'AUSKUNFT_STORE_PATH', default: 'var/auskunft.sqlite',
    doc: 'SQLite file for feedback and the scrubbed query log (":memory:" keeps nothing on disk).',
  },
  queryLog: {
    type: 'boolean', key: 'store.queryLog', env: 'AUSKUNFT_QUERY_LOG', default: true,
    doc: 'Keep the scrubbed query log (questions without personal data, result counts, confidence) for editors.',
  },
  retentionDays: {
    type: 'integer', key: 'store.retentionDays', env: 'AUSKUNFT_RETENTION_DAYS', default: 30, min: 1, max: 3650,
    doc: 'Days after which feedback and query-log entries are deleted.',
  },
  generator: {
    type: 'enum', values: ['extractive', 'hf-inference'] as const, key: 'chat.generator', env: 'AUSKUNFT_CHAT_GENERATOR', default: 'extractive',
    doc: '"extractive" (quotes sentences from the pages, no model) or "hf-inference" (a chat model via @huggingface/inference).',
  },
  llmModel: {
    type: 'string', key: 'llm.model', env: 'AUSKUNFT_LLM_MODEL', default: undefined,
    doc: 'Chat model id, e.g. meta-llama/Llama-3.3-70B-Instruct (always sent, also to your own endpoint).',
  },
  llmEndpointUrl: {
    type: 'url', key: 'llm.endpointUrl', env: 'AUSKUNFT_LLM_ENDPOINT_URL', default: undefined,
    doc: 'OpenAI-compatible server of your own (TGI, vLLM); /v1/chat/completions is appended. Unset: Hugging Face.',
  },
  llmProvider: {
    type: 'string', key: 'llm.provider', env: 'AUSKUNFT_LLM_PROVIDER', default: undefined,
    doc: 'Inference provider on Hugging Face (e.g. "hf-inference"); ignored with an endpoint URL.',
  },
  llmToken: {
    type: 'string', key: 'llm.token', env: 'AUSKUNFT_LLM_TOKEN', default: undefined, secret: true,
    doc: 'Access token for the chat model.',
  },
  llmTimeoutMs: {
    type: 'integer', key: 'llm.timeoutMs', env: 'AUSKUNFT_LLM_TIMEOUT_MS', default: 20_000, min: 100, max: 600_000,
    doc: 'Milliseconds the model may take for a whole answer before the extractive answer is used instead.',
  },
  llmMaxTokens: {
    type: 'integer', key: 'llm.maxTokens', env: 'AUSKUNFT_LLM_MAX_TOKENS', default: 400, min: 16, max: 8192,
    doc: 'Longest generated answer, in tokens.',
  },
  llmPassages: {
    type: 'integer', key: 'llm.passages', env: 'AUSKUNFT_LLM_PASSAGES', default: 5, min: 1, max: 20,
    doc: 'Retrieved passages given to the model as sources.',
  },
  editorToken: {
    type: 'string', key: 'editor.token', env: 'AUSKUNFT_EDITOR_TOKEN', default: undefined, secret: true,
    doc: 'Bearer token for the editors\' pages (unanswered questions), at least 24 characters (e.g. `openssl rand -base64 24`); unset: those pages are off.',
  },
  editorSessionMinutes: {
    type: 'integer', key: 'editor.sessionMinutes', env: 'AUSKUNFT_EDITOR_SESSION_MINUTES', default: 480, min: 5, max: 10_080,
    doc: 'Minutes after which an editors\' console login expires and the person signs in again.',
  },
  editorMaxLoginFailures: {
    type: 'integer', key: 'editor.maxLoginFailures', env: 'AUSKUNFT_EDITOR_MAX_LOGIN_FAILURES', default: 5, min: 1, max: 1000,
    doc: 'Failed console logins per account within 15 minutes before further attempts wait (per client address: four times as many).',
  },
  editorRefreshIntervalMs: {
    type: 'integer', key: 'editor.refreshIntervalMs', env: 'AUSKUNFT_EDITOR_REFRESH_INTERVAL_MS', default: 3000, min: 100, max: 600_000,
    doc: 'How often each server process checks the store for entries released or withdrawn in the console (by another process).',
  },
  editorMaxAnswerChars: {
    type: 'integer', key: 'editor.maxAnswerChars', env: 'AUSKUNFT_EDITOR_MAX_ANSWER_CHARS', default: 3000, min: 100, max: 50_000,
    doc: 'Longest answer (and Leichte-Sprache text) an editor can save in the console, in characters.',
  },
});

export type ServerSettings = Settings<typeof serverSettings>;
