import type { Manifest } from '@auskunft/core';
import { Hono } from 'hono';

/** GET /healthz: liveness plus which index is being served, for deploy checks. */
export function healthRoute(manifest: Manifest) {
  return new Hono().get('/', (c) =>
    c.json({
      status: 'ok',
      index: {
        version: manifest.version,
        createdAt: manifest.createdAt,
        pages: manifest.counts.pages,
        passages: manifest.counts.passages,
        embedder: manifest.embedder.id,
      },
    }),
  );
}
