/**
 * Dates of the article, resolved against its publication date by chrono-node: "January 6" takes the
 * publication's year, "Thursday" and "on Wednesday" the last such day on or before publication,
 * "earlier this week" the week of publication. Each says how precise it is (DAY, WEEK, MONTH), the
 * span it rests on, and whether it is the article's own date or inferred from the publication date.
 */
import * as chrono from 'chrono-node';
import type { Span } from '../annotation.ts';
import { spanAt } from './text.ts';

export interface FoundDate {
  span: Span;
  iso: string;
  precision: 'DAY' | 'WEEK' | 'MONTH';
  /** The article's narrowing words: "early", "evening", "earlier this week". */
  qualifier?: string;
  /** Resolved through the publication date ("Thursday"), not written out ("January 6"). */
  inferredReason?: string;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The Monday of the week a day is in. */
function mondayOf(iso: string): string {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return isoDay(date);
}

/** Statements about a span before the statement itself ("over the past day"), not before publication: left to the reviewer. */
const RELATIVE_TO_A_STATEMENT = /\b(past|last|previous)\s+(day|\d+\s+hours|twenty-four hours|night)\b/i;
const QUALIFIER_BEFORE = /\b(early|late|mid|the evening of|the morning of|the night of)\s+(on\s+)?$/i;
const QUALIFIER_AFTER = /^\s+(evening|morning|night|afternoon)\b/i;

/** A full date (day, month and year) in the first lines: the dateline of a wire report. */
export function datelineOf(text: string): { iso: string; span: Span } | undefined {
  const head = text.split('\n').slice(0, 4).join('\n');
  for (const result of chrono.strict.parse(head, { instant: new Date(), timezone: 0 })) {
    const { start } = result;
    if (start.isCertain('year') && start.isCertain('month') && start.isCertain('day')) {
      return { iso: isoDay(start.date()), span: spanAt(text, result.index, result.index + result.text.length) };
    }
  }
  return undefined;
}

/** The date of a sentence nearest to a point of it (the verb or the name a fact rests on). */
export function dateNear(dates: readonly FoundDate[], sentence: Span, at: number): FoundDate | undefined {
  return dates
    .filter((date) => date.span.start >= sentence.start && date.span.end <= sentence.end)
    .sort((a, b) => Math.abs(a.span.start - at) - Math.abs(b.span.start - at))[0];
}

/** Every date of the text chrono can resolve; without a publication date, only dates that give their year. */
export function findDates(text: string, publishedAt: string | undefined): FoundDate[] {
  const reference = new Date(`${publishedAt ?? '2000-01-01'}T12:00:00Z`);
  const dates: FoundDate[] = [];
  for (const parsed of chrono.casual.parse(text, { instant: reference, timezone: 0 }, { forwardDate: false })) {
    // chrono reads "evening of January 6" as this evening; the strict parser finds the day in it.
    const strict = chrono.strict.parse(parsed.text, { instant: reference, timezone: 0 })[0];
    const result = !parsed.start.isCertain('day') && !parsed.start.isCertain('weekday') && strict?.start.isCertain('day')
      ? { index: parsed.index + strict.index, text: strict.text, start: strict.start }
      : parsed;
    const known = {
      year: result.start.isCertain('year') ? result.start.get('year')! : undefined,
      month: result.start.isCertain('month') ? result.start.get('month')! : undefined,
      day: result.start.isCertain('day') ? result.start.get('day')! : undefined,
      weekday: result.start.isCertain('weekday') ? result.start.get('weekday')! : undefined,
    };
    let start = result.index;
    let end = result.index + result.text.replace(/[\s,.;:]+$/, '').length;
    if (RELATIVE_TO_A_STATEMENT.test(text.slice(Math.max(0, start - 10), end))) continue;
    const resolved = isoDay(result.start.date());
    const before = text.slice(Math.max(0, start - 20), start);
    const after = text.slice(end, end + 12);
    const qualifier = (QUALIFIER_BEFORE.exec(before)?.[1] ?? QUALIFIER_AFTER.exec(after)?.[1])?.replace(/^the (\w+) of$/, '$1');
    const withQualifier = qualifier ? { qualifier } : {};
    if (/\bweek\b/i.test(result.text)) {
      if (!publishedAt) continue;
      const earlier = /\b(earlier|later)\s+$/i.exec(text.slice(Math.max(0, start - 9), start));
      if (earlier) start -= earlier[0].length;
      const last = /\blast\b/i.test(result.text);
      const monday = mondayOf(publishedAt);
      const iso = last ? mondayOf(isoDay(new Date(new Date(`${monday}T12:00:00Z`).getTime() - 7 * 86_400_000))) : monday;
      const span = spanAt(text, start, end);
      dates.push({ span, iso, precision: 'WEEK', qualifier: span.text.toLowerCase(), inferredReason: `"${span.text}" in an article published ${publishedAt}: the week of Monday ${iso}` });
    } else if (known.day !== undefined && known.month !== undefined) {
      if (known.year === undefined && !publishedAt) continue;
      dates.push({ span: spanAt(text, start, end), iso: resolved, precision: 'DAY', ...withQualifier });
    } else if (known.weekday !== undefined) {
      if (!publishedAt) continue;
      const span = spanAt(text, start, end);
      dates.push({
        span,
        iso: resolved,
        precision: 'DAY',
        ...withQualifier,
        inferredReason: `"${span.text}" in an article published ${publishedAt} (a ${WEEKDAY_NAMES[reference.getUTCDay()]}): the last ${WEEKDAY_NAMES[known.weekday]} before it`,
      });
    } else if (known.month !== undefined && known.day === undefined) {
      if (known.year === undefined && !publishedAt) continue;
      dates.push({ span: spanAt(text, start, end), iso: `${resolved.slice(0, 7)}-01`, precision: 'MONTH', ...withQualifier });
    }
  }
  return dates;
}
