import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Used when vitest runs inside widget/ (`npx vitest run` in this folder). The browser tests in
 * test/ start the real server and crawler, which then resolve to the other workspaces' built
 * dist/ (run `npm run build` first); from the repo root (`npx vitest run widget`, `npm test`)
 * the root config maps them to their TypeScript sources instead.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
