/**
 * All diagnostics go through here so host-page developers can filter for
 * `[auskunft]`. The widget never throws into the host page.
 */
export function logError(message: string, err?: unknown): void {
  console.error(`[auskunft] ${message}`, ...(err === undefined ? [] : [err]));
}
