import { afterAll, beforeAll } from 'vitest';
import { defineApiSuite, type ApiTarget } from './api-suite.js';
import { startNodeApiTarget } from './node-api-target.js';

/** The shared API suite against the Node app: hnswlib-node vectors, SQLite store, in-process requests. */
let target: Awaited<ReturnType<typeof startNodeApiTarget>>;

beforeAll(async () => {
  target = await startNodeApiTarget();
});

afterAll(() => target?.close());

defineApiSuite((): ApiTarget => target);
