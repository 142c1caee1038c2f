import { createWorker } from './handler.js';

/**
 * The Cloudflare Workers entry (`main` in wrangler.toml): `fetch` serves the app, `scheduled`
 * runs the retention cron. Everything else lives in worker-handler.ts, so tests can create
 * handlers with a fresh state.
 */
export default createWorker();
