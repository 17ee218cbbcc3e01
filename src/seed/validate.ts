/**
 * Reads and validates annotation files. Every problem is reported with the file, the JSON path
 * and what is wrong, and a file with any problem is refused as a whole.
 *
 * Validation runs in steps: each file's shape, text hash and spans (quotes are anchored to
 * offsets); then across files: unique article ids, and one identity per entity (the registry and
 * every declaring article must agree); then each article's references are resolved and its ids
 * and relation ends checked.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import {
  annotationInputSchema,
  backgroundSchema,
  DECLARATION_KEYS,
  FACT_IDENTITY_FIELDS,
  IDENTITY_FIELDS,
  LIMITS,
  registrySchema,
  type AnchoredAnnotation,
  type AnnotatedEntity,
  type AnnotatedFact,
  type AnnotatedRelation,
  type Annotation,
  type FactCollection,
  type AnnotationInput,
  type Background,
  type EntityInput,
  type RegisteredEntity,
  type Span,
  type SpanInput,
} from './annotation.ts';
import { anchorSpan } from './anchor.ts';

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
  /** What was accepted but deserves a look, such as a quote that matches only after Unicode normalisation. */
  notes: AnnotationProblem[];
}

/** The registry's file, relative to the folder of annotation files. */
export const REGISTRY_FILE = path.join('registry', 'entities.json');
/** The background file (reviewed well-known facts), relative to the folder of annotation files. */
export const BACKGROUND_FILE = path.join('registry', 'background.json');

/** An entity's canonical declaration (identity and canonical aliases) and the file that declares it. */
export interface KnownEntity {
  entity: RegisteredEntity;
  file: string;
  fromRegistry: boolean;
}
export type KnownEntities = Map<string, KnownEntity>;

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

/** Collects problems with their JSON paths. */
function problemList() {
  const problems: AnnotationProblem[] = [];
  const report = (segments: PropertyKey[], message: string) => problems.push({ path: jsonPath(segments), message });
  return { problems, report };
}

