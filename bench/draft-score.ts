/**
 * Scores a draft annotation against the reviewed one: precision and recall per category, and how
 * much JSON a reviewer still has to type. Pure functions; `bench/draft.ts` runs them.
 */
import { diffLines } from 'diff';
import type { Annotation, DeclaredAnnotationInput, Span } from '../src/seed/annotation.ts';

export interface Score {
  /** What the reviewed annotation has. */
  expected: number;
  /** What the draft proposes. */
  proposed: number;
  /** Reviewed items the draft found. */
  found: number;
  /** Proposals that match a reviewed item. */
  correct: number;
}

export const recall = (score: Score) => (score.expected === 0 ? NaN : score.found / score.expected);
export const precision = (score: Score) => (score.proposed === 0 ? NaN : score.correct / score.proposed);

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const anyOverlap = (a: readonly Span[], b: readonly Span[]) => a.some((left) => b.some((right) => overlaps(left, right)));

function score<G, D>(gold: readonly G[], draft: readonly D[], matches: (gold: G, draft: D) => boolean): Score {
  return {
    expected: gold.length,
    proposed: draft.length,
    found: gold.filter((item) => draft.some((proposal) => matches(item, proposal))).length,
    correct: draft.filter((proposal) => gold.some((item) => matches(item, proposal))).length,
  };
}

/** The draft with spans as offsets and every entity's kind: references take theirs from what is known. */
export interface ScoredDraft {
  annotation: DeclaredAnnotationInput;
  kindOf: (id: string) => string | undefined;
}

type DraftEntity = { id: string; kind: string; mentions: Span[]; reference: boolean };

function draftEntities({ annotation, kindOf }: ScoredDraft): DraftEntity[] {
  return annotation.entities.map((entity) => ({
    id: entity.id,
    kind: entity.kind ?? kindOf(entity.id) ?? 'UNKNOWN',
    mentions: entity.mentions as Span[],
    reference: entity.kind === undefined,
  }));
}

/** A name is capitalised: "police" and "the government" are entities, not named ones. */
const named = (span: Span) => /^[\p{Lu}]/u.test(span.text);

export const ENTITY_KINDS = ['PERSON', 'ORGANIZATION', 'COUNTRY', 'PLACE'] as const;

export interface ArticleScores {
  entities: Record<(typeof ENTITY_KINDS)[number] | 'ALL', Score>;
  /** Known entities (registry, other articles) referenced by their id. */
  knownEntities: Score;
  /** Countries and cities linked to their id. */
  gazetteer: Score;
  /** Existing events the article restates, referenced by their id. */
  knownEvents: Score;
  figures: Score;
  /** Found figures whose bounds (value, lowerBound, exclusive, upperBound, approximate) are right, over all reviewed figures. */
  figureBounds: Score;
  dates: Score;
  claims: Score;
  /** Found claims whose speaker is right, over all reviewed claims. */
  claimSpeakers: Score;
}

/**
 * `knownIds`: the entities and events that exist before the article (what its references may
 * point at). `goldEventDates`: the events this article declares with a date.
 */
