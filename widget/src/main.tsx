/**
 * Entry point of `widget.js`.
 *
 * Embedding: `<script src=".../widget.js" data-api="https://…" defer></script>`
 * The script finds its own tag, reads the `data-*` configuration, creates a
 * host `<div class="auskunft-widget">` with an open Shadow DOM (so host-page
 * CSS and widget CSS cannot interfere) and renders the Preact app into it.
 *
 * Strict-CSP friendly: styles are applied only through a constructable
 * stylesheet (`adoptedStyleSheets`); there are no <style> elements, style
 * attributes, innerHTML or eval anywhere in the widget.
 */
import { render } from 'preact';
import { createApi } from './api';
import { App } from './App';
import { readConfig } from './config';
import { STRINGS } from './i18n';
import { logError } from './log';
import { css } from './styles';

/**
 * `document.currentScript` is only set while the script first runs (also for
 * `defer`), so it must be read synchronously at top level. It is null for
 * module scripts and can be an SVG <script>, hence the instanceof check and
 * the attribute-based fallback.
 */
function findScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  return document.querySelector<HTMLScriptElement>('script[data-api][src*="widget"]');
}

function placeHost(host: HTMLElement, script: HTMLScriptElement, target: string | null): void {
  // An invalid selector throws a SyntaxError, which start() catches and logs.
  const parent = target ? document.querySelector(target) : null;
  if (target && !parent) logError(`data-target "${target}" not found, mounting after the script tag`);
  if (parent) parent.append(host);
  // A script in <head> would put the widget where nothing renders.
  else if (document.body.contains(script)) script.after(host);
  else document.body.append(host);
}

function mount(script: HTMLScriptElement): void {
  const config = readConfig(script, document.baseURI);
  if (typeof config === 'string') {
    logError(config);
    return;
  }
  const strings = STRINGS[config.lang];

  const host = document.createElement('div');
  host.className = 'auskunft-widget';
  // Screen readers pronounce the widget in its own language, whatever the page says.
  host.lang = strings.lang;
  placeHost(host, script, config.target);

  const shadow = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  shadow.adoptedStyleSheets = [sheet];

  const api = createApi(config.api, strings);
  render(<App config={config} strings={strings} api={api} />, shadow);
}

function start(): void {
  try {
    const script = findScript();
    if (!script) {
      logError('widget <script> tag with data-api not found');
      return;
    }
    const run = (): void => {
      try {
        mount(script);
      } catch (err) {
        logError('failed to start', err);
      }
    };
    // Without `defer`, the body (or data-target) may not be parsed yet.
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run, { once: true });
    else run();
  } catch (err) {
    logError('failed to start', err);
  }
}

start();
