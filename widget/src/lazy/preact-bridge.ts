/**
 * Stands in for `preact`, `preact/hooks` and `preact/jsx-runtime` in the chat chunk
 * (vite.chat.config.ts aliases all three here). The bindings are filled by `installPreact`
 * with widget.js's own Preact before the chunk renders; ES module bindings are live, so code
 * that imported them earlier sees the installed functions.
 *
 * Anything the chat code imports from Preact must be listed here and in preact-runtime.ts;
 * the chunk build fails on a missing name, so a gap cannot slip through.
 */
import type { PreactRuntime } from './preact-runtime';

export let jsx: PreactRuntime['jsx'];
export let jsxs: PreactRuntime['jsxs'];
export let Fragment: PreactRuntime['Fragment'];
export let useState: PreactRuntime['useState'];
export let useRef: PreactRuntime['useRef'];
export let useEffect: PreactRuntime['useEffect'];
export let useLayoutEffect: PreactRuntime['useLayoutEffect'];

/** Called once by widget.js right after it imported the chunk. */
export function installPreact(runtime: PreactRuntime): void {
  ({ jsx, jsxs, Fragment, useState, useRef, useEffect, useLayoutEffect } = runtime);
}