export function scoreArticle(gold: Annotation, draft: ScoredDraft, knownIds: ReadonlySet<string>): ArticleScores {
  const drafted = draftEntities(draft);
  const goldNamed = gold.entities
    .filter((entity) => entity.kind !== 'EVENT')
    .map((entity) => ({ id: entity.id, kind: entity.kind as string, mentions: entity.mentions.filter(named), category: 'category' in entity ? entity.category : undefined }))
    .filter((entity) => entity.mentions.length > 0);
  const sameEntity = (goldEntity: { kind: string; mentions: Span[] }, draftEntity: DraftEntity) =>
    goldEntity.kind === draftEntity.kind && anyOverlap(goldEntity.mentions, draftEntity.mentions);
  const draftNamed = drafted.filter((entity) => entity.kind !== 'EVENT');
  const entities = Object.fromEntries(
    (['ALL', ...ENTITY_KINDS] as const).map((kind) => [
      kind,
      score(
        goldNamed.filter((entity) => kind === 'ALL' || entity.kind === kind),
        draftNamed.filter((entity) => kind === 'ALL' || entity.kind === kind),
        sameEntity,
      ),
    ]),
  ) as ArticleScores['entities'];

  const goldKnown = goldNamed.filter((entity) => knownIds.has(entity.id));
  const knownEntities = score(goldKnown, draftNamed.filter((entity) => entity.reference), (goldEntity, draftEntity) => goldEntity.id === draftEntity.id);
  const goldPlaces = goldNamed.filter((entity) => entity.kind === 'COUNTRY' || (entity.kind === 'PLACE' && entity.category === 'CITY'));
  const gazetteer = score(goldPlaces, draftNamed.filter((entity) => entity.kind === 'COUNTRY' || entity.kind === 'PLACE'), (goldEntity, draftEntity) => goldEntity.id === draftEntity.id);

  const goldEventRefs = gold.entities.filter((entity) => entity.kind === 'EVENT' && knownIds.has(entity.id));
  const knownEvents = score(goldEventRefs, drafted.filter((entity) => entity.kind === 'EVENT' && entity.reference), (goldEvent, draftEvent) => goldEvent.id === draftEvent.id);

  const amount = (figure: { value?: number | undefined; lowerBound?: number | undefined; upperBound?: number | undefined }) => figure.value ?? figure.lowerBound ?? figure.upperBound;
  const sameFigure = (goldFigure: Annotation['figures'][number], draftFigure: DeclaredAnnotationInput['figures'][number]) =>
    goldFigure.metric === draftFigure.metric && amount(goldFigure) === amount(draftFigure) && anyOverlap(goldFigure.evidence, draftFigure.evidence as Span[]);
  const figures = score(gold.figures, draft.annotation.figures, sameFigure);
  const rightBounds = (goldFigure: Annotation['figures'][number], draftFigure: DeclaredAnnotationInput['figures'][number]) =>
    sameFigure(goldFigure, draftFigure) &&
    goldFigure.value === draftFigure.value &&
    goldFigure.lowerBound === draftFigure.lowerBound &&
    goldFigure.upperBound === draftFigure.upperBound &&
    goldFigure.lowerBoundExclusive === (draftFigure.lowerBoundExclusive ?? false) &&
    goldFigure.approximate === draftFigure.approximate;
  const figureBounds = score(gold.figures, draft.annotation.figures, rightBounds);

  type Dated = { iso: string; precision: string; evidence: Span[] };
  const datesOf = (annotation: { entities: readonly unknown[]; claims: readonly unknown[]; deployments: readonly unknown[] }, declaredOnly: (entity: Record<string, unknown>) => boolean): Dated[] =>
    [
      ...(annotation.entities as Record<string, unknown>[]).filter(declaredOnly),
      ...(annotation.claims as Record<string, unknown>[]),
      ...(annotation.deployments as Record<string, unknown>[]),
    ]
      .filter((fact) => fact['date'] !== undefined)
      .map((fact) => {
        const date = fact['date'] as { iso: string; precision: string };
        return { iso: date.iso, precision: date.precision, evidence: fact['evidence'] as Span[] };
      });
  const goldDates = datesOf(gold, (entity) => entity['kind'] === 'EVENT' && !knownIds.has(entity['id'] as string));
  const draftDates = datesOf(draft.annotation, (entity) => entity['kind'] === 'EVENT');
  const dates = score(goldDates, draftDates, (goldDate, draftDate) => goldDate.iso === draftDate.iso && goldDate.precision === draftDate.precision && anyOverlap(goldDate.evidence, draftDate.evidence));

  const quoteSpan = (quote: string, evidence: readonly Span[]): Span[] =>
    evidence.flatMap((span) => {
      const at = span.text.indexOf(quote);
      return at === -1 ? [] : [{ start: span.start + at, end: span.start + at + quote.length, text: quote }];
    });
  const sameClaim = (goldClaim: Annotation['claims'][number], draftClaim: DeclaredAnnotationInput['claims'][number]) =>
    anyOverlap(quoteSpan(goldClaim.quote, goldClaim.evidence), quoteSpan(draftClaim.quote, draftClaim.evidence as Span[]));
  const claims = score(gold.claims, draft.annotation.claims, sameClaim);
  const goldEntity = new Map(gold.entities.map((entity) => [entity.id, entity]));
  const draftEntity = new Map(drafted.map((entity) => [entity.id, entity]));
  const sameSpeaker = (goldId: string, draftId: string) => {
    if (goldId === draftId) return true;
    const speaker = goldEntity.get(goldId);
    const proposed = draftEntity.get(draftId);
    return speaker !== undefined && proposed !== undefined && sameEntity({ kind: speaker.kind, mentions: speaker.mentions }, proposed);
  };
  const claimSpeakers = score(gold.claims, draft.annotation.claims, (goldClaim, draftClaim) => sameClaim(goldClaim, draftClaim) && sameSpeaker(goldClaim.speakerId, draftClaim.speakerId));

  return { entities, knownEntities, gazetteer, knownEvents, figures, figureBounds, dates, claims, claimSpeakers };
}

/** Adds up scores category by category. */
export function sumScores(all: readonly ArticleScores[]): ArticleScores {
  const add = (scores: Score[]): Score => ({
    expected: scores.reduce((sum, item) => sum + item.expected, 0),
    proposed: scores.reduce((sum, item) => sum + item.proposed, 0),
    found: scores.reduce((sum, item) => sum + item.found, 0),
    correct: scores.reduce((sum, item) => sum + item.correct, 0),
  });
  const first = all[0]!;
  return Object.fromEntries(
    Object.keys(first).map((key) => {
      const value = first[key as keyof ArticleScores];
      if ('expected' in value) return [key, add(all.map((scores) => scores[key as keyof ArticleScores] as Score))];
      return [key, Object.fromEntries(Object.keys(value).map((kind) => [kind, add(all.map((scores) => (scores.entities as Record<string, Score>)[kind]!))]))];
    }),
  ) as unknown as ArticleScores;
}

