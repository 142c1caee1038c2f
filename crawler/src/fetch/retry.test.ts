import { describe, expect, it } from 'vitest';
import { FetchProblem, type HttpResponse } from './fetcher.js';
import { parseRetryAfter, withRetries } from './retry.js';

const response = (status: number, headers: Record<string, string> = {}): HttpResponse => ({ url: 'https://amt.example/', status, headers: new Headers(headers), body: null });

/** Runs withRetries over scripted responses and records the waits it asked for instead of sleeping. */
async function run(script: Array<HttpResponse | FetchProblem>, policy = { retries: 3, baseDelayMs: 100, maxWaitMs: 10_000 }) {
  const waits: number[] = [];
  let call = 0;
  const result = await withRetries(
    async () => {
      const next = script[Math.min(call++, script.length - 1)]!;
      if (next instanceof FetchProblem) throw next;
      return next;
    },
    policy,
    async (ms) => void waits.push(ms),
  ).catch((error: unknown) => error);
  return { result, waits, calls: call };
}

describe('retries with backoff', () => {
  it('backs off exponentially on 5xx and returns the first good response', async () => {
    const { result, waits } = await run([response(503), response(502), response(200)]);
    expect((result as HttpResponse).status).toBe(200);
    expect(waits).toEqual([100, 200]);
  });

  it('waits as long as Retry-After says on 429', async () => {
    const { result, waits } = await run([response(429, { 'retry-after': '7' }), response(200)]);
    expect((result as HttpResponse).status).toBe(200);
    expect(waits).toEqual([7000]);
  });

  it('gives up with a reason when Retry-After asks for too long', async () => {
    const { result, calls } = await run([response(429, { 'retry-after': '3600' })]);
    expect(result).toBeInstanceOf(FetchProblem);
    expect((result as FetchProblem).reason).toBe('HTTP 429, Retry-After of 3600 s is longer than crawl.retryMaxWaitMs');
    expect(calls).toBe(1);
  });

  it('returns the last error response when the retries are used up', async () => {
    const { result, calls } = await run([response(500)], { retries: 2, baseDelayMs: 1, maxWaitMs: 10 });
    expect((result as HttpResponse).status).toBe(500);
    expect(calls).toBe(3);
  });

  it('retries timeouts but not size-limit problems, and never a 404', async () => {
    const timeout = new FetchProblem('timed out after 100 ms', 'network', true);
    expect((await run([timeout, response(200)])).calls).toBe(2);
    expect((await run([new FetchProblem('larger than 10 bytes', 'too-large')])).calls).toBe(1);
    expect((await run([response(404)])).calls).toBe(1);
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates (RFC 9110 §10.2.3)', () => {
    const now = Date.parse('2026-11-25T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('bald', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
