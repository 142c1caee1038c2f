import type { Store } from './store.js';

/** Deletes entries older than the retention window now and then every hour, until stopped. */
export function startRetention(store: Store, days: number, onError: (error: unknown) => void): () => void {
  const purge = () => store.purgeOlderThan(new Date(Date.now() - days * 86_400_000).toISOString()).catch(onError);
  void purge();
  const timer = setInterval(purge, 3_600_000);
  // An hourly chore must not keep the process alive on shutdown.
  timer.unref?.();
  return () => clearInterval(timer);
}
