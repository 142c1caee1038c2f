import { resolveSettings } from '@auskunft/core';
import type { ExecutionContext } from 'hono';
import { serverSettings } from '../config.js';
import { createLogger } from '../http/log.js';
import { createD1Store } from '../store/d1.js';
import { loggerFor, startWorker, variables, type StartedWorker, type WorkerEnv } from './start.js';
import { waitForWrites } from './writes.js';

export type { WorkerEnv } from './start.js';

/** The part of the Workers runtime's ScheduledController used here. */
export interface ScheduledControllerLike {
  scheduledTime: number;
}

/** After a failed start (bad settings, damaged index), requests answer 503 for this long before the next try. */
const RETRY_START_MS = 60_000;

/**
 * The Worker's handlers: the same app as on Node, with the index read from static assets,
 * vectors searched by the plain-TypeScript HNSW reader and feedback kept in D1. The app is built
 * on the first request and kept for the isolate's life; each call here starts from scratch.
 */
export function createWorker() {
  let started: Promise<StartedWorker> | undefined;
  let failedAt = 0;
  return {
    async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
      if (!started || (failedAt > 0 && Date.now() - failedAt > RETRY_START_MS)) {
        failedAt = 0;
        started = startWorker(env).catch((error: unknown) => {
          failedAt = Date.now();
          // The settings may be what failed, so this logs with the defaults.
          createLogger({ enabled: true, level: 'info' }).log('error', 'start_failed', { message: error instanceof Error ? error.message : String(error) });
          throw error;
        });
      }
      let running: StartedWorker;
      try {
        running = await started;
      } catch {
        return Response.json(
          { error: { code: 'UNAVAILABLE', message: 'Die Suche ist gerade nicht verfügbar. Bitte versuchen Sie es später erneut.' } },
          { status: 503, headers: { 'Retry-After': String(RETRY_START_MS / 1000) } },
        );
      }
      const response = await running.app.fetch(request, env, ctx);
      return waitForWrites(response, ctx, running.writesSettled);
    },

    /** The retention cron ([triggers] in wrangler.toml): deletes feedback and query-log entries past the window. */
    async scheduled(controller: ScheduledControllerLike, env: WorkerEnv, ctx: ExecutionContext): Promise<void> {
      const settings = resolveSettings(serverSettings, { env: variables(env) });
      const logger = loggerFor(settings);
      if (!env.DB) {
        logger.log('warn', 'retention_skipped', { reason: 'no D1 binding "DB"' });
        return;
      }
      const cutoff = new Date(controller.scheduledTime - settings.retentionDays * 86_400_000).toISOString();
      const purge = createD1Store(env.DB).purgeOlderThan(cutoff).then((removed) => logger.log('info', 'retention_purged', { removed, cutoff }));
      ctx.waitUntil(purge);
      await purge;
    },
  };
}

