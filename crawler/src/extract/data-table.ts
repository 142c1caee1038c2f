import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';

/**
 * A table of data (it has header cells and no block content in its cells), as opposed to the
 * table layouts of old CMS templates, whose cells are the page's columns.
 */
export function isDataTable($: CheerioAPI, table: Element, hasBlockChildren: (el: Element) => boolean): boolean {
  const cells = $(table).find('td, th');
  if ($(table).find('th').length === 0 || cells.length < 2) return false;
  return cells.toArray().every((cell) => !hasBlockChildren(cell as Element));
}

/**
 * Each body row as one readable line: "Kündigungsfrist – Ordentliche Kündigung: mindestens vier
 * Wochen; Außerordentliche Kündigung: keine". Cells without a header are joined as they are.
 */
export function dataTableRows($: CheerioAPI, table: Element): string[] {
  const rows = $(table).find('tr').toArray().map((tr) => $(tr).children('td, th').toArray().map((c) => ({ text: collapse($(c).text()), header: (c as Element).tagName === 'th' })));
  const headerRow = rows.length > 1 && rows[0]!.every((c) => c.header || !c.text) ? rows.shift()!.map((c) => c.text) : [];
  return rows
    .map((cells) => {
      const [first, ...rest] = cells;
      if (!first) return '';
      const labelled = rest.filter((c) => c.text).map((c, i) => {
        const header = headerRow[cells.indexOf(c)] ?? headerRow[i + 1];
        return header ? `${header}: ${c.text}` : c.text;
      });
      const lead = headerRow[0] && first.text ? `${headerRow[0]} ${first.text}` : first.text;
      return [lead, labelled.join('; ')].filter(Boolean).join(' – ');
    })
    .filter(Boolean);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