/**
 * The draft with the reviewed annotation's ids wherever it proposes the same thing (an entity with
 * the same kind and an overlapping mention, a figure, claim or deployment with the same content):
 * ids are names a reviewer may keep, so the effort measures content, not naming.
 */
export function withReviewedIds(draft: DeclaredAnnotationInput, gold: Annotation, kindOf: (id: string) => string | undefined): DeclaredAnnotationInput {
  const renames = new Map<string, string>();
  const rename = (from: string, to: string) => {
    if (from !== to && !renames.has(from) && ![...renames.values()].includes(to)) renames.set(from, to);
  };
  for (const entity of draft.entities) {
    const kind = entity.kind ?? kindOf(entity.id);
    const match = gold.entities.find((candidate) => candidate.kind === kind && anyOverlap(candidate.mentions, entity.mentions as Span[]));
    if (match && entity.kind !== undefined) rename(entity.id, match.id);
  }
  const amount = (figure: { value?: number | undefined; lowerBound?: number | undefined; upperBound?: number | undefined }) => figure.value ?? figure.lowerBound ?? figure.upperBound;
  for (const figure of draft.figures) {
    const match = gold.figures.find((candidate) => candidate.metric === figure.metric && amount(candidate) === amount(figure) && anyOverlap(candidate.evidence, figure.evidence as Span[]));
    if (match) rename(figure.id, match.id);
  }
  for (const claim of draft.claims) {
    const match = gold.claims.find((candidate) => candidate.quote.includes(claim.quote) || claim.quote.includes(candidate.quote));
    if (match) rename(claim.id, match.id);
  }
  for (const deployment of draft.deployments) {
    const match = gold.deployments.find((candidate) => candidate.countryId === deployment.countryId && anyOverlap(candidate.evidence, deployment.evidence as Span[]));
    if (match) rename(deployment.id, match.id);
  }
  const renamed = (value: unknown): unknown => {
    if (typeof value === 'string') return renames.get(value) ?? value;
    if (Array.isArray(value)) return value.map(renamed);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, key === 'text' || key === 'quote' ? inner : renamed(inner)]));
    return value;
  };
  return renamed(draft) as DeclaredAnnotationInput;
}

/**
 * The annotation as a reviewer reads it: spans as their text, entities by id, facts in text order,
 * no draft mark or schema reference, one value per line.
 */
export function canonicalJson(annotation: object): string {
  const { $schema: _schema, draft: _draft, candidates: _candidates, ...rest } = annotation as Record<string, unknown>;
  const spansAsText = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(spansAsText);
    if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record['start'] === 'number' && typeof record['end'] === 'number' && typeof record['text'] === 'string') return record['text'];
      return Object.fromEntries(Object.keys(record).sort().map((key) => [key, spansAsText(record[key])]));
    }
    return value;
  };
  const firstAt = (item: Record<string, unknown>) => ((item['evidence'] ?? item['mentions']) as Span[] | undefined)?.[0]?.start ?? 0;
  const byPosition = (items: unknown) => [...((items as Record<string, unknown>[] | undefined) ?? [])].sort((a, b) => firstAt(a) - firstAt(b));
  return JSON.stringify(
    spansAsText({
      ...rest,
      entities: [...(rest['entities'] as { id: string }[])].sort((a, b) => a.id.localeCompare(b.id)),
      relations: [...((rest['relations'] as Record<string, string>[] | undefined) ?? [])].sort((a, b) => `${a['type']} ${a['from']} ${a['to']}`.localeCompare(`${b['type']} ${b['from']} ${b['to']}`)),
      figures: byPosition(rest['figures']),
      claims: byPosition(rest['claims']),
      deployments: byPosition(rest['deployments']),
    }),
    null,
    2,
  );
}

/** Characters a reviewer types to turn the draft into the reviewed annotation (added lines, indentation left out), and the lines deleted. */
export function reviewEffort(draftJson: string, reviewedJson: string): { typed: number; deletedLines: number; fromScratch: number } {
  let typed = 0;
  let deletedLines = 0;
  for (const change of diffLines(draftJson, reviewedJson)) {
    const lines = change.value.split('\n').filter((line) => line.trim().length > 0);
    if (change.added) typed += lines.reduce((sum, line) => sum + line.trim().length, 0);
    if (change.removed) deletedLines += lines.length;
  }
  const fromScratch = reviewedJson.split('\n').reduce((sum, line) => sum + line.trim().length, 0);
  return { typed, deletedLines, fromScratch };
}
