/** The article's text, and the evidence highlighting every fact on the page links to. */
import { ArticleEvidenceDocument } from '../../examples/generated/graphql.ts';
import { request } from './api.ts';
import { el, part, section } from './dom.ts';

export interface Span {
  start: number;
  end: number;
  text: string;
}

/** The article whose spans the page highlights (the seed article; every span of it indexes into its text). */
const ARTICLE_ID = 'kazakhstan-unrest-2022-01';

const root = section('article');
let text = '';
/** Evidence of figures, claims and deployments by id: the list operations select only the span text. */
const evidenceById = new Map<string, Span[]>();

export async function loadArticle(): Promise<void> {
  const { article } = await request(ArticleEvidenceDocument, { id: ARTICLE_ID });
  if (!article) throw new Error(`No article ${ARTICLE_ID}.`);
  text = article.text;
  for (const fact of [...article.figures, ...article.claims, ...article.deployments]) evidenceById.set(fact.id, fact.evidence);
  const byline = [article.source, article.publishedAt].filter(Boolean).join(', ');
  part(root, 'article-title').textContent = byline ? `${article.title} (${byline})` : article.title;
  render([]);
}

export const evidenceOf = (factId: string): Span[] => evidenceById.get(factId) ?? [];

/** Highlights the spans of one fact in the text and scrolls to the first. */
export function showEvidence(spans: readonly Span[], fact: string): void {
  // A span that does not index into this article's text (another article's) is not drawn.
  const valid = spans.filter((span) => text.slice(span.start, span.end) === span.text);
  part(root, 'evidence-status').textContent = valid.length > 0 ? `Evidence for: ${fact}` : `No evidence in this article for: ${fact}`;
  render(valid);
  root.querySelector('mark')?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

/** The text as paragraphs, with each (merged) span in a <mark>. */
function render(spans: readonly Span[]): void {
  const ranges = mergeRanges(spans);
  const container = part(root, 'article-text');
  container.replaceChildren();
  let offset = 0;
  for (const paragraph of text.split(/\n\s*\n/)) {
    const start = text.indexOf(paragraph, offset);
    offset = start + paragraph.length;
    container.append(el('p', {}, ...pieces(start, offset, ranges)));
  }
}

function pieces(from: number, to: number, ranges: readonly [number, number][]): Node[] {
  const nodes: Node[] = [];
  let at = from;
  for (const [start, end] of ranges) {
    if (end <= at || start >= to) continue;
    const markStart = Math.max(start, at);
    const markEnd = Math.min(end, to);
    if (markStart > at) nodes.push(document.createTextNode(text.slice(at, markStart)));
    nodes.push(el('mark', { 'data-testid': 'evidence-mark' }, text.slice(markStart, markEnd)));
    at = markEnd;
  }
  if (at < to) nodes.push(document.createTextNode(text.slice(at, to)));
  return nodes;
}

/** Overlapping spans as one range each, in text order. */
function mergeRanges(spans: readonly Span[]): [number, number][] {
  const merged: [number, number][] = [];
  for (const { start, end } of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
