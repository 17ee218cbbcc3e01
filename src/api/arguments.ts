/** Argument checks shared by resolvers; each failure is a BAD_USER_INPUT naming the argument. */
import { decodeCursor, type Keyset } from '../graph/pages.ts';
import { badInput } from './errors.ts';

import { MAX_PAGE_SIZE } from '../domain/limits.ts';

export function intInRange(argument: string, value: number, min: number, max: number): number {
  if (value < min || value > max) throw badInput(argument, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

export function pageSize(value: number | null | undefined, fallback = 20): number {
  return intInRange('first', value ?? fallback, 0, MAX_PAGE_SIZE);
}

/** A cursor of a list ordered by `sortKeys` keys (besides the id). */
export function cursor(value: string | null | undefined, sortKeys: number): Keyset | null {
  if (value === null || value === undefined) return null;
  const keyset = decodeCursor(value);
  if (!keyset || keyset.keys.length !== sortKeys) {
    throw badInput('after', 'is not a cursor of this list (use its pageInfo.endCursor or an edge cursor)');
  }
  return keyset;
}

/** A real calendar day: `Date` would roll "2022-02-30" over to March 2 instead of refusing it. */
function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function isoDate(argument: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isCalendarDate(value)) {
    throw badInput(argument, `must be a date as YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** A `from`..`to` range of days, either end open; `to` before `from` is refused rather than matching nothing. */
export function dateRange(args: { from?: string | null; to?: string | null }): { from: string | null; to: string | null } {
  const from = isoDate('from', args.from);
  const to = isoDate('to', args.to);
  if (from !== null && to !== null && to < from) throw badInput('to', `must not be before from (${from}), got ${JSON.stringify(to)}`);
  return { from, to };
}

export function searchText(value: string): string {
  if (value.trim().length === 0) throw badInput('text', 'must not be empty');
  if (value.length > 200) throw badInput('text', 'must be at most 200 characters');
  return value;
}

/** An optional list filter: null when absent; an empty list is treated as absent. */
export function listFilter<T>(value: readonly T[] | null | undefined): readonly T[] | null {
  return value && value.length > 0 ? value : null;
}
