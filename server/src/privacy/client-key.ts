/**
 * Turns a client address into a key for rate limiting that is useless for anything else: an
 * HMAC-SHA-256 with a random salt that lives only in memory and is replaced every day, truncated
 * to 16 hex characters. The address itself is never stored (BfDI note on log files, Breyer
 * C-582/14), and yesterday's keys cannot be linked to today's.
 */
export function createClientKeyer(now: () => number = Date.now) {
  let day = -1;
  let key: ReturnType<typeof crypto.subtle.importKey> | undefined;
  const currentKey = () => {
    const today = Math.floor(now() / 86_400_000);
    if (today !== day || !key) {
      day = today;
      key = crypto.subtle.importKey('raw', crypto.getRandomValues(new Uint8Array(32)), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    }
    return key;
  };
  return async (address: string): Promise<string> => {
    const signature = await crypto.subtle.sign('HMAC', await currentKey(), new TextEncoder().encode(address));
    return Array.from(new Uint8Array(signature).subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
  };
}
