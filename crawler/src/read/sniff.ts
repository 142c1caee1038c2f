/**
 * What a body really is, from its first bytes, because servers mislabel: a CMS download handler
 * sends a PDF as text/html, a broken rewrite rule sends an image or a zip as the page. Returns
 * 'pdf' for a PDF signature, 'binary' for bytes that never occur in text (the WHATWG MIME
 * Sniffing "binary data bytes"), else 'text'.
 */
export function sniffBody(body: Uint8Array): 'pdf' | 'binary' | 'text' {
  const head = body.subarray(0, 1024);
  let start = 0;
  while (start < head.length && (head[start] === 0x20 || head[start] === 0x09 || head[start] === 0x0a || head[start] === 0x0d)) start++;
  if (head[start] === 0x25 && head[start + 1] === 0x50 && head[start + 2] === 0x44 && head[start + 3] === 0x46 && head[start + 4] === 0x2d) return 'pdf';
  // UTF-16 text starts with its byte order mark and is full of zero bytes.
  if ((head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0xff && head[1] === 0xfe)) return 'text';
  for (const byte of head) {
    if (byte <= 0x08 || byte === 0x0b || (byte >= 0x0e && byte <= 0x1a) || (byte >= 0x1c && byte <= 0x1f)) return 'binary';
  }
  return 'text';
}
