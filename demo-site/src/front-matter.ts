/**
 * Content files start with a front-matter comment:
 *
 *   <!--
 *   title: Kraftfahrzeughilfe
 *   description: Zuschüsse für den Kauf und Umbau eines Autos …
 *     (indented lines continue the previous value)
 *   -->
 *   <p>HTML of the page body …</p>
 */
export interface FrontMatterResult {
  fields: Map<string, string>;
  body: string;
}

export function parseFrontMatter(source: string): FrontMatterResult {
  const text = source.replace(/^\uFEFF/, '');
  const fields = new Map<string, string>();
  const start = text.match(/^\s*<!--/);
  if (!start) return { fields, body: text };
  const end = text.indexOf('-->', start[0].length);
  if (end < 0) throw new Error('Front matter comment is not closed');
  const block = text.slice(start[0].length, end);
  let lastKey: string | undefined;
  for (const line of block.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const field = /^([A-Za-z][\w-]*):\s*(.*)$/.exec(line);
    if (field && !/^\s/.test(line)) {
      lastKey = field[1]!.toLowerCase();
      fields.set(lastKey, field[2]!.trim());
    } else if (lastKey !== undefined) {
      fields.set(lastKey, `${fields.get(lastKey) ?? ''} ${line.trim()}`.trim());
    } else {
      throw new Error(`Unexpected front matter line: ${line}`);
    }
  }
  return { fields, body: text.slice(end + 3).replace(/^\s*\n/, '') };
}
