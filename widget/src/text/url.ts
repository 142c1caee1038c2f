/**
 * Returns an absolute http(s) URL, or null for anything else.
 *
 * Every href the widget renders passes through here: data coming from the
 * API must never be able to inject `javascript:` or `data:` links into the
 * host page. Relative URLs are resolved against `base` (the API origin).
 */
export function safeUrl(raw: unknown, base?: string): string | null {
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  try {
    const url = new URL(raw, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
