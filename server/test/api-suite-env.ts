/**
 * Settings of the app under the shared API suite, as the `AUSKUNFT_*` variables an operator sets:
 * the Node target resolves them like `auskunft serve` does, the Worker receives them as [vars].
 * Kept apart from api-suite.ts because vitest.config.ts reads it, outside any test.
 */
export const ALLOWED_ORIGIN = 'https://www.lv-mittelrhein-ruhr.example';

/** The editor token the suites log in with (24+ characters, as the server requires). */
export const EDITOR_TOKEN = 'redaktion-lv-mittelrhein-2026-xK9q';
/** Where the app is reachable publicly; /widget.json names the widget under it. */
export const PUBLIC_URL = 'https://auskunft.lv-mittelrhein-ruhr.example/';

export const API_SUITE_ENV = {
  AUSKUNFT_EDITOR_TOKEN: EDITOR_TOKEN,
  AUSKUNFT_PUBLIC_URL: PUBLIC_URL,
  AUSKUNFT_CORS_ORIGINS: ALLOWED_ORIGIN,
  AUSKUNFT_SEARCH_RATE_LIMIT: '30',
  AUSKUNFT_CHAT_RATE_LIMIT: '12',
  AUSKUNFT_LOG: 'false',
} as const;
