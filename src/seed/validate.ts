/**
 * Reads and validates annotation files. Every problem is reported with the file, the JSON path
 * and what is wrong, and a file with any problem is refused as a whole.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { annotationSchema, type Annotation, type AnnotatedEntity, type Span } from './annotation.ts';

export interface AnnotationProblem {
  /** JSONPath-like location, such as `$.relations[3].from`. */
  path: string;
  message: string;
}

export class AnnotationError extends Error {
  constructor(
    readonly file: string,
    readonly problems: AnnotationProblem[],
  ) {
    super(
      `${file} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((problem) => `  ${problem.path}: ${problem.message}`).join('\n'),
    );
    this.name = 'AnnotationError';
  }
}

export interface ValidatedArticle {
  file: string;
  annotation: Annotation;
  text: string;
}

type Kind = AnnotatedEntity['kind'];

/** Which entity kinds each relation type may connect, as [from kinds, to kinds]. */
const RELATION_ENDS: Record<string, [Kind[], Kind[]]> = {
  HOLDS_POSITION: [['PERSON'], ['ORGANIZATION', 'COUNTRY']],
  LOCATED_IN: [['PLACE', 'ORGANIZATION'], ['PLACE', 'COUNTRY']],
  PART_OF: [['ORGANIZATION', 'EVENT', 'PLACE'], ['ORGANIZATION', 'EVENT', 'COUNTRY', 'PLACE']],
  LED_BY: [['ORGANIZATION', 'COUNTRY'], ['PERSON', 'COUNTRY', 'ORGANIZATION']],
  MEMBER_OF: [['PERSON', 'ORGANIZATION', 'COUNTRY'], ['ORGANIZATION']],
  PARTICIPATED_IN: [['PERSON', 'ORGANIZATION', 'COUNTRY'], ['EVENT']],
  OCCURRED_IN: [['EVENT'], ['PLACE', 'COUNTRY']],
  REPORTED_BY: [['EVENT'], ['PERSON', 'ORGANIZATION', 'COUNTRY']],
};

function jsonPath(segments: ReadonlyArray<PropertyKey>): string {
  return segments.reduce<string>(
    (result, segment) => (typeof segment === 'number' ? `${result}[${segment}]` : `${result}.${String(segment)}`),
    '$',
  );
}

/** Checks what the schema cannot: references between values and spans against the text. */
export function crossCheck(annotation: Annotation, text: string): AnnotationProblem[] {
  const problems: AnnotationProblem[] = [];
  const report = (segments: PropertyKey[], message: string) => problems.push({ path: jsonPath(segments), message });

  const checkSpans = (spans: Span[], at: PropertyKey[]) =>
    spans.forEach((span, index) => {
      const where = [...at, index];
      if (span.end <= span.start) report(where, `end ${span.end} is not after start ${span.start}`);
      else if (span.end > text.length) report(where, `end ${span.end} is past the article's end (${text.length})`);
      else if (text.slice(span.start, span.end) !== span.text) {
        report(where, `text ${JSON.stringify(span.text)} does not match the article at ${span.start}-${span.end}, ` +
          `which reads ${JSON.stringify(text.slice(span.start, span.end))}`);
      }
    });

  const seenIds = new Map<string, string>();
  const claimId = (value: string, at: PropertyKey[]) => {
    const earlier = seenIds.get(value);
    if (earlier) report(at, `id "${value}" is already used at ${earlier}`);
    else seenIds.set(value, jsonPath(at));
  };

  const entities = new Map<string, AnnotatedEntity>();
  annotation.entities.forEach((entity, index) => {
    claimId(entity.id, ['entities', index, 'id']);
    entities.set(entity.id, entity);
    checkSpans(entity.mentions, ['entities', index, 'mentions']);
    if (entity.kind === 'EVENT') checkSpans(entity.evidence, ['entities', index, 'evidence']);
  });

  const expectEntity = (value: string | undefined, kinds: Kind[] | null, at: PropertyKey[]) => {
    if (value === undefined) return;
    const entity = entities.get(value);
    if (!entity) report(at, `unknown entity "${value}"`);
    else if (kinds && !kinds.includes(entity.kind)) {
      report(at, `"${value}" is a ${entity.kind}, expected ${kinds.join(' or ')}`);
    }
  };

