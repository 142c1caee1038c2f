/**
 * Builds the lazily loaded part of the widget: dist/widget/chat-<hash>.js, one ES module that
 * widget.js imports with `import()` when the chat is first opened (or the launcher is hovered
 * or focused). It has no Preact of its own: `preact`, `preact/hooks` and `preact/jsx-runtime`
 * resolve to src/lazy/preact-bridge.ts, which widget.js fills with its own copy.
 *
 * Runs before vite.config.ts, which embeds the chunk's hashed name in widget.js.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { assertNoPreactCopy, CHAT_GZIP_BUDGET_BYTES, minifyCssStrings, sizeBudget } from './build/plugins.ts';

const bridge = fileURLToPath(new URL('src/lazy/preact-bridge.ts', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: { alias: [{ find: /^preact(\/hooks|\/jsx-runtime)?$/, replacement: bridge }] },
  plugins: [minifyCssStrings(), assertNoPreactCopy(), sizeBudget(CHAT_GZIP_BUDGET_BYTES)],
  build: {
    outDir: 'dist/widget',
    emptyOutDir: true,
    minify: true,
    sourcemap: false,
    reportCompressedSize: false,
    // Vite leaves ES library output unminified (for downstream bundlers); this file goes
    // straight to browsers, so minify it fully.
    rolldownOptions: { output: { minify: true } },
    lib: {
      entry: 'src/chat/entry.ts',
      formats: ['es'],
      // Content-hashed: the name changes with the code, so it can be cached forever.
      fileName: () => 'chat-[hash].js',
    },
  },
});