/** The hash `article.textSha256` holds: of the text as loaded (without a byte-order mark). */
export function textSha256(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

const BYTE_ORDER_MARK = '\uFEFF';

/** Editors on Windows may start a UTF-8 file with a byte-order mark; it is not part of the content. */
export function withoutByteOrderMark(content: string): string {
  return content.startsWith(BYTE_ORDER_MARK) ? content.slice(1) : content;
}

/** The aliases of both lists, each once, in order. */
export function unionOf(first: readonly string[], second: readonly string[]): string[] {
  return [...new Set([...first, ...second])];
}

type WithSpans<T> = T extends unknown
  ? Omit<T, 'mentions' | 'evidence'> & { mentions: Span[]; evidence?: Span[] }
  : never;
type AnchoredEntity = WithSpans<EntityInput>;
type Declaration = Extract<AnchoredEntity, { kind: Kind }>;

/** A file whose shape is valid and whose spans are anchored; its references are not resolved yet. */
export interface ParsedArticle {
  file: string;
  text: string;
  notes: AnnotationProblem[];
  input: Omit<AnnotationInput, 'entities' | 'relations' | 'figures' | 'claims' | 'deployments'> & {
    entities: AnchoredEntity[];
    relations: AnnotatedRelation[];
    figures: AnchoredAnnotation['figures'];
    claims: AnchoredAnnotation['claims'];
    deployments: AnchoredAnnotation['deployments'];
  };
}

/**
 * The problems of a value that failed to parse. A fact is a declaration or a reference: its
 * problems are those of the form it meant (a declaration has its `DECLARATION_KEYS` key).
 */
function parseProblems(error: z.ZodError, json: unknown): AnnotationProblem[] {
  return error.issues.flatMap((issue) => {
    const [collection, index] = issue.path;
    if (issue.code === 'invalid_union' && issue.path.length === 2 && typeof collection === 'string' && collection in DECLARATION_KEYS) {
      const value = (json as Record<string, unknown[]>)[collection]?.[index as number];
      const declared = typeof value === 'object' && value !== null && DECLARATION_KEYS[collection as FactCollection] in value;
      return (issue.errors[declared ? 0 : 1] ?? []).map((branch) => ({ path: jsonPath([...issue.path, ...branch.path]), message: branch.message }));
    }
    return [{ path: jsonPath(issue.path), message: issue.message }];
  });
}

/** The problem of a missing text hash, with the exact value to add. */
function missingHash(file: string, text: string): string {
  const hash = textSha256(text);
  return `is missing: add "textSha256": "${hash}" to "article" (the hash of the text as it is now: check the spans first if it changed since they were annotated), ` +
    `or run: npm run annotate -- hash ${file}`;
}

/** Step 1: the shape, the review mark, the text's size and hash, and every span anchored in the text. */
export function parseAnnotation(file: string, json: unknown, text: string): ParsedArticle {
  const parsed = annotationInputSchema.safeParse(json);
  if (!parsed.success) {
    const hashIsMissing = (json as { article?: { textSha256?: unknown } } | null)?.article?.textSha256 === undefined;
    throw new AnnotationError(
      file,
      parseProblems(parsed.error, json).map((problem) =>
        hashIsMissing && problem.path === '$.article.textSha256' ? { ...problem, message: missingHash(file, text) } : problem,
      ),
    );
  }
  const input = parsed.data;
  const { problems, report } = problemList();
  const notes: AnnotationProblem[] = [];
  if (input.draft) {
    report(['draft'], 'this is an unreviewed draft: check every entity and span, then delete "draft" and "candidates" (docs/annotating.md)');
  } else if (input.candidates) {
    report(['candidates'], 'the draft\'s candidates are for the reviewer: delete them once reviewed');
  }
  if (text.length > LIMITS.textCharacters) {
    report(['article', 'textFile'], `the text has ${text.length} characters, more than the limit of ${LIMITS.textCharacters}`);
  }
  let spanProblems = 0;
  const anchor = (spans: SpanInput[], at: PropertyKey[]): Span[] =>
    spans.map((span, index) => {
      const anchoring = anchorSpan(span, text);
      if ('span' in anchoring) {
        if (anchoring.note) notes.push({ path: jsonPath([...at, index]), message: anchoring.note });
        return anchoring.span;
      }
      spanProblems += 1;
      report([...at, index], anchoring.problem);
      return { start: 0, end: 0, text: '' };
    });
  /** A nested value's evidence, anchored when it has any. */
  const anchorOptional = <T extends { evidence?: SpanInput[] | undefined }>(value: T, at: PropertyKey[]): Omit<T, 'evidence'> & { evidence?: Span[] } => {
    const { evidence, ...rest } = value;
    return evidence ? { ...rest, evidence: anchor(evidence, [...at, 'evidence']) } : rest;
  };
  const withEvidence = <T extends { evidence: SpanInput[]; date?: { evidence?: SpanInput[] | undefined } | undefined }>(items: T[], at: string) =>
    items.map((item, index) => ({
      ...item,
      evidence: anchor(item.evidence, [at, index, 'evidence']),
      ...(item.date ? { date: anchorOptional(item.date, [at, index, 'date']) } : {}),
    }));
  const result: ParsedArticle['input'] = {
    ...input,
    entities: input.entities.map(
      (entity, index) =>
        ({
          ...entity,
          mentions: anchor(entity.mentions, ['entities', index, 'mentions']),
          ...('evidence' in entity && entity.evidence ? { evidence: anchor(entity.evidence, ['entities', index, 'evidence']) } : {}),
          ...('date' in entity && entity.date ? { date: anchorOptional(entity.date, ['entities', index, 'date']) } : {}),
        }) as AnchoredEntity,
    ),
    relations: withEvidence(input.relations, 'relations'),
    figures: withEvidence(input.figures, 'figures'),
    claims: withEvidence(input.claims, 'claims').map(({ sameStatementAs, ...claim }, index) => ({
      ...claim,
      ...(sameStatementAs
        ? { sameStatementAs: { claimId: sameStatementAs.claimId, evidence: anchor(sameStatementAs.evidence, ['claims', index, 'sameStatementAs', 'evidence']) } }
        : {}),
    })),
    deployments: withEvidence(input.deployments, 'deployments'),
  };
  const hash = textSha256(text);
  if (input.article.textSha256 !== hash) {
    problems.unshift({
      path: '$.article.textSha256',
      message:
        `the text has changed since it was annotated (it now hashes to ${hash}): ` +
        (spanProblems > 0 ? `${spanProblems} span${spanProblems === 1 ? ' no longer matches' : 's no longer match'} it (below)` : 'every span still matches it') +
        `; check the spans, then set "textSha256" to "${hash}" (or run: npm run annotate -- hash ${file})`,
    });
  }
  if (problems.length > 0) throw new AnnotationError(file, problems);
  return { file, text, notes, input: result };
}

/** The identity part of a declaration, for comparing declarations and for registering one. */
function canonical(entity: Declaration | AnnotatedEntity | RegisteredEntity, aliases: string[]): RegisteredEntity {
  const picked: Record<string, unknown> = { id: entity.id, aliases };
  for (const field of IDENTITY_FIELDS) {
    const value = (entity as Record<string, unknown>)[field];
    if (value !== undefined) picked[field] = value;
  }
  return picked as unknown as RegisteredEntity;
}

/** Reads a JSON file (a byte-order mark is accepted); an unreadable one is a problem naming the file. */
async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(withoutByteOrderMark(await readFile(file, 'utf8')));
  } catch (error) {
    throw new AnnotationError(file, [{ path: '$', message: `not readable JSON: ${(error as Error).message}` }]);
  }
}

