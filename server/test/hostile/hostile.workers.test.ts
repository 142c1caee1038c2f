import { env, exports } from 'cloudflare:workers';
import { inject } from 'vitest';
import { createD1Store, type D1Binding } from '../../src/store/d1.js';
import { defineHostileSuite } from './hostile-suite.js';

/** The hostile-request suite against the Worker entry inside workerd (D1 store, settings from [vars]). */
const store = createD1Store((env as { DB: D1Binding }).DB);

defineHostileSuite(() => ({
  request: (path, init, client) => {
    const headers = new Headers(init?.headers);
    // Cloudflare's edge sets this header on every request; the Worker takes the client from it.
    headers.set('cf-connecting-ip', client);
    return exports.default.fetch(`https://auskunft.example${path}`, { ...init, headers });
  },
  index: inject('workerIndex'),
  storedFeedback: () => store.listFeedback('1970-01-01'),
  storedQueries: () => store.listQueries('1970-01-01'),
}));
