import { readCurrentVersion } from '@auskunft/core/fs';

/**
 * Polls an index directory's CURRENT pointer and calls `onChange` with the new version name.
 * Polling (not fs.watch) because the pointer is replaced by rename, which fs.watch reports
 * unreliably across platforms and network file systems; one small read every few seconds is
 * cheap. A failing reload keeps the old version serving (the callback reports it).
 */
export function watchCurrentVersion(indexDir: string, intervalMs: number, onChange: (version: string) => Promise<void>, onError: (error: unknown) => void = () => {}): () => void {
  if (intervalMs <= 0) return () => {};
  let last: string | null = null;
  let busy = false;
  const check = async () => {
    if (busy) return;
    busy = true;
    try {
      const version = (await readCurrentVersion(indexDir)) ?? '';
      if (last === null) last = version;
      else if (version && version !== last) {
        await onChange(version);
        last = version;
      }
    } catch (error) {
      // A CURRENT that cannot be read (mid-rename on some file systems, or tampered) keeps the
      // version that is serving; the next check tries again.
      onError(error);
    } finally {
      busy = false;
    }
  };
  void check();
  const timer = setInterval(() => void check(), intervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