/** Reads and parses a JSON file with a zod schema; problems name the file and JSON path. */
async function readJsonFile<S extends z.ZodType>(file: string, schema: S): Promise<z.output<S>> {
  const parsed = schema.safeParse(await readJson(file));
  if (!parsed.success) {
    throw new AnnotationError(file, parsed.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message })));
  }
  return parsed.data;
}

/**
 * Reads a folder's background file (null when it has none) and checks it against the known entities:
 * every id is known, each entity listed once, every relation connects kinds its type allows.
 */
export async function readBackground(file: string, known: KnownEntities): Promise<Background | null> {
  if (!existsSync(file)) return null;
  const background = await readJsonFile(file, backgroundSchema);
  const { problems, report } = problemList();
  const kindOf = (value: string, at: PropertyKey[]) => {
    const entry = known.get(value);
    if (!entry) report(at, `unknown entity "${value}": background facts are about entities the registry or an article declares`);
    return entry?.entity.kind;
  };
  const listed = new Set<string>();
  background.entities.forEach((entity, index) => {
    if (listed.has(entity.id)) report(['entities', index, 'id'], `"${entity.id}" is listed twice`);
    listed.add(entity.id);
    kindOf(entity.id, ['entities', index, 'id']);
  });
  background.relations.forEach((relation, index) => {
    const [fromKinds, toKinds] = RELATION_ENDS[relation.type]!;
    for (const [end, kinds] of [['from', fromKinds], ['to', toKinds]] as const) {
      const kind = kindOf(relation[end], ['relations', index, end]);
      if (kind && !kinds.includes(kind)) report(['relations', index, end], `"${relation[end]}" is a ${kind}, expected ${kinds.join(' or ')}`);
    }
  });
  if (problems.length > 0) throw new AnnotationError(file, problems);
  return background;
}

/** Reads the registry of known entities, if the folder has one. */
export async function readRegistry(file: string): Promise<KnownEntities> {
  const known: KnownEntities = new Map();
  if (!existsSync(file)) return known;
  const registry = await readJsonFile(file, registrySchema);
  const { problems, report } = problemList();
  registry.entities.forEach((entity, index) => {
    if (known.has(entity.id)) report(['entities', index, 'id'], `"${entity.id}" is declared twice`);
    known.set(entity.id, { entity, file, fromRegistry: true });
  });
  if (problems.length > 0) throw new AnnotationError(file, problems);
  return known;
}

