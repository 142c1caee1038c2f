/**
 * Vite plugins shared by the two widget builds (vite.config.ts and vite.chat.config.ts).
 */
import { readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** The promise to hosts (README.md, Embed the widget: at most 15 KB gzip): the script a page loads. */
export const WIDGET_GZIP_BUDGET_BYTES = 15 * 1024;
/** Not a promise (the chat loads on first use), just a tripwire against accidental growth. */
export const CHAT_GZIP_BUDGET_BYTES = 20 * 1024;

/** gzip level 9, as CDNs and `npx gzip-size` measure it. */
export function gzipBytes(code: string | Uint8Array): number {
  return gzipSync(code, { level: 9 }).length;
}

export function formatSize(name: string, raw: number, gz: number, limit: number): string {
  return `${name}: ${(raw / 1024).toFixed(2)} KB, gzip ${(gz / 1024).toFixed(2)} KB (${gz} of ${limit} bytes allowed)`;
}

/**
 * Prints the size of the one file a build emits and fails the build above `limit` gzip bytes.
 * Runs in generateBundle (not writeBundle), so an over-budget file is never written.
 */
export function sizeBudget(limit: number, extraReport?: () => string): Plugin {
  return {
    name: 'auskunft:size-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.values(bundle);
      if (files.length !== 1) {
        throw new Error(`expected exactly one output file, got: ${files.map((f) => f.fileName).join(', ')}`);
      }
      const file = files[0]!;
      const raw = Buffer.from(file.type === 'chunk' ? file.code : file.source);
      const line = formatSize(file.fileName, raw.length, gzipBytes(raw), limit);
      console.log(`\n[auskunft] ${line}${extraReport ? `\n[auskunft] ${extraReport()}` : ''}`);
      if (gzipBytes(raw) > limit) throw new Error(`size budget exceeded: ${line}`);
    },
  };
}

/**
 * Minifies the CSS template literals marked `/* css *\/` in src/styles/*.ts (the JS minifier
 * leaves string contents alone). Runs before the TS transform, on the source text.
 */
export function minifyCssStrings(): Plugin {
  const squeeze = (css: string): string =>
    css
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}')
      .trim();
  return {
    name: 'auskunft:minify-css-strings',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]src[\\/]styles[\\/][^\\/]+\.ts$/.test(id)) return null;
      const out = code.replace(/\/\* css \*\/ `([^`]*)`/g, (_m, css: string) => JSON.stringify(squeeze(css)));
      if (out === code) this.error(`${id}: no /* css */ template literal found`);
      return { code: out, map: null };
    },
  };
}

/**
 * Fails when the chunk still contains code of its own that must come from widget.js (a second
 * Preact would break hooks). Preact's source marks its internals with these property names.
 */
export function assertNoPreactCopy(): Plugin {
  return {
    name: 'auskunft:no-preact-copy',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        const copied = Object.keys(file.modules).filter((id) => /[\\/]node_modules[\\/]preact[\\/]/.test(id));
        if (copied.length) throw new Error(`${file.fileName} contains its own Preact (${copied.join(', ')}); it must use widget.js's copy`);
      }
    },
  };
}

/** The file name of the one chat chunk in `dir` (written by the chat build, which runs first). */
export function findChatChunk(dir: string): string {
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => /^chat-[\w-]+\.js$/.test(n));
  } catch {
    // handled below
  }
  if (names.length !== 1) {
    throw new Error(`expected exactly one chat-*.js in ${dir}, found ${names.length}; run "npm run build -w @auskunft/widget" (it builds the chat chunk first)`);
  }
  return names[0]!;
}
