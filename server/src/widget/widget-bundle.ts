/**
 * The built widget as the server hands it out: `widget.js` (the first script a page loads) and
 * the chunks it imports later (`widget/<name>-<hash>.js`), by file name.
 */
export interface WidgetBundle {
  script: string;
  chunks: ReadonlyMap<string, string>;
}

/** Folder of the lazily loaded chunks, relative to widget.js (the widget resolves them so). */
export const WIDGET_CHUNK_DIR = 'widget';

/**
 * The versioned name and Subresource-Integrity value of widget.js. The name carries a content
 * hash, so hosts can pin exactly this file (`<script src=".../widget.<hash>.js" integrity=…>`)
 * and it can be cached forever; it sits beside widget.js so its chunks resolve the same way.
 */
export async function widgetFingerprint(script: string): Promise<{ file: string; integrity: string }> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', new TextEncoder().encode(script)));
  const hex = Array.from(digest.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return { file: `widget.${hex}.js`, integrity: `sha384-${btoa(binary)}` };
}
