import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { listPublicPages } from './content.js';
import { createRequestHandler } from './server.js';

export interface DemoSiteOptions {
  host?: string; // default '127.0.0.1'
  port?: number; // default 0 = random free port
  /** HTML inserted right before </body> of every page, e.g. the widget's <script> tag. Default none. */
  injectBeforeBodyEnd?: string;
}

export interface DemoSite {
  /** e.g. 'http://127.0.0.1:41234/' with trailing slash */
  url: string;
  close(): Promise<void>;
}

function formatOrigin(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

export async function startDemoSite(options: DemoSiteOptions = {}): Promise<DemoSite> {
  const host = options.host ?? '127.0.0.1';
  let origin = '';
  const server = createServer(
    createRequestHandler({ fallbackOrigin: () => origin, injectBeforeBodyEnd: options.injectBeforeBodyEnd }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  origin = formatOrigin(host, (server.address() as AddressInfo).port);
  return {
    url: `${origin}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Paths of all public pages, e.g. ['/', '/inklusionsamt/', …] (for tests) */
export async function listDemoPages(): Promise<string[]> {
  return (await listPublicPages()).map((page) => page.urlPath);
}