/**
 * Step 2: adds every article's declarations to the known entities. Two declarations of one
 * entity must agree on its identity: a disagreement names both files and the field.
 */
export function collectDeclarations(
  articles: { file: string; entities: ReadonlyArray<Declaration | AnnotatedEntity | { kind?: undefined }> }[],
  known: KnownEntities,
): void {
  for (const { file, entities } of articles) {
    const { problems, report } = problemList();
    entities.forEach((entity, index) => {
      if (entity.kind === undefined) return;
      const declared = entity as Declaration;
      const earlier = known.get(declared.id);
      if (!earlier) {
        known.set(declared.id, { entity: canonical(declared, []), file, fromRegistry: false });
        return;
      }
      if (earlier.entity.kind !== declared.kind) {
        report(['entities', index, 'kind'], `"${declared.id}" is a ${declared.kind} here but a ${earlier.entity.kind} in ${earlier.file}`);
        return;
      }
      const mine = canonical(declared, []) as unknown as Record<string, unknown>;
      const theirs = earlier.entity as unknown as Record<string, unknown>;
      for (const field of IDENTITY_FIELDS) {
        if (JSON.stringify(mine[field]) !== JSON.stringify(theirs[field])) {
          report(
            ['entities', index, field],
            `"${declared.id}" has ${field} ${JSON.stringify(mine[field]) ?? '(none)'} here but ${JSON.stringify(theirs[field]) ?? '(none)'} in ${earlier.file}; ` +
              'declare an entity once (or identically), and reference it by id elsewhere',
          );
        }
      }
    });
    if (problems.length > 0) throw new AnnotationError(file, problems);
  }
}

/** A fact's declaration (identity and its declaring file), by collection and id. */
export type KnownFacts = Map<string, { fact: AnnotatedFact; file: string }>;

const factKey = (collection: FactCollection, id: string) => `${collection}:${id}`;
const isDeclaration = (collection: FactCollection, fact: object) => DECLARATION_KEYS[collection] in fact;
const FACT_COLLECTIONS = Object.keys(DECLARATION_KEYS) as FactCollection[];

/**
 * Step 2 for facts: adds every article's fact declarations to the known facts. Articles share a
 * fact by id; two declarations of one must agree on its identity (`FACT_IDENTITY_FIELDS`), and an
 * article reports a fact once.
 */
export function collectFacts(articles: ReadonlyArray<Pick<ParsedArticle, 'file' | 'input'>>, known: KnownFacts): void {
  for (const { file, input } of articles) {
    const { problems, report } = problemList();
    for (const collection of FACT_COLLECTIONS) {
      const seen = new Set<string>();
      input[collection].forEach((fact, index) => {
        if (seen.has(fact.id)) report([collection, index, 'id'], `"${fact.id}" is reported twice in this article: one entry per fact`);
        seen.add(fact.id);
        if (!isDeclaration(collection, fact)) return;
        const declared = fact as AnnotatedFact;
        const earlier = known.get(factKey(collection, fact.id));
        if (!earlier) {
          known.set(factKey(collection, fact.id), { fact: declared, file });
          return;
        }
        for (const field of FACT_IDENTITY_FIELDS[collection]) {
          const mine = JSON.stringify((declared as Record<string, unknown>)[field]);
          const theirs = JSON.stringify((earlier.fact as Record<string, unknown>)[field]);
          if (mine !== theirs) {
            report(
              [collection, index, field],
              `"${fact.id}" has ${field} ${mine ?? '(none)'} here but ${theirs ?? '(none)'} in ${earlier.file}; ` +
                'another report of the same fact references it by id with its own wording, certainty and evidence (docs/annotating.md)',
            );
          }
        }
      });
    }
    if (problems.length > 0) throw new AnnotationError(file, problems);
  }
}

