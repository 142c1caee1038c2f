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
  /**
   * Where the windows are counted; default: in this process. With several worker processes the
   * primary counts for all of them (node/cluster.ts), so a client's limit holds across workers.
   */
  windows?: RateWindows;
  /** Which limit this is ("search", "chat"), when several share `windows`. */
  name?: string;
}

/** Counts one request of a client in its current window and returns that window. */
export interface RateWindows {
  hit(name: string, key: string, windowMs: number): Promise<RateWindow> | RateWindow;
}
export interface RateWindow {
  start: number;
  count: number;
}

/** Fixed windows in memory, at most `maxClients` per limit (the oldest dropped first). */
export function createMemoryWindows(options: { maxClients?: number; now?: () => number } = {}): RateWindows {
  const now = options.now ?? Date.now;
  const maxClients = options.maxClients ?? 100_000;
  const byName = new Map<string, Map<string, RateWindow>>();
  return {
    hit(name, key, windowMs) {
      let windows = byName.get(name);
      if (!windows) byName.set(name, (windows = new Map()));
      const t = now();
      let entry = windows.get(key);
      if (!entry || t - entry.start >= windowMs) {
        windows.delete(key);
        if (windows.size >= maxClients) windows.delete(windows.keys().next().value!);
        entry = { start: t, count: 0 };
        windows.set(key, entry);
      }
      entry.count++;
      return { ...entry };
    },
  };
}

/**
 * Fixed-window rate limit per client, in memory (per process, like the salt it keys on).
 * Answers 429 with Retry-After (RFC 9110 §10.2.3) and RateLimit headers (IETF draft
 * "RateLimit header fields for HTTP") so well-behaved clients can back off.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const now = options.now ?? Date.now;
  const windows = options.windows ?? createMemoryWindows({ now, ...(options.maxClients ? { maxClients: options.maxClients } : {}) });
  const name = options.name ?? 'default';
  return async (c, next) => {
    if (options.limit <= 0) return next();
    const key = (await options.clientKey(c)) ?? 'unknown';
    const entry = await windows.hit(name, key, options.windowMs);
    const t = now();
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
