/**
 * The real thing for browser tests: the demo website of the fictional authority with the widget
 * embedded in its header (as `npm start` serves it), crawled into a fresh index, and the real
 * Auskunft server (`startNodeServer`) serving API, widget.js and the chat chunk, all on
 * 127.0.0.1. Plus Chromium (Debian's, through playwright-core) and helpers that record what
 * a page does: CSP violations, errors, requests.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEmbedderFromSettings, embedderSettings, resolveSettings } from '@auskunft/core';
import { crawlSettings, crawlSite } from '@auskunft/crawler';
import { startDemoSite } from '@auskunft/demo-site';
import { serverSettings } from '@auskunft/server';
import { startNodeServer } from '@auskunft/server/node';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
export const RESULTS_DIR = join(here, '..', '..', 'test-results');
const CHROMIUM = '/usr/bin/chromium';
const BUNDLE = join(here, '..', 'dist', 'widget.js');
/** The demo authority's editor FAQs, indexed as `npm start` does (when there are any). */
const FAQ_DIR = join(here, '..', '..', 'demo-site', 'faq');

/** Why the browser tests cannot run here, or null. They skip (not fail) without a browser. */
export const skipReason: string | null = !existsSync(CHROMIUM)
  ? `${CHROMIUM} not found`
  : !existsSync(BUNDLE)
    ? 'widget/dist/widget.js not found; run "npm run build" first'
    : null;

/** How the host page server changes the demo pages for one test. */
export interface HostVariant {
  /** Changes the page's HTML (e.g. other script attributes). */
  rewrite?: ((html: string) => string) | undefined;
  /** A Content-Security-Policy header for HTML pages. */
  csp?: string | undefined;
}

export interface Stack {
  /** e.g. http://127.0.0.1:41234/ (the demo website, widget in its header) */
  siteUrl: string;
  siteOrigin: string;
  /**
   * A second origin that serves the demo pages changed by the current HostVariant. It is a
   * real server on 127.0.0.1, not request interception: Chromium treats intercepted documents
   * as public and then refuses their requests to 127.0.0.1 (Local Network Access).
   */
  hostOrigin: string;
  setVariant(variant: HostVariant): void;
  /** e.g. http://127.0.0.1:41235 (the Auskunft server) */
  apiOrigin: string;
  close(): Promise<void>;
}

