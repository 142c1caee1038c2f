/**
 * The one Preact instance of the page, as handed to the lazily loaded chat chunk.
 *
 * Preact keeps its hook state in module-level variables: a second copy of Preact in the chunk
 * would render, but every hook inside it would read the wrong copy's state. So the chunk is
 * built without Preact (see `preact-bridge.ts` and vite.chat.config.ts) and receives these
 * functions from widget.js before it renders anything.
 */
import { Fragment } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { jsx, jsxs } from 'preact/jsx-runtime';

export const preactRuntime = { jsx, jsxs, Fragment, useState, useRef, useEffect, useLayoutEffect };

export type PreactRuntime = typeof preactRuntime;
