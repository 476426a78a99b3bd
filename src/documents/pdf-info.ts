/**
 * A PDF's Info dictionary as metadata: `Title` as `title`, `CreationDate` as `date` (ISO
 * `YYYY-MM-DD`, or `YYYY-MM`, or `YYYY`, as precise as the PDF says) and `year`. Only fields
 * the PDF gives are set; a sidecar still wins (its `date` or `year` replaces both).
 */
import type { Meta } from '../records.js';

/** Whitespace folded, as in the text; `undefined` for nothing to say. */
function plain(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const folded = value.replace(/[\s\u00a0\u202f\u0000]+/g, ' ').trim();
  return folded === '' ? undefined : folded;
}

/**
 * A PDF date string (`D:YYYYMMDDHHmmSSOHH'mm'`, every part after the year optional) as an ISO
 * date of the precision it has; `undefined` when it is not one.
 */
export function pdfDate(value: unknown): { date: string; year: number } | undefined {
  const text = plain(value);
  if (text === undefined) return undefined;
  const match = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(text);
  if (!match) return undefined;
  const [, year, month, day] = match as unknown as [string, string, string | undefined, string | undefined];
  const inRange = (part: string | undefined, last: number): boolean => part === undefined || (Number(part) >= 1 && Number(part) <= last);
  if (!inRange(month, 12) || !inRange(day, 31)) return { date: year, year: Number(year) };
  return { date: [year, month, month === undefined ? undefined : day].filter((part) => part !== undefined).join('-'), year: Number(year) };
}

/** The metadata of an Info dictionary (as pdf.js gives it: `getMetadata().info`). */
export function pdfInfoMeta(info: Readonly<Record<string, unknown>>): Meta {
  const meta: Meta = {};
  const title = plain(info['Title']);
  if (title !== undefined) meta['title'] = title;
  const created = pdfDate(info['CreationDate']);
  if (created !== undefined) {
    meta['date'] = created.date;
    meta['year'] = created.year;
  }
  return meta;
}
