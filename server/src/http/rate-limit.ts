import type { MiddlewareHandler } from 'hono';
import { ApiError } from './api-error.js';

export interface RateLimitOptions {
  /** Requests allowed per client and window; 0 switches the limit off. */
  limit: number;
  windowMs: number;
  /** The client's pseudonymous key (see privacy/client-key.ts), or null if unknown. */
  clientKey: (c: Parameters<MiddlewareHandler>[0]) => Promise<string | null>;
  /** Most clients tracked at once; the oldest windows are dropped first, bounding memory. */
  maxClients?: number;
  now?: () => number;
}

/**
 * Fixed-window rate limit per client, in memory (per process, like the salt it keys on).
 * Answers 429 with Retry-After (RFC 9110 §10.2.3) and RateLimit headers (IETF draft
 * "RateLimit header fields for HTTP") so well-behaved clients can back off.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const now = options.now ?? Date.now;
  const maxClients = options.maxClients ?? 100_000;
  const windows = new Map<string, { start: number; count: number }>();
  return async (c, next) => {
    if (options.limit <= 0) return next();
    const key = (await options.clientKey(c)) ?? 'unknown';
    const t = now();
    let entry = windows.get(key);
    if (!entry || t - entry.start >= options.windowMs) {
      windows.delete(key);
      if (windows.size >= maxClients) windows.delete(windows.keys().next().value!);
      entry = { start: t, count: 0 };
      windows.set(key, entry);
    }
    entry.count++;
    const resetSeconds = Math.max(1, Math.ceil((entry.start + options.windowMs - t) / 1000));
    c.header('RateLimit-Limit', String(options.limit));
    c.header('RateLimit-Remaining', String(Math.max(0, options.limit - entry.count)));
    c.header('RateLimit-Reset', String(resetSeconds));
    if (entry.count > options.limit) {
      c.header('Retry-After', String(resetSeconds));
      throw new ApiError(429, 'RATE_LIMITED', `Zu viele Anfragen in kurzer Zeit. Bitte versuchen Sie es in ${resetSeconds} Sekunden erneut.`);
    }
    return next();
  };
}
