export interface HostSchedulerOptions {
  /** Requests in flight per host. */
  concurrency: number;
  /** Least time between the starts of two requests to one host. */
  delayMs: number;
  /** robots.txt Crawl-delay of an origin in ms, if any; the larger of it and `delayMs` applies. */
  crawlDelayMs?: (origin: string) => Promise<number | undefined>;
}

export interface HostScheduler {
  /** Runs `task` once the origin has a free slot and its delay has passed. */
  run<T>(origin: string, task: () => Promise<T>): Promise<T>;
  /** Holds back every request to the origin for `ms` (after a 429 or 503). */
  pause(origin: string, ms: number): void;
}

interface HostState {
  active: number;
  nextStartAt: number;
  waiters: Array<() => void>;
  gapMs: Promise<number>;
}

/**
 * Politeness per host: at most `concurrency` requests in flight and starts spaced by the delay,
 * however many workers the crawl runs. Several start URLs on different hosts are crawled in
 * parallel without one host's delay slowing another.
 */
export function createHostScheduler(options: HostSchedulerOptions): HostScheduler {
  const hosts = new Map<string, HostState>();
  const stateOf = (origin: string) => {
    let state = hosts.get(origin);
    if (!state) {
      const gapMs = (options.crawlDelayMs?.(origin) ?? Promise.resolve(undefined)).then((d) => Math.max(options.delayMs, d ?? 0));
      hosts.set(origin, (state = { active: 0, nextStartAt: 0, waiters: [], gapMs }));
    }
    return state;
  };

  const acquire = async (state: HostState) => {
    const gap = await state.gapMs;
    for (;;) {
      const now = Date.now();
      if (state.active < options.concurrency && now >= state.nextStartAt) {
        state.active++;
        state.nextStartAt = now + gap;
        return;
      }
      if (state.active >= options.concurrency) await new Promise<void>((resolve) => state.waiters.push(resolve));
      else await sleep(state.nextStartAt - now);
    }
  };

  const release = (state: HostState) => {
    state.active--;
    state.waiters.shift()?.();
  };

  return {
    async run(origin, task) {
      const state = stateOf(origin);
      await acquire(state);
      try {
        return await task();
      } finally {
        release(state);
      }
    },
    pause(origin, ms) {
      const state = stateOf(origin);
      state.nextStartAt = Math.max(state.nextStartAt, Date.now() + ms);
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
