/**
 * `npm run bench:draft`: how much of an annotation the draft does. Each evaluation article is
 * drafted with what the graph would know before it (the registry, and the seed article for the
 * fixtures) and scored against its reviewed annotation: precision and recall per category, and the
 * characters a reviewer still types against writing the JSON from scratch (the draft's ids of what
 * it got right count as the reviewed ones: a reviewer may keep them). Prints Markdown tables
 * and saves `bench/results/draft-<time>.json`. Not a timed test: nothing here measures speed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { draftAnnotation } from '../src/seed/draft.ts';
import { readKnownGraph } from '../src/seed/draft/known.ts';
import { validateFiles } from '../src/seed/load.ts';
import { collectDeclarations, parseAnnotationFile, readRegistry, REGISTRY_FILE, validateAnnotation } from '../src/seed/validate.ts';
import { canonicalJson, ENTITY_KINDS, precision, recall, reviewEffort, scoreArticle, sumScores, withReviewedIds, type ArticleScores, type Score } from './draft-score.ts';
import { formatTable } from './report.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SEED_DIR = path.join(ROOT, 'seed');
const SEED_ARTICLE = path.join(SEED_DIR, 'kazakhstan-unrest-2022-01.json');
const FIXTURES = path.join(ROOT, 'tests/fixtures/draft-eval');

interface EvaluationArticle {
  file: string;
  /** How the draft's rules relate to it: the honest reading of its scores. */
  role: 'tuned' | 'held out';
  /** The seed has no dateline; the date its own reviewed annotation resolves against ("reported on January 7"). */
  publishedAt?: string;
}

const ARTICLES: EvaluationArticle[] = [
  { file: SEED_ARTICLE, role: 'tuned', publishedAt: '2022-01-07' },
  { file: path.join(FIXTURES, 'draft-eval-almaty-airport.json'), role: 'tuned' },
  { file: path.join(FIXTURES, 'draft-eval-shoot-without-warning.json'), role: 'held out' },
  { file: path.join(FIXTURES, 'draft-eval-csto-summit.json'), role: 'held out' },
];

interface ArticleResult {
  article: string;
  role: EvaluationArticle['role'];
  scores: ArticleScores;
  effort: { typed: number; deletedLines: number; fromScratch: number; ratio: number };
  /** The draft passes the loader's validation once "draft" is deleted. */
  validWithoutDraftMark: boolean;
  validationProblem?: string;
}

async function evaluate({ file, role, publishedAt }: EvaluationArticle): Promise<ArticleResult> {
  const isSeed = file === SEED_ARTICLE;
  const context = isSeed ? [] : [SEED_ARTICLE];
  const { articles } = await validateFiles([...context, file]);
  const reviewed = articles.at(-1)!;
  const articleId = reviewed.annotation.article.id;
  const known = await readKnownGraph(SEED_DIR, isSeed ? articleId : undefined);
  const { annotation } = draftAnnotation({
    text: reviewed.text,
    textFile: path.basename(file).replace(/\.json$/, '.txt'),
    articleId,
    known,
    ...(publishedAt ? { publishedAt } : {}),
  });
  const kinds = new Map(known.entities.map((entity) => [entity.id, entity.kind as string]));
  const knownIds = new Set([...known.entities.map((entity) => entity.id), ...known.events.map((event) => event.id)]);
  const scores = scoreArticle(reviewed.annotation, { annotation, kindOf: (id) => kinds.get(id) }, knownIds);

  const asWritten = (await parseAnnotationFile(file)).input;
  const effort = reviewEffort(canonicalJson(withReviewedIds(annotation, reviewed.annotation, (id) => kinds.get(id))), canonicalJson(asWritten));

  const knownEntities = await readRegistry(path.join(SEED_DIR, REGISTRY_FILE));
  collectDeclarations(articles.slice(0, -1).map(({ file: contextFile, annotation: contextAnnotation }) => ({ file: contextFile, entities: contextAnnotation.entities })), knownEntities);
  const { draft: _draft, ...reviewedDraft } = annotation;
  let validationProblem: string | undefined;
  try {
    validateAnnotation(`${articleId}.draft.json`, reviewedDraft, reviewed.text, knownEntities);
  } catch (error) {
    validationProblem = (error as Error).message;
  }
  return {
    article: articleId,
    role,
    scores,
    effort: { ...effort, ratio: effort.typed / effort.fromScratch },
    validWithoutDraftMark: validationProblem === undefined,
    ...(validationProblem ? { validationProblem } : {}),
  };
}

const format = (value: number) => (Number.isNaN(value) ? '–' : value.toFixed(2));
const cells = (score: Score) => [format(precision(score)), format(recall(score)), `${score.found}/${score.expected}`];

const CATEGORIES: [string, (scores: ArticleScores) => Score][] = [
  ...(['ALL', ...ENTITY_KINDS] as const).map((kind): [string, (scores: ArticleScores) => Score] => [`named entities: ${kind === 'ALL' ? 'all' : kind}`, (scores) => scores.entities[kind]]),
  ['known entities linked by id', (scores) => scores.knownEntities],
  ['countries and cities linked', (scores) => scores.gazetteer],
  ['existing events linked by id', (scores) => scores.knownEvents],
  ['figures', (scores) => scores.figures],
  ['figures with the right bound', (scores) => scores.figureBounds],
  ['dates (right day or period)', (scores) => scores.dates],
  ['claims', (scores) => scores.claims],
  ['claims with the right speaker', (scores) => scores.claimSpeakers],
];

const results: ArticleResult[] = [];
for (const article of ARTICLES) results.push(await evaluate(article));
const tuned = sumScores(results.filter((result) => result.role === 'tuned').map((result) => result.scores));
const heldOut = sumScores(results.filter((result) => result.role === 'held out').map((result) => result.scores));
const all = sumScores(results.map((result) => result.scores));

console.log('## Draft precision and recall (P, R, reviewed items found)\n');
console.log(
  formatTable(
    ['category', 'held out P', 'held out R', 'held out found', 'tuned P', 'tuned R', 'tuned found', 'all P', 'all R', 'all found'],
    CATEGORIES.map(([name, pick]) => [name, ...cells(pick(heldOut)), ...cells(pick(tuned)), ...cells(pick(all))]),
  ),
);
console.log('\n## Review effort: characters a reviewer types on the draft vs writing the JSON from scratch\n');
console.log(
  formatTable(
    ['article', 'rules', 'from scratch', 'typed on the draft', 'ratio', 'lines deleted', 'valid once "draft" is deleted'],
    results.map((result) => [
      result.article,
      result.role,
      String(result.effort.fromScratch),
      String(result.effort.typed),
      result.effort.ratio.toFixed(2),
      String(result.effort.deletedLines),
      result.validWithoutDraftMark ? 'yes' : 'no',
    ]),
  ),
);
for (const result of results.filter((candidate) => candidate.validationProblem)) console.log(`\n${result.validationProblem}`);

const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));
mkdirSync(resultsDir, { recursive: true });
const out = path.join(resultsDir, `draft-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(out, `${JSON.stringify({ articles: results, heldOut, tuned, all }, null, 2)}\n`);
console.log(`\nSaved ${path.relative(ROOT, out)}`);
