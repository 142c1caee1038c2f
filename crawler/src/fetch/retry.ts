import { FetchProblem, type HttpResponse } from './fetcher.js';

export interface RetryPolicy {
  retries: number;
  /** First backoff; doubled per attempt. */
  baseDelayMs: number;
  /** Longest wait accepted, also from Retry-After. */
  maxWaitMs: number;
}

/** Statuses that say "try again later" (RFC 9110 §15.6, RFC 6585 §4): overload, not absence. */
const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

/**
 * Runs `attempt` again after a retryable status or network failure, waiting `baseDelayMs`,
 * then twice that, and so on, or as long as the server's Retry-After says. `wait` does the
 * waiting, so the caller can pause the whole host instead of only this request (a 429 concerns
 * every request to that server). A Retry-After longer than `maxWaitMs` ends the attempts with a
 * FetchProblem that says so. The last response is returned as it is when attempts run out.
 */
export async function withRetries(
  attempt: () => Promise<HttpResponse>,
  policy: RetryPolicy,
  wait: (ms: number) => Promise<void> = sleep,
): Promise<HttpResponse> {
  for (let n = 0; ; n++) {
    let response: HttpResponse;
    try {
      response = await attempt();
    } catch (error) {
      if (!(error instanceof FetchProblem) || !error.retryable || n >= policy.retries) throw error;
      await wait(Math.min(backoff(policy, n), policy.maxWaitMs));
      continue;
    }
    if (!RETRYABLE_STATUS.has(response.status) || n >= policy.retries) return response;
    const asked = parseRetryAfter(response.headers.get('retry-after'), Date.now());
    if (asked !== undefined && asked > policy.maxWaitMs) {
      throw new FetchProblem(`HTTP ${response.status}, Retry-After of ${Math.ceil(asked / 1000)} s is longer than crawl.retryMaxWaitMs`, 'http-error');
    }
    await wait(asked ?? Math.min(backoff(policy, n), policy.maxWaitMs));
  }
}

function backoff(policy: RetryPolicy, attempt: number): number {
  return policy.baseDelayMs * 2 ** attempt;
}

/** Retry-After is either delay-seconds or an HTTP-date (RFC 9110 §10.2.3); returns milliseconds. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
