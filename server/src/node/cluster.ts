import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import type { EmbedderSettings } from '@auskunft/core';
import type { ServerSettings } from '../config.js';
import { createMemoryWindows, type RateWindow, type RateWindows } from '../http/rate-limit.js';
import { createClientKeyer } from '../privacy/client-key.js';
import { startNodeServer, type RunningServer } from './main.js';

/** Workers `auskunft serve` starts for the `workers` setting (0: one per core). */
export function workerCount(setting: number): number {
  return setting > 0 ? setting : availableParallelism();
}

/** How long a worker may take to finish its open requests when the server stops. */
const SHUTDOWN_GRACE_MS = 10_000;

type ToPrimary =
  | { auskunft: 'listening'; url: string }
  | { auskunft: 'failed'; message: string }
  | { auskunft: 'rate'; id: number; name: string; address: string; windowMs: number };
type ToWorker = { auskunft: 'rate'; id: number; window: RateWindow } | { auskunft: 'shutdown' };

/**
 * The primary of `auskunft serve --workers N`: forks N workers (node:cluster; each loads the
 * index itself, serves on the shared port and polls CURRENT for new versions on its own),
 * restarts a worker that dies, and stops them all on `close`.
 *
 * Rate limits are counted here, for all workers: cluster hands connections to workers round
 * robin, so one client's requests land on every worker, and per-worker counters would let it
 * through N times as often. Workers send the client's address over the IPC channel; it is keyed
 * with the daily-salted HMAC here on arrival and never kept (privacy/client-key.ts). One message
 * per limited request costs far less than a search.
 */
export async function startClusterPrimary(workers: number): Promise<RunningServer> {
  const keyer = createClientKeyer();
  const windows = createMemoryWindows();
  let stopping = false;
  let ready = 0;
  let url = '';

  return new Promise<RunningServer>((resolve, reject) => {
    const fail = (message: string) => {
      if (stopping) return;
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.kill();
      reject(new Error(message));
    };
    const fork = (): Worker => {
      const worker = cluster.fork();
      worker.on('message', (message: ToPrimary) => {
        if (message?.auskunft === 'rate') {
          void keyer(message.address).then((key) => {
            const reply: ToWorker = { auskunft: 'rate', id: message.id, window: windows.hit(message.name, key, message.windowMs) as RateWindow };
            if (worker.isConnected()) worker.send(reply);
          });
        } else if (message?.auskunft === 'listening') {
          url = message.url;
          if (++ready === workers) resolve({ url, close });
        } else if (message?.auskunft === 'failed') fail(message.message);
      });
      worker.on('exit', (code, signal) => {
        if (stopping) return;
        // Before all are up, a dying worker means the configuration is wrong: report it.
        if (ready < workers) return fail(`A server worker exited during start-up (${signal ?? `exit ${code}`}).`);
        console.error(`auskunft: a server worker exited (${signal ?? `exit ${code}`}); starting a new one`);
        ready--;
        fork();
      });
      return worker;
    };
    const close = async () => {
      stopping = true;
      const running = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
      await Promise.all(
        running.map(
          (w) =>
            new Promise<void>((done) => {
              const timer = setTimeout(() => w.kill('SIGKILL'), SHUTDOWN_GRACE_MS);
              w.once('exit', () => {
                clearTimeout(timer);
                done();
              });
              if (w.isConnected()) w.send({ auskunft: 'shutdown' } satisfies ToWorker);
              else w.kill();
            }),
        ),
      );
    };
    for (let i = 0; i < workers; i++) fork();
  });
}

/**
 * One worker of `auskunft serve --workers N`: the ordinary Node server, with rate limits counted
 * by the primary. Resolves when the primary told it to stop (or went away) and it has closed.
 */
export async function runClusterWorker(settings: ServerSettings, embedderSettings: EmbedderSettings): Promise<void> {
  const send = (message: ToPrimary) => process.send?.(message);
  const pending = new Map<number, (window: RateWindow) => void>();
  let nextId = 0;
  const windows: RateWindows = {
    hit: (name, address, windowMs) =>
      new Promise<RateWindow>((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        send({ auskunft: 'rate', id, name, address, windowMs });
      }),
  };
  let server: RunningServer;
  try {
    // The address goes to the primary as it is, which keys it (see startClusterPrimary).
    server = await startNodeServer(settings, embedderSettings, { rateLimits: { windows, clientKey: async (address) => address } });
  } catch (error) {
    // The primary reports it (once, not once per worker) and stops.
    const message: ToPrimary = { auskunft: 'failed', message: error instanceof Error ? error.message : String(error) };
    await new Promise<void>((resolve) => (process.send ? process.send(message, undefined, undefined, () => resolve()) : resolve()));
    process.exit(1);
  }
  send({ auskunft: 'listening', url: server.url });
  // Ctrl-C reaches every process of the group; the primary decides when workers stop.
  const ignore = () => {};
  process.on('SIGINT', ignore);
  process.on('SIGTERM', ignore);
  await new Promise<void>((resolve) => {
    let stopped = false;
    const stop = () => {
      if (stopped) return;
      stopped = true;
      server.close().then(resolve, (error: unknown) => {
        console.error(`auskunft: a server worker did not close cleanly: ${error instanceof Error ? error.message : String(error)}`);
        resolve();
      });
    };
    process.on('message', (message: ToWorker) => {
      if (message?.auskunft === 'rate') {
        pending.get(message.id)?.(message.window);
        pending.delete(message.id);
      } else if (message?.auskunft === 'shutdown') stop();
    });
    process.once('disconnect', () => {
      // Without the primary nobody counts: let waiting requests through rather than hang them.
      for (const release of pending.values()) release({ start: Date.now(), count: 0 });
      pending.clear();
      stop();
    });
  });
  process.off('SIGINT', ignore);
  process.off('SIGTERM', ignore);
  process.disconnect?.();
}

export const isClusterWorker = (): boolean => cluster.isWorker;
