/**
 * Decodes an HTML body: the charset from the Content-Type header, else from a `<meta charset>` in
 * the first kilobyte, else UTF-8 (which German authorities' CMSs use in practice).
 */
export function decodeHtml(bytes: Uint8Array, contentType: string): string {
  const declared = /charset=["']?([^;"'\s]+)/i.exec(contentType)?.[1];
  const sniffed = declared ?? /<meta[^>]+charset=["']?([a-z0-9_-]+)/i.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 1024)))?.[1];
  try {
    return new TextDecoder(sniffed ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
