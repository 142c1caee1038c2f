import { Hono } from 'hono';
import type { Metrics } from '../http/metrics.js';

/** GET /metrics in Prometheus text format; restrict access at the proxy if it should not be public. */
export function metricsRoute(metrics: Metrics) {
  return new Hono().get('/', (c) => {
    c.header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8');
    return c.body(metrics.render());
  });
}
