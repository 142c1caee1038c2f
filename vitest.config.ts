import { fileURLToPath } from 'node:url';
import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';
import { API_SUITE_ENV } from './server/test/api-suite-env.js';

const src = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Tests that run inside workerd (the Cloudflare Workers runtime) instead of Node. */
const WORKERS_TESTS = '*/test/**/*.workers.test.ts';

/**
 * One run over every workspace (`npm test`). Workspace packages resolve to their TypeScript
 * sources, so tests never run against a stale dist/. Two projects: everything on Node, and the
 * Worker entry inside workerd (@cloudflare/vitest-pool-workers), which answers the same API suite.
 */
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@auskunft\/core$/, replacement: src('./core/src/index.ts') },
      { find: /^@auskunft\/core\/fs$/, replacement: src('./core/src/fs.ts') },
      { find: /^@auskunft\/core\/api$/, replacement: src('./core/src/api.ts') },
      { find: /^@auskunft\/crawler$/, replacement: src('./crawler/src/index.ts') },
      { find: /^@auskunft\/server$/, replacement: src('./server/src/index.ts') },
      { find: /^@auskunft\/server\/node$/, replacement: src('./server/src/node/index.ts') },
      { find: /^@auskunft\/demo-site$/, replacement: src('./demo-site/src/index.ts') },
    ],
  },
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['*/src/**/*.test.ts', '*/test/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**', WORKERS_TESTS],
          environment: 'node',
        },
      },
      {
        extends: true,
        plugins: [
          cloudflareTest(({ inject }) => ({
            main: src('./server/src/worker/main.ts'),
            wrangler: { configPath: src('./server/wrangler.toml') },
            miniflare: {
              // The demo index, built and exported by the global setup (the wrangler.toml folder
              // is for deployments and may not exist in a fresh checkout).
              assets: { directory: inject('workerAssetsDir'), binding: 'ASSETS', routerConfig: { invoke_user_worker_ahead_of_assets: true } },
              bindings: API_SUITE_ENV,
            },
          })),
        ],
        test: {
          name: 'workers',
          include: [WORKERS_TESTS],
          globalSetup: [src('./server/test/worker-global-setup.ts')],
        },
      },
    ],
  },
});
