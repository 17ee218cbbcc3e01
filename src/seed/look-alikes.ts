/**
 * One story, many reports: a fact that a second article declares anew, under another id, while
 * the folder already holds it, would be counted twice. Loading refuses such a look-alike with the
 * id to reference instead, unless the declaration says it is a different one (`distinctFrom`).
 *
 * The rules (docs/annotating.md, "Look-alikes"), after ACLED's for events:
 * - events: the same category, dates that overlap, a place in common, and a participant in common
 *   (or no participants on either side);
 * - deployments: the same sending and receiving country and the same mission (or none);
 * - figures: the same metric, population, number and bounds, event and source;
 * - claims: the same speaker and the same quote.
 */
import { dateInterval } from '../domain/dates.ts';
import type { AnnotatedEntity, AnnotatedFact, FactCollection } from './annotation.ts';
import { AnnotationError, type AnnotationProblem, type ValidatedArticle } from './validate.ts';

interface Declared {
  id: string;
  file: string;
  /** Where the declaration is in its file, as a JSON path. */
  at: string;
  distinctFrom: readonly string[];
  /** Why two declarations are the same thing, or null when they cannot be. */
  signature: string | null;
}

type Event = Extract<AnnotatedEntity, { kind: 'EVENT' }>;

/** What every article says of each event: its dates, places and participants. */
function eventContext(articles: readonly ValidatedArticle[]) {
  const context = new Map<string, { intervals: { start: string; end: string }[]; places: Set<string>; participants: Set<string> }>();
  const of = (id: string) => {
    let entry = context.get(id);
    if (!entry) context.set(id, (entry = { intervals: [], places: new Set(), participants: new Set() }));
    return entry;
  };
  for (const { annotation } of articles) {
    for (const entity of annotation.entities) {
      if (entity.kind === 'EVENT' && entity.date) of(entity.id).intervals.push(dateInterval(entity.date.iso, entity.date.precision));
    }
    for (const relation of annotation.relations) {
      if (relation.type === 'OCCURRED_IN') of(relation.from).places.add(relation.to);
      if (relation.type === 'PARTICIPATED_IN') of(relation.to).participants.add(relation.from);
    }
  }
  return context;
}

const overlaps = (a: { start: string; end: string }[], b: { start: string; end: string }[]) =>
  a.some((x) => b.some((y) => x.start <= y.end && y.start <= x.end));
const shared = (a: Set<string>, b: Set<string>) => [...a].filter((value) => b.has(value));

/** Why event `b` looks like event `a`, or null. */
function eventsAlike(a: Event, b: Event, context: ReturnType<typeof eventContext>): string | null {
  const ca = context.get(a.id);
  const cb = context.get(b.id);
  if (a.category !== b.category || !ca || !cb || !overlaps(ca.intervals, cb.intervals)) return null;
  const places = shared(ca.places, cb.places);
  if (places.length === 0) return null;
  const participants = shared(ca.participants, cb.participants);
  const bothWithout = ca.participants.size === 0 && cb.participants.size === 0;
  if (participants.length === 0 && !bothWithout) return null;
  return `the same category ${a.category}, overlapping dates, the same place (${places.join(', ')})` +
    (participants.length > 0 ? ` and participants (${participants.join(', ')})` : ' and no participants named');
}

const FACT_SIGNATURES: Record<FactCollection, (fact: AnnotatedFact) => string> = {
  figures: (fact) => {
    const figure = fact as Extract<AnnotatedFact, { metric: unknown }>;
    return JSON.stringify([figure.metric, figure.counts.toLowerCase(), figure.value, figure.lowerBound, figure.lowerBoundExclusive, figure.upperBound, figure.eventId, figure.sourceId]);
  },
  deployments: (fact) => {
    const deployment = fact as Extract<AnnotatedFact, { countryId: unknown }>;
    return JSON.stringify([deployment.countryId, deployment.destinationId, deployment.missionId ?? null]);
  },
  claims: (fact) => {
    const claim = fact as Extract<AnnotatedFact, { speakerId: unknown }>;
    return JSON.stringify([claim.speakerId, claim.quote]);
  },
};

const FACT_MEANING: Record<FactCollection, string> = {
  figures: 'the same metric, population, number, event and source',
  deployments: 'the same sending and receiving country and mission',
  claims: 'the same speaker and quote',
};

/** Articles in the order they were published (undated first), then by file: a look-alike is the later declaration. */
const byPublication = (articles: readonly ValidatedArticle[]) =>
  [...articles].sort(
    (a, b) => (a.annotation.article.publishedAt ?? '').localeCompare(b.annotation.article.publishedAt ?? '') || a.file.localeCompare(b.file),
  );

/** Throws naming every look-alike, in the article that declares it later. */
export function checkLookAlikes(unordered: readonly ValidatedArticle[]): void {
  const articles = byPublication(unordered);
  const problems = new Map<string, AnnotationProblem[]>();
  const report = (file: string, problem: AnnotationProblem) => problems.set(file, [...(problems.get(file) ?? []), problem]);
  const distinct = (a: Declared, b: Declared) => a.distinctFrom.includes(b.id) || b.distinctFrom.includes(a.id);
  const advice = (earlier: Declared) =>
    `if it is the same, reference "${earlier.id}" by id (with this article's own evidence) instead of declaring it again; ` +
    `if it is a different one, add "distinctFrom": ["${earlier.id}"]`;

  const context = eventContext(articles);
  const events: (Declared & { event: Event })[] = [];
  for (const { file, annotation } of articles) {
    annotation.entities.forEach((entity, index) => {
      if (entity.kind !== 'EVENT' || events.some((known) => known.id === entity.id)) return;
      const declared = { id: entity.id, file, at: `$.entities[${index}].id`, distinctFrom: entity.distinctFrom ?? [], signature: null, event: entity };
      for (const earlier of events) {
        if (earlier.file === file || distinct(earlier, declared)) continue;
        const why = eventsAlike(earlier.event, entity, context);
        if (why) report(file, { path: declared.at, message: `event "${entity.id}" looks like "${earlier.id}" (declared in ${earlier.file}): ${why}; ${advice(earlier)}` });
      }
      events.push(declared);
    });
  }

  for (const collection of Object.keys(FACT_SIGNATURES) as FactCollection[]) {
    const facts = new Map<string, Declared>();
    for (const { file, annotation } of articles) {
      (annotation[collection] as AnnotatedFact[]).forEach((fact, index) => {
        if (facts.has(fact.id)) return;
        const declared = {
          id: fact.id,
          file,
          at: `$.${collection}[${index}].id`,
          distinctFrom: ('distinctFrom' in fact ? fact.distinctFrom : undefined) ?? [],
          signature: FACT_SIGNATURES[collection](fact),
        };
        for (const earlier of facts.values()) {
          if (earlier.file === file || earlier.signature !== declared.signature || distinct(earlier, declared)) continue;
          report(file, {
            path: declared.at,
            message: `${collection.slice(0, -1)} "${fact.id}" looks like "${earlier.id}" (declared in ${earlier.file}): ${FACT_MEANING[collection]}; ${advice(earlier)}`,
          });
        }
        facts.set(fact.id, declared);
      });
    }
  }
  const [first] = problems;
  if (first) throw new AnnotationError(first[0], first[1]);
}
