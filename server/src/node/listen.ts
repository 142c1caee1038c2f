import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

/** Serves `fetch` with @hono/node-server on host:port (0: any free port); resolves once listening. */
export async function listen(fetch: (request: Request, env: unknown) => Response | Promise<Response>, host: string, port: number) {
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch, hostname: host, port }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
