/**
 * Builds the file a CMS editor embeds: dist/widget.js, a classic script (an IIFE: no module
 * type, no globals added to the host page) that paints the search box and the chat launcher.
 * The chat itself is a separate ES module (vite.chat.config.ts, built first) that widget.js
 * imports on first use, resolved against its own URL; its hashed name is compiled in here.
 *
 * The build prints both sizes and fails when widget.js exceeds 15 KB gzip, the size promised to hosts in
 * README.md (Embed the widget).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { CHAT_GZIP_BUDGET_BYTES, findChatChunk, formatSize, gzipBytes, minifyCssStrings, sizeBudget, WIDGET_GZIP_BUDGET_BYTES } from './build/plugins.ts';

const chunkDir = fileURLToPath(new URL('dist/widget/', import.meta.url));

export default defineConfig(({ command }) => {
  // Dev tooling (vitest) loads this file too; only a build needs the chunk.
  const chunk = command === 'build' ? findChatChunk(chunkDir) : 'chat-dev.js';
  const chunkReport = (): string => {
    const code = readFileSync(chunkDir + chunk);
    return formatSize(`widget/${chunk} (loaded on first open)`, code.length, gzipBytes(code), CHAT_GZIP_BUDGET_BYTES);
  };
  return {
    root: fileURLToPath(new URL('.', import.meta.url)),
    publicDir: false,
    // Vite 8 transforms TS/JSX with Oxc: automatic JSX runtime from preact.
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    define: { __AUSKUNFT_CHAT_CHUNK__: JSON.stringify(`widget/${chunk}`) },
    plugins: [minifyCssStrings(), sizeBudget(WIDGET_GZIP_BUDGET_BYTES, chunkReport)],
    build: {
      outDir: 'dist',
      // dist/widget/ holds the chat chunk built a moment ago.
      emptyOutDir: false,
      minify: true,
      sourcemap: false,
      reportCompressedSize: false,
      lib: {
        entry: 'src/main.tsx',
        formats: ['iife'],
        name: 'AuskunftWidget',
        fileName: () => 'widget.js',
      },
    },
  };
});