/** Step 3: every entity and fact with its full declaration, and every reference between values checked. */
export function resolveArticle({ file, text, notes, input }: ParsedArticle, known: KnownEntities, knownFacts: KnownFacts = new Map()): ValidatedArticle {
  const { problems, report } = problemList();
  const registryAliases = (id: string) => {
    const entry = known.get(id);
    return entry?.fromRegistry ? entry.entity.aliases : [];
  };
  /** This article's report of an event's date: its own evidence, or (an ARTICLE date) the event's. */
  const reportedDate = (date: Extract<AnchoredEntity, { kind: 'EVENT' }>['date'], evidence: Span[] | undefined) =>
    date ? { date: { ...date, evidence: date.evidence ?? evidence } } : {};
  const entities: AnnotatedEntity[] = [];
  input.entities.forEach((entity, index) => {
    const aliases = unionOf(registryAliases(entity.id), entity.aliases);
    if (entity.kind !== undefined) {
      const date = entity.kind === 'EVENT' ? reportedDate(entity.date, entity.evidence) : {};
      entities.push({ ...entity, aliases, ...date } as AnnotatedEntity);
      return;
    }
    const declared = known.get(entity.id);
    if (!declared) {
      report(['entities', index, 'id'], `unknown entity "${entity.id}": declare it here (with "kind") or in ${REGISTRY_FILE}`);
      return;
    }
    const { certainty, evidence, date, ...reference } = entity;
    if (declared.entity.kind === 'EVENT') {
      if (certainty === undefined || evidence === undefined) {
        report(['entities', index], `"${entity.id}" is an EVENT: say how this article states it with "certainty" and "evidence"`);
        return;
      }
      entities.push({ ...declared.entity, ...reference, aliases, certainty, evidence, ...reportedDate(date, evidence) } as AnnotatedEntity);
    } else {
      if (certainty !== undefined || evidence !== undefined || date !== undefined) {
        report(['entities', index], `"certainty", "evidence" and "date" belong to EVENT references; "${entity.id}" is a ${declared.entity.kind}`);
      }
      entities.push({ ...declared.entity, ...reference, aliases } as AnnotatedEntity);
    }
  });
  /** Facts referenced by id take their identity from their declaration, and keep this article's report. */
  const referenced = new Set<string>();
  const resolveFacts = <C extends FactCollection>(collection: C): Annotation[C] =>
    input[collection].flatMap((fact, index) => {
      if (isDeclaration(collection, fact)) return [fact];
      const declared = knownFacts.get(factKey(collection, fact.id));
      if (!declared) {
        const key = DECLARATION_KEYS[collection];
        report([collection, index, 'id'], `unknown ${collection.slice(0, -1)} "${fact.id}": declare it in full (with "${key}") here or in another article of the folder`);
        return [];
      }
      referenced.add(factKey(collection, fact.id));
      const { distinctFrom: _distinctFrom, ...identity } = declared.fact as AnnotatedFact & { distinctFrom?: string[] };
      return [{ ...identity, ...fact }];
    }) as Annotation[C];
  const { $schema: _schema, draft: _draft, candidates: _candidates, ...rest } = input;
  const annotation: Annotation = {
    ...rest,
    entities,
    figures: resolveFacts('figures'),
    claims: resolveFacts('claims'),
    deployments: resolveFacts('deployments'),
  };
  const isReference = (collection: FactCollection, id: string) => referenced.has(factKey(collection, id));
  problems.push(...crossCheck(annotation, text, isReference, knownFacts));
  if (problems.length > 0) throw new AnnotationError(file, problems);
  return { file, annotation, text, notes };
}

