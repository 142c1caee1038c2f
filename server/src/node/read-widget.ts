import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { WIDGET_CHUNK_DIR, type WidgetBundle } from '../widget/widget-bundle.js';

/** Reads the built widget (widget/dist) on Node, or undefined when it was not built. */
export async function readWidgetBundle(): Promise<WidgetBundle | undefined> {
  let script: string;
  let dist: string;
  try {
    const path = createRequire(import.meta.url).resolve('@auskunft/widget/widget.js');
    script = await readFile(path, 'utf8');
    dist = dirname(path);
  } catch {
    return undefined;
  }
  const chunks = new Map<string, string>();
  const names = await readdir(join(dist, WIDGET_CHUNK_DIR)).catch(() => [] as string[]);
  for (const name of names) if (name.endsWith('.js')) chunks.set(name, await readFile(join(dist, WIDGET_CHUNK_DIR, name), 'utf8'));
  return { script, chunks };
}
