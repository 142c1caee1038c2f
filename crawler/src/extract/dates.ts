/**
 * Reads the date formats found on German authority sites and in HTTP headers and returns the
 * calendar date as ISO `YYYY-MM-DD` (UTC), or null when the text is not a date:
 * ISO 8601 / W3C datetime (`2026-11-25`, `2026-11-25T10:00:00+01:00`), HTTP dates
 * (`Wed, 25 Nov 2026 10:00:00 GMT`) and German dates (`25.11.2026`, `5.3.2026`).
 */
export function toIsoDate(text: string | null | undefined): string | null {
  if (!text) return null;
  const value = text.trim();
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  if (german) return validDate(Number(german[3]), Number(german[2]), Number(german[1]));
  const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (isoDay) return validDate(Number(isoDay[1]), Number(isoDay[2]), Number(isoDay[3]));
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString().slice(0, 10);
}

function validDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}
