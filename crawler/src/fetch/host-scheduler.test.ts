import { describe, expect, it } from 'vitest';
import { createHostScheduler } from './host-scheduler.js';

describe('per-host politeness', () => {
  it('never has more requests in flight per host than allowed, while other hosts run alongside', async () => {
    const scheduler = createHostScheduler({ concurrency: 2, delayMs: 0 });
    const inFlight = new Map<string, number>();
    const peak = new Map<string, number>();
    const task = (host: string) => async () => {
      inFlight.set(host, (inFlight.get(host) ?? 0) + 1);
      peak.set(host, Math.max(peak.get(host) ?? 0, inFlight.get(host)!));
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight.set(host, inFlight.get(host)! - 1);
    };
    const hosts = ['https://a.example', 'https://b.example'];
    await Promise.all(Array.from({ length: 20 }, (_, i) => scheduler.run(hosts[i % 2]!, task(hosts[i % 2]!))));
    expect(peak.get('https://a.example')).toBe(2);
    expect(peak.get('https://b.example')).toBe(2);
  });

  it('asks robots.txt for the crawl delay once per host', async () => {
    const asked: string[] = [];
    const scheduler = createHostScheduler({ concurrency: 1, delayMs: 0, crawlDelayMs: async (origin) => (asked.push(origin), 0) });
    for (let i = 0; i < 3; i++) await scheduler.run('https://a.example', async () => undefined);
    expect(asked).toEqual(['https://a.example']);
  });
});
