/**
 * A minimal Prometheus registry (text exposition format 0.0.4). Hand-written because prom-client
 * depends on Node internals that do not exist in workerd, and the app is the same on both; we
 * need three counters and one histogram, not a framework.
 */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

type Labels = Record<string, string>;

export function createMetrics() {
  const requests = new Map<string, number>();
  const answers = new Map<string, number>();
  const latency = new Map<string, { buckets: number[]; sum: number; count: number }>();
  const key = (labels: Labels) => Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`).join(',');
  const inc = (map: Map<string, number>, labels: Labels) => map.set(key(labels), (map.get(key(labels)) ?? 0) + 1);

  return {
    /** One finished HTTP request; `route` is the route pattern, never the raw path (bounded cardinality). */
    observeRequest(route: string, method: string, status: number, seconds: number) {
      inc(requests, { route, method, status: String(status) });
      const k = key({ route });
      let h = latency.get(k);
      if (!h) latency.set(k, (h = { buckets: LATENCY_BUCKETS.map(() => 0), sum: 0, count: 0 }));
      LATENCY_BUCKETS.forEach((le, i) => {
        if (seconds <= le) h.buckets[i]!++;
      });
      h.sum += seconds;
      h.count++;
    },
    /** One chat answer: how it was made, and whether it answered or handed off. */
    observeAnswer(generated: string, confident: boolean) {
      inc(answers, { generated, outcome: confident ? 'answered' : 'no_answer' });
    },
    render(): string {
      const lines: string[] = [];
      lines.push('# HELP auskunft_http_requests_total HTTP requests by route, method and status.', '# TYPE auskunft_http_requests_total counter');
      for (const [labels, value] of requests) lines.push(`auskunft_http_requests_total{${labels}} ${value}`);
      lines.push('# HELP auskunft_http_request_duration_seconds Request latency by route.', '# TYPE auskunft_http_request_duration_seconds histogram');
      for (const [labels, h] of latency) {
        LATENCY_BUCKETS.forEach((le, i) => lines.push(`auskunft_http_request_duration_seconds_bucket{${labels},le="${le}"} ${h.buckets[i]}`));
        lines.push(`auskunft_http_request_duration_seconds_bucket{${labels},le="+Inf"} ${h.count}`);
        lines.push(`auskunft_http_request_duration_seconds_sum{${labels}} ${h.sum}`);
        lines.push(`auskunft_http_request_duration_seconds_count{${labels}} ${h.count}`);
      }
      lines.push('# HELP auskunft_chat_answers_total Chat answers by how they were made and whether the bot answered or handed off.', '# TYPE auskunft_chat_answers_total counter');
      for (const [labels, value] of answers) lines.push(`auskunft_chat_answers_total{${labels}} ${value}`);
      return `${lines.join('\n')}\n`;
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