/** Checks what the schema cannot: ids, references between values and the kinds they connect. */
export function crossCheck(
  annotation: Annotation,
  text: string,
  isReference: (collection: FactCollection, id: string) => boolean = () => false,
  knownFacts: KnownFacts = new Map(),
): AnnotationProblem[] {
  const problems: AnnotationProblem[] = [];
  const report = (segments: PropertyKey[], message: string) => problems.push({ path: jsonPath(segments), message });

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
  });

  const figureMetrics = new Map<string, string>();
  annotation.figures.forEach((figure, index) => {
    claimId(figure.id, ['figures', index, 'id']);
    figureMetrics.set(figure.id, figure.metric);
    // A referenced fact's identity was checked in the article that declares it.
    if (!isReference('figures', figure.id)) {
      expectEntity(figure.eventId, ['EVENT'], ['figures', index, 'eventId']);
      expectEntity(figure.sourceId, null, ['figures', index, 'sourceId']);
    }
    if (!figure.evidence.some((span) => span.text.includes(figure.text))) {
      report(['figures', index, 'text'], `"${figure.text}" does not occur in the figure's evidence`);
    }
  });

  const claims = new Map(annotation.claims.map((claim) => [claim.id, claim]));
  annotation.claims.forEach((claim, index) => {
    claimId(claim.id, ['claims', index, 'id']);
    if (claim.sameStatementAs) {
      const at = ['claims', index, 'sameStatementAs', 'claimId'];
      // Follow the chain to the statement it ends at: every link must exist, and none may recur.
      const chain = [claim.id];
      for (let next: string | undefined = claim.sameStatementAs.claimId; next !== undefined; ) {
        const linked = claims.get(next);
        if (!linked) report(at, `unknown claim "${next}" in this article`);
        else if (chain.includes(next)) report(at, `the statements go round in a circle: ${[...chain, next].join(' → ')}`);
        if (!linked || chain.includes(next)) break;
        chain.push(next);
        next = linked.sameStatementAs?.claimId;
      }
      if (claim.mediumId !== undefined || claim.date !== undefined) {
        report(['claims', index, 'sameStatementAs'], 'a claim from the same statement takes that statement\'s medium and date: drop its own "mediumId" and "date"');
      }
    }
    expectEntity(claim.mediumId, null, ['claims', index, 'mediumId']);
    if (!isReference('claims', claim.id)) {
      expectEntity(claim.speakerId, null, ['claims', index, 'speakerId']);
      claim.aboutIds.forEach((about, aboutIndex) => expectEntity(about, null, ['claims', index, 'aboutIds', aboutIndex]));
    }
    if (!text.includes(claim.quote) && !text.normalize('NFC').includes(claim.quote.normalize('NFC'))) {
      report(['claims', index, 'quote'], 'the quote does not occur verbatim in the article (compared after Unicode NFC normalisation)');
    }
  });

  annotation.deployments.forEach((deployment, index) => {
    claimId(deployment.id, ['deployments', index, 'id']);
    if (!isReference('deployments', deployment.id)) {
      expectEntity(deployment.countryId, ['COUNTRY'], ['deployments', index, 'countryId']);
      expectEntity(deployment.destinationId, ['COUNTRY'], ['deployments', index, 'destinationId']);
      expectEntity(deployment.missionId, ['EVENT'], ['deployments', index, 'missionId']);
    }
    if (deployment.troopsFigureId !== undefined) {
      const known = knownFacts.get(factKey('figures', deployment.troopsFigureId))?.fact as { metric?: string } | undefined;
      const metric = figureMetrics.get(deployment.troopsFigureId) ?? known?.metric;
      if (!metric) report(['deployments', index, 'troopsFigureId'], `unknown figure "${deployment.troopsFigureId}"`);
      else if (metric !== 'TROOPS') {
        report(['deployments', index, 'troopsFigureId'], `figure "${deployment.troopsFigureId}" counts ${metric}, not TROOPS`);
      }
    }
  });

  return problems;
}

/**
 * Validates one annotation already in memory against the known entities (by default only its own
 * declarations). Throws `AnnotationError` listing every problem.
 */
