/** A Markdown table (pastes into docs/performance.md as it is); numbers are right-aligned. */
export function markdownTable(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const cells = rows.map((row) => row.map((cell) => (typeof cell === 'number' ? formatNumber(cell) : cell)));
  const align = header.map((_, i) => (rows.length > 0 && rows.every((row) => typeof row[i] === 'number' || /^[\d.,]+( \w+)?$|^[≈×<>–-]?[\d.,]+/.test(String(row[i]))) ? '---:' : '---'));
  return [`| ${header.join(' | ')} |`, `|${align.join('|')}|`, ...cells.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

/** Thousands separated by commas; fractions get one decimal below 100 and two below 10 (ms values read well). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const digits = Number.isInteger(value) || Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