/** Forwards GET requests to the demo site and applies the current variant to HTML pages. */
async function startHostServer(siteUrl: string, port: number) {
  let variant: HostVariant = {};
  const server = createHttpServer(async (req, res) => {
    try {
      const upstream = await fetch(new URL(req.url ?? '/', siteUrl), { method: req.method === 'HEAD' ? 'HEAD' : 'GET' });
      const type = upstream.headers.get('content-type') ?? 'application/octet-stream';
      const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-store' };
      if (!type.startsWith('text/html')) {
        res.writeHead(upstream.status, headers).end(Buffer.from(await upstream.arrayBuffer()));
        return;
      }
      if (variant.csp) headers['content-security-policy'] = variant.csp;
      const html = await upstream.text();
      res.writeHead(upstream.status, headers).end(variant.rewrite ? variant.rewrite(html) : html);
    } catch (error) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    setVariant: (v: HostVariant) => void (variant = v),
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The script tag a CMS editor would paste, as `auskunft demo` does (cli/src/command-demo.ts),
 * with the host's links configured.
 */
export function widgetTag(apiOrigin: string): string {
  return `<script src="${apiOrigin}/widget.js" data-api="${apiOrigin}" data-target="#auskunft-suche" data-privacy-url="/datenschutz/" data-accessibility-url="/barrierefreiheit/" data-easy-language-url="/leichte-sprache/" data-accent="#0b5a6b" defer></script>`;
}

export interface StackOptions {
  /** The server's SQLite store; default in memory. A file lets a test add editors' accounts. */
  storePath?: string;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  // The demo pages must name the API before the server can start (it needs the index, which
  // needs the pages), so its port is picked first.
  const apiOrigin = `http://127.0.0.1:${await freePort()}`;
  const site = await startDemoSite({ injectBeforeBodyEnd: widgetTag(apiOrigin) });
  const hostPort = await freePort();
  const hostOrigin = `http://127.0.0.1:${hostPort}`;
  const host = await startHostServer(site.url, hostPort);
  const indexDir = await mkdtemp(join(tmpdir(), 'auskunft-widget-e2e-'));
  try {
    const embedding = resolveSettings(embedderSettings);
    await crawlSite({
      startUrls: [site.url],
      outDir: indexDir,
      embedder: createEmbedderFromSettings(embedding),
      settings: {
        ...resolveSettings(crawlSettings),
        ...(existsSync(FAQ_DIR) && readdirSync(FAQ_DIR).length ? { faqDir: FAQ_DIR } : {}),
        delayMs: 0,
        concurrency: 4,
      },
    });
    const server = await startNodeServer(
      {
        ...resolveSettings(serverSettings),
        host: '127.0.0.1',
        port: Number(new URL(apiOrigin).port),
        indexDir,
        corsOrigins: [new URL(site.url).origin, hostOrigin],
        // A test run keeps nothing and limits nothing.
        storePath: options.storePath ?? ':memory:',
        logEnabled: false,
        searchRateLimit: 0,
        chatRateLimit: 0,
      },
      embedding,
    );
    return {
      siteUrl: site.url,
      siteOrigin: new URL(site.url).origin,
      hostOrigin,
      setVariant: host.setVariant,
      apiOrigin,
      async close() {
        await server.close();
        await host.close();
        await site.close();
        await rm(indexDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await host.close();
    await site.close();
    await rm(indexDir, { recursive: true, force: true });
    throw error;
  }
}

export async function launchChromium(): Promise<Browser> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * Starts the stack and Chromium once for the test file (in parallel: both take a second or two)
 * and stops them afterwards. Read `stack` and `browser` inside tests, once the hooks have run.
 */
export function useBrowserStack(options: StackOptions = {}): { readonly stack: Stack; readonly browser: Browser } {
  const handles = {} as { stack: Stack; browser: Browser };
  beforeAll(async () => {
    [handles.stack, handles.browser] = await Promise.all([startStack(options), launchChromium()]);
  });
  afterAll(async () => {
    await handles.browser?.close();
    await handles.stack?.close();
  });
  return handles;
}

export interface PageLog {
  errors: string[];
  requests: string[];
}

export interface OpenOptions extends BrowserContextOptions, HostVariant {
  /** Path on the demo site, default `/`. */
  path?: string;
  /** Wait for the widget's host element (default true). */
  waitForWidget?: boolean;
}

/**
 * Opens a demo page in a fresh context (no cookies or storage from other tests) and records
 * CSP violations (through the DOM event, which is what CSP reports), page errors, console
 * errors and warnings, and every request. With `rewrite` or `csp` the page comes from the
 * host server (`origin` says which one).
 */
export async function openPage(browser: Browser, stack: Stack, options: OpenOptions = {}): Promise<{ page: Page; log: PageLog; origin: string }> {
  const { path = '/', rewrite, csp, waitForWidget = true, ...contextOptions } = options;
  const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 860 }, ...contextOptions });
  const page = await context.newPage();
  const log: PageLog = { errors: [], requests: [] };
  page.on('pageerror', (err) => log.errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') log.errors.push(`console.${msg.type()}: ${msg.text()}`);
  });
  page.on('request', (req) => log.requests.push(req.url()));
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`), true);
  });
  const viaHost = Boolean(rewrite || csp);
  stack.setVariant({ rewrite, csp });
  const origin = viaHost ? stack.hostOrigin : stack.siteOrigin;
  await page.goto(`${origin}${path}`);
  if (waitForWidget) await page.locator('.auskunft-widget').waitFor({ state: 'attached' });
  return { page, log, origin };
}

/** CSP violations the page has seen so far. */
export function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}

/** `tag#id.class` of the element focused inside the widget's shadow root, or `outside`. */
export function focusInWidget(page: Page): Promise<string> {
  return page.evaluate(() => {
    const host = document.querySelector('.auskunft-widget');
    if (document.activeElement !== host) return `outside:${document.activeElement?.tagName.toLowerCase()}`;
    const el = host?.shadowRoot?.activeElement;
    return el ? `${el.tagName.toLowerCase()}#${el.id}.${el.className}` : 'none';
  });
}

/** Text of the light-DOM announcer (polite + assertive). */
export function announced(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('body > .auskunft-announcer')?.textContent ?? '');
}
