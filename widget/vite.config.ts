/**
 * Builds the one file a CMS editor embeds: dist/widget.js, a self-contained,
 * minified IIFE (no CSS file, no chunks, no globals added to the host page).
 * The build fails if the gzipped size exceeds the budget.
 */
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const GZIP_BUDGET_BYTES = 15 * 1024;

/** Prints the gzip size of the output and enforces the size budget. */
function sizeBudget(limit: number): Plugin {
  return {
    name: 'auskunft:size-budget',
    apply: 'build',
    // generateBundle (not writeBundle), so an over-budget file is never written.
    generateBundle(_options, bundle) {
      const files = Object.values(bundle);
      if (files.length !== 1) {
        throw new Error(`expected exactly one output file, got: ${files.map((f) => f.fileName).join(', ')}`);
      }
      for (const file of files) {
        const raw = Buffer.from(file.type === 'chunk' ? file.code : file.source);
        const gz = gzipSync(raw, { level: 9 }).length;
        const line = `${file.fileName}: ${(raw.length / 1024).toFixed(2)} KB, gzip ${(gz / 1024).toFixed(2)} KB (${gz} of ${limit} bytes allowed)`;
        console.log(`\n[auskunft] ${line}`);
        if (gz > limit) throw new Error(`size budget exceeded: ${line}`);
      }
    },
  };
}

/**
 * Minifies the CSS template literal in src/styles.ts (the JS minifier leaves
 * string contents alone). Runs before the TS transform, on the source text.
 */
function minifyCssString(): Plugin {
  const squeeze = (css: string): string =>
    css
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}')
      .trim();
  return {
    name: 'auskunft:minify-css-string',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]src[\\/]styles\.ts$/.test(id)) return null;
      const out = code.replace(/\/\* css \*\/ `([^`]*)`/, (_m, css: string) => JSON.stringify(squeeze(css)));
      if (out === code) this.error('styles.ts: no /* css */ template literal found');
      return { code: out, map: null };
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: false,
  // Vite 8 transforms TS/JSX with Oxc: automatic JSX runtime from preact
  // (no React, no preset plugin needed).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  plugins: [minifyCssString(), sizeBudget(GZIP_BUDGET_BYTES)],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
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
});
