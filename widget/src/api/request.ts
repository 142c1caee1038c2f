/**
 * The one way the widget talks to its server: every request goes to the configured API base
 * only, without cookies (`credentials: 'omit'`), and every failure becomes an `ApiError` whose
 * `message` can be shown to the user. Aborts are re-thrown unchanged so callers can ignore
 * them (`isAbortError`).
 */

/** User-presentable fallback messages (the server's own messages are German). */
export interface ErrorMessages {
  errorNetwork: string;
  errorGeneric: string;
}

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isAbortError(err: unknown): boolean {
  return (err as { name?: unknown } | null)?.name === 'AbortError';
}

export type Request = (path: string, init: RequestInit) => Promise<Response>;

/**
 * @example const request = createRequest('https://auskunft.example', strings);
 *          const res = await request('/api/search?q=Ausweis', { signal });
 * `fetchImpl` is injectable for tests; the browser uses the global fetch.
 */
export function createRequest(base: string, messages: ErrorMessages, fetchImpl: typeof fetch = fetch): Request {
  const root = base.replace(/\/+$/, '');
  return async (path, init) => {
    let res: Response;
    try {
      // `.call(globalThis)`: an unbound `fetch` throws "Illegal invocation" in browsers.
      res = await fetchImpl.call(globalThis, root + path, { ...init, credentials: 'omit' });
    } catch (err) {
      throw isAbortError(err) ? err : new ApiError('network', messages.errorNetwork);
    }
    if (!res.ok) {
      // Prefer the server's user-presentable (German) message; the body may not be JSON at all.
      const body: unknown = await res.json().catch(() => undefined);
      throw toApiError(body, `http_${res.status}`, messages.errorGeneric);
    }
    return res;
  };
}

/** Builds an ApiError from `{"error": {"code", "message"}}`, with fallbacks. */
export function toApiError(body: unknown, fallbackCode: string, fallbackMessage: string): ApiError {
  const error = obj(obj(body).error);
  return new ApiError(str(error.code) || fallbackCode, str(error.message).trim() || fallbackMessage);
}

// Loose readers for untrusted JSON: wrong types become empty values instead of exceptions.

export function obj(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
}

export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}
