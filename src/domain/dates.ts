/** The interval a partial date can mean, from its first day and precision. */
import type { DATE_PRECISIONS } from './vocabulary.ts';

export type DatePrecision = (typeof DATE_PRECISIONS)[number];

const DAY_MS = 86_400_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The first and last day (inclusive, "YYYY-MM-DD") a date can mean: a DAY is itself, a WEEK runs
 * seven days from its Monday, a MONTH and a YEAR to their last day.
 */
export function dateInterval(iso: string, precision: DatePrecision): { start: string; end: string } {
  const first = new Date(`${iso}T00:00:00Z`);
  const year = first.getUTCFullYear();
  const month = first.getUTCMonth();
  const last = {
    DAY: first,
    WEEK: new Date(first.getTime() + 6 * DAY_MS),
    MONTH: new Date(Date.UTC(year, month + 1, 0)),
    YEAR: new Date(Date.UTC(year, 11, 31)),
  }[precision];
  return { start: iso, end: isoDay(last) };
}
