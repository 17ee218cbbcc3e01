/**
 * The draft annotation of a new article: what the extractors of `draft/` find, in the annotation
 * format, each proposal with its span, and a review note saying why it was proposed. Known
 * entities and events are referenced by id; new ones are declared. The draft is marked
 * `"draft": true`, which the loader refuses until a person has reviewed it and deleted the mark
 * (and it is written as `*.draft.json`, which the loader does not read).
 */
import type { DeclaredAnnotationInput, EntityInput, PartialDate, Span } from './annotation.ts';
import { certaintyOf, sourceIn } from './draft/attribution.ts';
import { findClaims } from './draft/claims.ts';
import { dateNear, datelineOf, findDates, type FoundDate } from './draft/dates.ts';
import { findDeployments } from './draft/deployments.ts';
import { findEntities, type FoundEntity } from './draft/entities.ts';
import { findEvents, type FoundEvent } from './draft/events.ts';
import { findFigures, type Metric } from './draft/figures.ts';
import type { KnownGraph } from './draft/known.ts';
import { kebab, overlaps, sentencesOf, spanAt } from './draft/text.ts';
import { titleOf } from './draft/title.ts';
import { textSha256 } from './validate.ts';

export { findKnownMentions } from './draft/entities.ts';
export { fold } from './draft/text.ts';

export interface DraftOptions {
  text: string;
  textFile: string;
  articleId: string;
  known: KnownGraph;
  /** "YYYY-MM-DD"; without it, the dateline's date when the text has one. */
  publishedAt?: string;
}

export interface Draft {
  annotation: DeclaredAnnotationInput;
  /** One line per proposal the reviewer should check: where it is in the draft, and why it was proposed. */
  notes: string[];
}

/** The events whose category a figure's metric counts: the killed of a killing or a clash. */
const EVENTS_OF_METRIC: Record<Metric, string[]> = {
  KILLED: ['KILLING', 'CLASH', 'RIOT'],
  INJURED: ['CLASH', 'RIOT', 'PROTEST'],
  HOSPITALIZED: ['CLASH', 'RIOT', 'PROTEST'],
  IN_INTENSIVE_CARE: ['CLASH', 'RIOT', 'PROTEST'],
  ARRESTED: ['ARREST'],
  TROOPS: ['DEPLOYMENT'],
};

function partialDate(date: FoundDate): PartialDate {
  const qualifier = date.qualifier ? { qualifier: date.qualifier } : {};
  return date.inferredReason
    ? { iso: date.iso, precision: date.precision, ...qualifier, basis: 'INFERRED', reason: date.inferredReason, evidence: [date.span] }
    : { iso: date.iso, precision: date.precision, ...qualifier, basis: 'ARTICLE' };
}

const at = (span: Span) => `"${span.text.length > 60 ? `${span.text.slice(0, 57)}…` : span.text}" at ${span.start}`;

