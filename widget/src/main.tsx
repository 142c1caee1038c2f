/**
 * Entry point of `widget.js`, a classic script:
 *
 *   <script src="https://auskunft.example/widget.js" data-api="https://auskunft.example" defer></script>
 *
 * The script finds its own tag, reads the `data-*` configuration, creates a host
 * `<div class="auskunft-widget">` with an open Shadow DOM (so host-page CSS and widget CSS
 * cannot interfere), creates the light-DOM announcer and renders the search box and the chat
 * launcher. The chat itself is loaded on first use (launcher/load-chat.ts).
 *
 * Strict-CSP friendly: styles are applied only through constructable stylesheets; there are
 * no <style> elements, style attributes, innerHTML, eval or created <script> elements.
 */
import { render } from 'preact';
import { createAnnouncer } from './announcer';
import { createRequest } from './api/request';
import { createSearch } from './api/search';
import { App } from './App';
import { readConfig, type WidgetConfig } from './config';
import { STRINGS } from './i18n';
import { keepFocusClearOf } from './launcher/keep-focus-visible';
import { createChatLoader } from './launcher/load-chat';
import { logError } from './log';
import { baseCss } from './styles/base';
import { launcherCss } from './styles/launcher';
import { searchCss } from './styles/search';

/**
 * `document.currentScript` is only set while the script first runs (also for `defer`), so it
 * must be read synchronously at top level. It can be an SVG <script>, hence the instanceof
 * check, and the attribute-based fallback for loaders that inject the tag.
 */
function findScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  return document.querySelector<HTMLScriptElement>('script[data-api][src*="widget"]');
}

/**
 * In a mount point (`data-target`), the search box replaces what is there: typically the
 * site's plain search form, kept as the no-JavaScript fallback. With the chat alone
 * (`data-mode="chat"`) there is nothing to replace it with, so the form stays.
 */
function placeHost(host: HTMLElement, script: HTMLScriptElement, config: WidgetConfig): void {
  const { target } = config;
  // An invalid selector throws a SyntaxError, which start() catches and logs.
  const parent = target ? document.querySelector(target) : null;
  if (target && !parent) logError(`data-target "${target}" not found, mounting after the script tag`);
  if (parent && config.mode === 'chat') parent.append(host);
  else if (parent) parent.replaceChildren(host);
  // A script in <head> would put the widget where nothing renders.
  else if (document.body.contains(script)) script.after(host);
  else document.body.append(host);
}

/** `data-accent`, `data-font` and `data-position` become custom properties / a host attribute. */
function applyTheme(host: HTMLElement, config: WidgetConfig): void {
  host.dataset.position = config.position;
  // CSSOM, not a style attribute: allowed under a CSP without 'unsafe-inline' (docs/security.md).
  if (config.accent && CSS.supports('color', config.accent)) host.style.setProperty('--auskunft-accent', config.accent);
  else if (config.accent) logError(`data-accent "${config.accent}" is not a CSS colour; ignored`);
  if (config.font && CSS.supports('font-family', config.font)) host.style.setProperty('--auskunft-font', config.font);
  else if (config.font) logError(`data-font "${config.font}" is not a CSS font-family list; ignored`);
}

function sheet(css: string): CSSStyleSheet {
  const s = new CSSStyleSheet();
  s.replaceSync(css);
  return s;
}

function mount(script: HTMLScriptElement): void {
  const config = readConfig(script, document.baseURI, (message) => logError(message));
  if (typeof config === 'string') return logError(config);
  const strings = STRINGS[config.lang];

  const host = document.createElement('div');
  host.className = 'auskunft-widget';
  // Screen readers pronounce the widget in its own language, whatever the page says.
  host.lang = strings.lang;
  applyTheme(host, config);
  const announcer = createAnnouncer(strings.lang);
  placeHost(host, script, config);

  const shadow = host.attachShadow({ mode: 'open' });
  shadow.adoptedStyleSheets = [sheet(baseCss + searchCss + launcherCss)];

  const launcherRef: { current: HTMLButtonElement | null } = { current: null };
  // The chunk sits next to widget.js, wherever the host loads it from.
  const loadChat = createChatLoader(script.src || `${config.api}/widget.js`, (chat) => {
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet(chat.chatCss)];
  });
  if (config.mode !== 'search') keepFocusClearOf(() => launcherRef.current, host);

  const search = createSearch(createRequest(config.api, strings), strings);
  render(<App config={config} strings={strings} announcer={announcer} search={search} loadChat={loadChat} launcherRef={launcherRef} />, shadow);
}

function start(): void {
  try {
    const script = findScript();
    if (!script) return logError('widget <script> tag with data-api not found');
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
