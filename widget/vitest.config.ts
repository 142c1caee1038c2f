import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Used when vitest runs inside widget/ (`npx vitest run` in this folder).
 * From the repo root (`npx vitest run widget`) no config is needed: the tests
 * only import plain .ts logic and set their own timeouts.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
