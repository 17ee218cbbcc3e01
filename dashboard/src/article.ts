/**
 * The article panel: a picker of the graph's articles, the chosen one's text, and the evidence
 * highlighting every fact on the page links to. A fact's evidence is shown in the article it comes
 * from: the panel switches to that article when needed.
 */
import { ArticleListDocument, ArticleTextDocument, type ArticleTextQuery } from '../../examples/generated/graphql.ts';
import { request } from './api.ts';
import { el, load, part, section } from './dom.ts';

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface ArticleRef {
  id: string;
  title: string;
  source?: string | null;
}

/** Spans of one article that support a fact: one article's report of it, or its mentions there. */
export interface Evidence {
  article: ArticleRef;
  evidence: readonly Span[];
}

type Article = NonNullable<ArticleTextQuery['article']>;

const root = section('article');
const picker = part<HTMLSelectElement>(root, 'article-picker');
const texts = new Map<string, Promise<Article>>();
let shown: Article | undefined;
/** Bumped by every request to show something, so a slow answer never overwrites a later click. */
let latest = 0;

/** An article as people name it: its title and, when known, its outlet. */
export const articleName = (article: ArticleRef): string => (article.source ? `“${article.title}” (${article.source})` : `“${article.title}”`);

export async function loadArticles(): Promise<void> {
  const { articles } = await request(ArticleListDocument, { first: 100 });
  const list = articles.edges.map((edge) => edge.node);
  const first = list[0];
  if (!first) throw new Error('The graph holds no article yet: load one with `npm run seed`.');
  picker.replaceChildren(
    ...list.map((article) => el('option', { value: article.id }, [article.title, article.source, article.publishedAt].filter(Boolean).join(' · '))),
  );
  await display(first.id, []);
}

picker.addEventListener('change', () => void load(root, () => display(picker.value, [])));

/**
 * Highlights a fact's evidence: in the article on show when one of its reports comes from it,
 * otherwise in the first reporting article. The status line names the other reporting articles.
 */
export function showEvidence(reports: readonly Evidence[], fact: string): Promise<void> {
  const withSpans = reports.filter((report) => report.evidence.length > 0);
  const chosen = withSpans.find((report) => report.article.id === shown?.id) ?? withSpans[0];
  if (!chosen) {
    setStatus(`No article gives evidence for: ${fact}`);
    return Promise.resolve();
  }
  const others = [...new Set(withSpans.filter((report) => report.article.id !== chosen.article.id).map((report) => articleName(report.article)))];
  const also = others.length > 0 ? `; also reported in ${others.join(', ')}` : '';
  return load(root, () => display(chosen.article.id, chosen.evidence, `Evidence in ${articleName(chosen.article)} for: ${fact}${also}`));
}

/** A background fact has no evidence in any article: say where it is documented instead. */
export function showBackground(fact: string, reference: string | null | undefined): void {
  setStatus(`Background knowledge, not from an article: ${fact}${reference ? ` (${reference})` : ''}`);
  if (shown) render(shown.text, []);
}

const setStatus = (status: string) => (part(root, 'evidence-status').textContent = status);

/** Shows an article (fetched once) with `spans` marked, and scrolls to the first mark. */
async function display(id: string, spans: readonly Span[], status = 'Click a fact to highlight its evidence.'): Promise<void> {
  const call = ++latest;
  const article = await articleText(id);
  if (call !== latest) return;
  shown = article;
  picker.value = article.id;
  root.dataset.articleId = article.id;
  const byline = [article.source, article.publishedAt].filter(Boolean).join(', ');
  part(root, 'article-title').textContent = byline ? `${article.title} (${byline})` : article.title;
  setStatus(status);
  render(article.text, spans);
  root.querySelector('mark')?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

/** An article's text, asked once (a failed request is asked again next time). */
function articleText(id: string): Promise<Article> {
  let text = texts.get(id);
  if (!text) {
    text = request(ArticleTextDocument, { id }).then(({ article }) => {
      if (!article) throw new Error(`No article ${id}.`);
      return article;
    });
    texts.set(id, text);
    text.catch(() => texts.delete(id));
  }
  return text;
}

/** The text as paragraphs, with each (merged) span in a <mark>. */
function render(text: string, spans: readonly Span[]): void {
  const ranges = mergeRanges(spans);
  const container = part(root, 'article-text');
  container.replaceChildren();
  let offset = 0;
  for (const paragraph of text.split(/\n\s*\n/)) {
    const start = text.indexOf(paragraph, offset);
    offset = start + paragraph.length;
    container.append(el('p', {}, ...pieces(text, start, offset, ranges)));
  }
}

function pieces(text: string, from: number, to: number, ranges: readonly [number, number][]): Node[] {
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
