/** The article's own title: its first line when that line is a headline, never a cut sentence. */
import type { Span } from '../annotation.ts';
import { spanAt } from './text.ts';

const MAX_TITLE_CHARACTERS = 200;
const MAX_TITLE_WORDS = 25;

/**
 * The first line, when the text has more lines after it and it reads as a headline: short, and
 * not ending like a sentence. Undefined when the text starts straight with its first paragraph.
 */
export function titleOf(text: string): Span | undefined {
  const match = /^\s*([^\n]+?)\s*\n/.exec(text);
  if (!match || text.slice(match[0].length).trim().length === 0) return undefined;
  const line = match[1]!;
  const start = match[0].indexOf(line);
  if (line.length > MAX_TITLE_CHARACTERS || line.split(/\s+/).length > MAX_TITLE_WORDS || /[.!?,;”"]$/.test(line)) return undefined;
  return spanAt(text, start, start + line.length);
}