export function validateAnnotation(file: string, json: unknown, text: string, known: KnownEntities = new Map()): Annotation {
  const parsed = parseAnnotation(file, json, text);
  const withOwn = new Map(known);
  collectDeclarations([{ file, entities: parsed.input.entities }], withOwn);
  const facts: KnownFacts = new Map();
  collectFacts([parsed], facts);
  return resolveArticle(parsed, withOwn, facts).annotation;
}

/**
 * Reads the article text an annotation names. The loader publishes what it reads, so the text must
 * be a file inside the annotation's own folder: no absolute path, no `..` out of it, no symlink
 * that leads out. A leading byte-order mark is dropped (offsets do not count it).
 */
export async function readArticleText(annotationFile: string, textFile: string): Promise<string> {
  const refuse = (message: string) => new AnnotationError(annotationFile, [{ path: '$.article.textFile', message }]);
  const folder = path.dirname(path.resolve(annotationFile));
  if (path.isAbsolute(textFile)) throw refuse(`"${textFile}" is an absolute path: name a file in the annotation's folder, relative to it`);
  const resolved = path.resolve(folder, textFile);
  const inside = (target: string, root: string) => {
    const relative = path.relative(root, target);
    return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
  };
  if (!inside(resolved, folder)) throw refuse(`"${textFile}" leads out of the annotation's folder (${folder}): the text must be a file in that folder`);
  let real: string;
  try {
    real = await realpath(resolved);
  } catch {
    throw refuse(`cannot read "${textFile}": no such file in ${folder}`);
  }
  if (!inside(real, await realpath(folder))) {
    throw refuse(`"${textFile}" is a link to ${real}, outside the annotation's folder (${folder}): the text must be a file in that folder`);
  }
  if (!(await stat(real)).isFile()) throw refuse(`"${textFile}" is not a regular file`);
  try {
    return withoutByteOrderMark(await readFile(real, 'utf8'));
  } catch (error) {
    throw refuse(`cannot read "${textFile}" (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/** Reads one annotation file and the article text it names, and checks its shape and spans. */
export async function parseAnnotationFile(file: string): Promise<ParsedArticle> {
  const json = await readJson(file);
  const textFile = (json as { article?: { textFile?: unknown } })?.article?.textFile;
  const text = typeof textFile === 'string' ? await readArticleText(file, textFile) : '';
  return parseAnnotation(file, json, text);
}

/** Reads and validates one self-contained annotation file (its folder's registry included). */
export async function readAnnotationFile(file: string): Promise<ValidatedArticle> {
  const known = await readRegistry(path.join(path.dirname(file), REGISTRY_FILE));
  const parsed = await parseAnnotationFile(file);
  collectDeclarations([{ file, entities: parsed.input.entities }], known);
  const facts: KnownFacts = new Map();
  collectFacts([parsed], facts);
  return resolveArticle(parsed, known, facts);
}

/** Checks that resolved articles agree on the identity of every entity they share. */
export function checkSharedEntities(articles: ValidatedArticle[]): void {
  collectDeclarations(articles.map(({ file, annotation }) => ({ file, entities: annotation.entities })), new Map());
}

/** Throws if two files share an id of the given collection: article ids, or ids of figures, claims, deployments. */
function checkUniqueAcrossFiles(articles: ReadonlyArray<{ file: string; items: { kind: string; id: string; at: PropertyKey[] }[] }>): void {
  const owners = new Map<string, string>();
  for (const { file, items } of articles) {
    const { problems, report } = problemList();
    for (const { kind, id, at } of items) {
      const key = `${kind} ${id}`;
      const owner = owners.get(key);
      if (owner !== undefined && owner !== file) report(at, `${kind} id "${id}" is also used in ${owner}`);
      else owners.set(key, file);
    }
    if (problems.length > 0) throw new AnnotationError(file, problems);
  }
}

export function checkUniqueArticleIds(articles: ReadonlyArray<{ file: string; input: { article: { id: string } } }>): void {
  checkUniqueAcrossFiles(articles.map(({ file, input }) => ({ file, items: [{ kind: 'article', id: input.article.id, at: ['article', 'id'] }] })));
}