  annotation.relations.forEach((relation, index) => {
    const [fromKinds, toKinds] = RELATION_ENDS[relation.type] ?? [null, null];
    expectEntity(relation.from, fromKinds, ['relations', index, 'from']);
    expectEntity(relation.to, toKinds, ['relations', index, 'to']);
    checkSpans(relation.evidence, ['relations', index, 'evidence']);
  });

  const figureMetrics = new Map<string, string>();
  annotation.figures.forEach((figure, index) => {
    claimId(figure.id, ['figures', index, 'id']);
    figureMetrics.set(figure.id, figure.metric);
    expectEntity(figure.eventId, ['EVENT'], ['figures', index, 'eventId']);
    expectEntity(figure.sourceId, null, ['figures', index, 'sourceId']);
    checkSpans(figure.evidence, ['figures', index, 'evidence']);
    if (!figure.evidence.some((span) => span.text.includes(figure.text))) {
      report(['figures', index, 'text'], `"${figure.text}" does not occur in the figure's evidence`);
    }
  });

  annotation.claims.forEach((claim, index) => {
    claimId(claim.id, ['claims', index, 'id']);
    expectEntity(claim.speakerId, null, ['claims', index, 'speakerId']);
    expectEntity(claim.mediumId, null, ['claims', index, 'mediumId']);
    claim.aboutIds.forEach((about, aboutIndex) => expectEntity(about, null, ['claims', index, 'aboutIds', aboutIndex]));
    checkSpans(claim.evidence, ['claims', index, 'evidence']);
    if (!text.includes(claim.quote)) report(['claims', index, 'quote'], 'the quote does not occur verbatim in the article');
  });

  annotation.deployments.forEach((deployment, index) => {
    claimId(deployment.id, ['deployments', index, 'id']);
    expectEntity(deployment.countryId, ['COUNTRY'], ['deployments', index, 'countryId']);
    expectEntity(deployment.destinationId, ['COUNTRY'], ['deployments', index, 'destinationId']);
    expectEntity(deployment.missionId, ['EVENT'], ['deployments', index, 'missionId']);
    if (deployment.troopsFigureId !== undefined) {
      const metric = figureMetrics.get(deployment.troopsFigureId);
      if (!metric) report(['deployments', index, 'troopsFigureId'], `unknown figure "${deployment.troopsFigureId}"`);
      else if (metric !== 'TROOPS') {
        report(['deployments', index, 'troopsFigureId'], `figure "${deployment.troopsFigureId}" counts ${metric}, not TROOPS`);
      }
    }
    checkSpans(deployment.evidence, ['deployments', index, 'evidence']);
  });

  return problems;
}

/** Parses and validates an annotation already in memory. Throws `AnnotationError` listing every problem. */
export function validateAnnotation(file: string, json: unknown, text: string): Annotation {
  const parsed = annotationSchema.safeParse(json);
  if (!parsed.success) {
    throw new AnnotationError(
      file,
      parsed.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message })),
    );
  }
  const problems = crossCheck(parsed.data, text);
  if (problems.length > 0) throw new AnnotationError(file, problems);
  return parsed.data;
}

/** Reads one annotation file and the article text it names, and validates both. */
export async function readAnnotationFile(file: string): Promise<ValidatedArticle> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new AnnotationError(file, [{ path: '$', message: `not readable JSON: ${(error as Error).message}` }]);
  }
  const textFile = (json as { article?: { textFile?: unknown } })?.article?.textFile;
  let text = '';
  if (typeof textFile === 'string') {
    try {
      text = await readFile(path.resolve(path.dirname(file), textFile), 'utf8');
    } catch {
      throw new AnnotationError(file, [{ path: '$.article.textFile', message: `cannot read "${textFile}"` }]);
    }
  }
  return { file, annotation: validateAnnotation(file, json, text), text };
}

/** Checks that files which share an entity id agree on its kind. */
export function checkSharedEntities(articles: ValidatedArticle[]): void {
  const kinds = new Map<string, { kind: Kind; file: string }>();
  for (const { file, annotation } of articles) {
    const problems: AnnotationProblem[] = [];
    annotation.entities.forEach((entity, index) => {
      const earlier = kinds.get(entity.id);
      if (earlier && earlier.kind !== entity.kind) {
        problems.push({
          path: jsonPath(['entities', index, 'kind']),
          message: `"${entity.id}" is a ${entity.kind} here but a ${earlier.kind} in ${earlier.file}`,
        });
      } else if (!earlier) kinds.set(entity.id, { kind: entity.kind, file });
    });
    if (problems.length > 0) throw new AnnotationError(file, problems);
  }
}
