import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const WIDGET_DIST = fileURLToPath(new URL('../../widget/dist/', import.meta.url));

export interface WidgetFileSize {
  file: string;
  bytes: number;
  /** gzip level 9, as a web server with static compression sends it. */
  gzipBytes: number;
}

/** Raw and gzip sizes of every script of the built widget (widget.js and its lazily loaded chunks). */
export async function measureWidgetSizes(dir = WIDGET_DIST): Promise<WidgetFileSize[]> {
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.js')).sort();
  return Promise.all(
    files.map(async (file) => {
      const data = await readFile(join(dir, file));
      return { file: relative(dir, join(dir, file)), bytes: data.byteLength, gzipBytes: gzipSync(data, { level: 9 }).byteLength };
    }),
  );
}
