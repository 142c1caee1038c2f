import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * One run over every workspace (`npm test`). Workspace packages resolve to their TypeScript
 * sources, so tests never run against a stale dist/.
 */
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@auskunft\/core$/, replacement: src('./core/src/index.ts') },
      { find: /^@auskunft\/crawler$/, replacement: src('./crawler/src/index.ts') },
      { find: /^@auskunft\/server$/, replacement: src('./server/src/index.ts') },
      { find: /^@auskunft\/server\/node$/, replacement: src('./server/src/node.ts') },
      { find: /^@auskunft\/demo-site$/, replacement: src('./demo-site/src/index.ts') },
    ],
  },
  test: {
    include: ['*/src/**/*.test.ts', '*/test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
