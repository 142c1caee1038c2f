export interface FailureLimitOptions {
  /** Failed attempts allowed per client and window. */
  limit: number;
  windowMs: number;
  /** Most clients tracked at once; the oldest windows are dropped first, bounding memory. */
  maxClients?: number;
  now?: () => number;
}

/**
 * Counts failed attempts (wrong editor token) per client key; once a client has used up its
 * allowance, the caller answers 429 until the window ends, before the token is even looked at:
 * a few guesses per quarter hour instead of a thousand a second.
 */
export function createFailureLimit(options: FailureLimitOptions) {
  const now = options.now ?? Date.now;
  const maxClients = options.maxClients ?? 10_000;
  const windows = new Map<string, { start: number; failures: number }>();
  const current = (key: string) => {
    const entry = windows.get(key);
    if (entry && now() - entry.start < options.windowMs) return entry;
    if (entry) windows.delete(key);
    return undefined;
  };
  return {
    /** Seconds until `key` may try again, or null while it has attempts left. */
    retryAfter(key: string): number | null {
      const entry = current(key);
      if (!entry || entry.failures < options.limit) return null;
      return Math.max(1, Math.ceil((entry.start + options.windowMs - now()) / 1000));
    },
    fail(key: string): void {
      let entry = current(key);
      if (!entry) {
        if (windows.size >= maxClients) windows.delete(windows.keys().next().value!);
        entry = { start: now(), failures: 0 };
        windows.set(key, entry);
      }
      entry.failures++;
    },
  };
}