export function draftAnnotation(options: DraftOptions): Draft {
  const { text, known } = options;
  const notes: string[] = [];
  const dateline = datelineOf(text);
  const publishedAt = options.publishedAt ?? dateline?.iso;
  const sentences = sentencesOf(text);
  // The dateline dates the report, not what it reports.
  const dates = findDates(text, publishedAt).filter((date) => !dateline || date.span.start !== dateline.span.start);
  const { entities, unclassified } = findEntities(text, known.entities);
  // The country the article is about: the one it names most.
  const mainCountryId = entities.filter((entity) => entity.kind === 'COUNTRY').sort((a, b) => b.mentions.length - a.mentions.length)[0]?.id;
  const events = findEvents(text, sentences, entities, dates, known.events, publishedAt, mainCountryId);
  const figures = findFigures(text, sentences, dates);
  const claims = findClaims(text, sentences, entities);
  const deployments = findDeployments(text, sentences, entities, figures, mainCountryId, known.deployments);

  const usedIds = new Set([...known.nodeIds, ...known.entities.map((entity) => entity.id), ...known.events.map((event) => event.id)]);
  const newId = (wanted: string) => {
    let id = wanted;
    for (let counter = 2; usedIds.has(id); counter++) id = `${wanted}-${counter}`;
    usedIds.add(id);
    return id;
  };
  // New entities whose proposed id another entity already has get their own.
  for (const entity of entities) if (!entity.known) entity.id = newId(entity.id);
  for (const event of events) if (!event.known) event.id = newId(event.id);

  // Undated events take the week the article says the story is in ("earlier this week"), as an inference.
  const storyWeek = dates.find((date) => date.precision === 'WEEK');
  const eventDate = (event: FoundEvent): PartialDate | undefined => {
    if (event.date) return partialDate(event.date);
    if (!storyWeek) return undefined;
    return { iso: storyWeek.iso, precision: 'WEEK', basis: 'INFERRED', reason: `Undated in its sentence; the article places the story ${storyWeek.span.text.toLowerCase()}`, evidence: [storyWeek.span] };
  };

  const annotationEntities: EntityInput[] = [];
  const title = titleOf(text);
  const noteAt = (path: string, what: string, why: string) => notes.push(`${path} ${what}: ${why}`);
  for (const entity of entities) {
    const index = annotationEntities.length;
    if (entity.known) annotationEntities.push({ id: entity.id, aliases: [], mentions: entity.mentions });
    else annotationEntities.push(declaration(entity));
    noteAt(`$.entities[${index}]`, `${entity.known ? 'known' : 'new'} ${entity.kind} ${entity.id} (${entity.mentions.length} mentions, first ${at(entity.mentions[0]!)})`, entity.why);
  }
  for (const event of events) {
    const index = annotationEntities.length;
    if (event.known) annotationEntities.push({ id: event.id, aliases: [], mentions: event.mentions, certainty: event.certainty, evidence: event.evidence });
    else {
      const date = eventDate(event);
      annotationEntities.push({ kind: 'EVENT', id: event.id, name: event.name, aliases: [], category: event.category, ...(date ? { date } : {}), mentions: event.mentions, certainty: event.certainty, evidence: event.evidence });
    }
    noteAt(`$.entities[${index}]`, `${event.known ? 'known' : 'new'} EVENT ${event.id} (${at(event.mentions[0]!)})`, event.why);
  }

  const relations: DeclaredAnnotationInput['relations'] = [];
  for (const entity of entities) {
    for (const position of entity.positions) {
      if (!position.ofId || !entities.some((other) => other.id === position.ofId)) continue;
      const former = /\bformer\s+$/i.test(text.slice(Math.max(0, position.evidence.start - 8), position.evidence.start));
      relations.push({ type: 'HOLDS_POSITION', from: entity.id, to: position.ofId, title: position.title, former, basis: 'ARTICLE', certainty: 'STATED', evidence: [position.evidence] });
      noteAt(`$.relations[${relations.length - 1}]`, `${entity.id} holds "${position.title}" of ${position.ofId}`, `a title before the name (${at(position.evidence)})`);
    }
  }
  // The story's event ("the protests", "the unrest"): what the article's other new events are part of.
  const story = events.find((event) => event.category === 'PROTEST');
  for (const event of events.filter((candidate) => !candidate.known)) {
    if (story && event !== story) {
      relations.push({ type: 'PART_OF', from: event.id, to: story.id, basis: 'ARTICLE', certainty: event.certainty, evidence: event.evidence });
      noteAt(`$.relations[${relations.length - 1}]`, `${event.id} is part of ${story.id}`, 'an event of the story the article is about: check it belongs to it');
    }
    const source = event.evidence.map((sentence) => sourceIn(sentence, text, entities)).find((found) => found !== undefined);
    if (source) {
      relations.push({ type: 'REPORTED_BY', from: event.id, to: source.entity.id, basis: 'ARTICLE', certainty: event.certainty, evidence: event.evidence });
      noteAt(`$.relations[${relations.length - 1}]`, `${event.id} reported by ${source.entity.id}`, `"${source.entity.name} ${source.verb}" in the event's sentence`);
    }
    for (const place of event.places) {
      relations.push({ type: 'OCCURRED_IN', from: event.id, to: place, basis: 'ARTICLE', certainty: event.certainty, evidence: event.evidence });
      noteAt(`$.relations[${relations.length - 1}]`, `${event.id} occurred in ${place}`, 'the place is named in the event\'s sentence: check it is where it happened');
    }
  }

  const eventIn = (sentence: Span, categories: string[]) =>
    events.find((event) => categories.includes(event.category) && event.evidence.some((span) => overlaps(span, sentence)));
  const annotationFigures: DeclaredAnnotationInput['figures'] = figures.map((figure, index) => {
    const source = sourceIn(figure.sentence, text, entities);
    const event = eventIn(figure.sentence, EVENTS_OF_METRIC[figure.metric]);
    const amount = figure.value ?? figure.lowerBound ?? figure.upperBound;
    const id = newId(kebab(`${figure.counts} ${figure.metric} ${amount ?? 'unknown'}`));
    // The same number of the same metric already in the graph: most likely the same fact, reported again.
    const restated = known.figures.filter((other) => other.metric === figure.metric && other.amount !== undefined && other.amount === amount);
    const restatement = restated.length > 0 ? `; the graph already has this number: ${restated.map((other) => `${other.id} (${other.articleId}${other.eventId ? `, event ${other.eventId}` : ''})`).join(', ')}` : '';
    noteAt(`$.figures[${index}]`, `${figure.metric} ${at(figure.span)}`, `${figure.why}${source ? `; source: ${source.entity.name} ${source.verb}` : ''}${restatement}`);
    return {
      id,
      metric: figure.metric,
      counts: figure.counts,
      ...(figure.value !== undefined ? { value: figure.value } : {}),
      ...(figure.lowerBound !== undefined ? { lowerBound: figure.lowerBound } : {}),
      lowerBoundExclusive: figure.lowerBoundExclusive,
      ...(figure.upperBound !== undefined ? { upperBound: figure.upperBound } : {}),
      approximate: figure.approximate,
      text: figure.span.text,
      ...(event ? { eventId: event.id } : {}),
      ...(source ? { sourceId: source.entity.id } : {}),
      certainty: certaintyOf(figure.sentence.text).certainty,
      evidence: [figure.sentence],
    };
  });

  const claimIds = new Map<(typeof claims)[number], string>();
  const annotationClaims: DeclaredAnnotationInput['claims'] = claims.map((claim, index) => {
    const id = newId(kebab(`${claim.speaker.id} ${claim.quote.text.split(/\s+/).slice(0, 5).join(' ')}`));
    claimIds.set(claim, id);
    const continued = claim.continues ? claimIds.get(claim.continues) : undefined;
    const date = dateNear(dates.filter((found) => found.precision === 'DAY'), claim.sentence, claim.speakerSpan.end);
    const evidence = spanAt(text, Math.min(claim.sentence.start, claim.quote.start), Math.max(claim.sentence.end, claim.quote.end));
    const about = entities
      .filter((entity) => entity !== claim.speaker && entity.mentions.some((mention) => overlaps(mention, claim.quote)))
      .map((entity) => entity.id);
    const aboutEvents = events.filter((event) => event.mentions.some((mention) => overlaps(mention, claim.quote))).map((event) => event.id);
    const aboutIds = [...new Set([...aboutEvents, ...about])].slice(0, 10);
    noteAt(`$.claims[${index}]`, `${claim.kind} by ${claim.speaker.id} (${at(claim.quote)})`, `${claim.why}; summarise it, and check what it is about`);
    const words = claim.quote.text.split(/\s+/);
    return {
      id,
      kind: claim.kind,
      summary: `${claim.speaker.name}: ${words.length > 25 ? `${words.slice(0, 25).join(' ')} …` : claim.quote.text}`,
      quote: claim.quote.text,
      speakerId: claim.speaker.id,
      ...(continued
        ? { sameStatementAs: { claimId: continued, evidence: [claim.speakerSpan] } }
        : { ...(claim.medium ? { mediumId: claim.medium.id } : {}), ...(date ? { date: partialDate(date) } : {}) }),
      aboutIds: aboutIds.length > 0 ? aboutIds : [claim.speaker.id],
      certainty: claim.certainty,
      evidence: [evidence],
    };
  });

  const figureIds = new Map(figures.map((figure, index) => [figure, annotationFigures[index]!.id]));
  const knownMission = events.find((event) => event.category === 'DEPLOYMENT');
  const annotationDeployments: DeclaredAnnotationInput['deployments'] = deployments.map((deployment, index) => {
    const mission = eventIn(deployment.sentence, ['DEPLOYMENT']) ?? knownMission;
    const date = dateNear(dates.filter((found) => found.precision === 'DAY'), deployment.sentence, deployment.forceSpan.end);
    const restated = deployment.restates.map((known) => `${known.id} (${known.articleId})`).join(', ');
    noteAt(
      `$.deployments[${index}]`,
      `${deployment.countryId} ${deployment.force} to ${deployment.destinationId}, ${deployment.status} (${at(deployment.forceSpan)})`,
      restated ? `other articles already report this contingent: ${restated}; keep one deployment per contingent` : 'force words with a sending verb',
    );
    return {
      id: newId(kebab(`${deployment.countryId} ${deployment.force} to ${deployment.destinationId}`)),
      countryId: deployment.countryId,
      destinationId: deployment.destinationId,
      force: deployment.force,
      ...(deployment.figure ? { troopsFigureId: figureIds.get(deployment.figure)! } : {}),
      status: deployment.status,
      ...(date ? { date: partialDate(date) } : {}),
      ...(mission ? { missionId: mission.id } : {}),
      certainty: deployment.certainty,
      evidence: [deployment.sentence],
    };
  });

  for (const name of unclassified) notes.push(`not classified: ${at(name)}: a name the rules could not place; declare it if it matters`);
  if (!title) notes.push('$.article.title: the text has no headline line; write the article\'s title');
  if (!publishedAt) notes.push('$.article.publishedAt: no publication date given or found in a dateline: relative dates ("Thursday") were not resolved');

  return {
    annotation: {
      $schema: './schema/annotation.schema.json',
      draft: true,
      article: {
        id: options.articleId,
        title: title?.text ?? options.articleId,
        textFile: options.textFile,
        ...(publishedAt ? { publishedAt } : {}),
        textSha256: textSha256(text),
      },
      entities: annotationEntities,
      relations,
      figures: annotationFigures,
      claims: annotationClaims,
      deployments: annotationDeployments,
    },
    notes,
  };
}

function declaration(entity: FoundEntity): EntityInput {
  const base = { id: entity.id, name: entity.name, aliases: [], mentions: entity.mentions };
  switch (entity.kind) {
    case 'PERSON':
      return { kind: 'PERSON', ...base };
    case 'ORGANIZATION':
      return { kind: 'ORGANIZATION', ...base, category: (entity.category ?? 'OTHER') as never };
    case 'COUNTRY':
      return { kind: 'COUNTRY', ...base, isoCode: entity.isoCode ?? entity.place!.isoCode };
    case 'PLACE':
      return { kind: 'PLACE', ...base, category: (entity.category ?? 'OTHER') as never };
  }
}
