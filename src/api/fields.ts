/**
 * Which facet answers which field: one table per entity type, shared by the field resolvers
 * and by the look-ahead that lets a root query fetch the same facets in its own query.
 */
import { MAX_PAGE_SIZE } from '../domain/limits.ts';
import type { Basis, RelationType } from '../domain/vocabulary.ts';
import * as facets from '../graph/facets.ts';
import type { AnyFacet } from '../graph/fetch-plan.ts';
import type { Direction, EntityKind } from '../graph/types.ts';
import { badInput } from './errors.ts';
import { listFilter } from './arguments.ts';

export type FieldArgs = Record<string, unknown>;
/** The facet behind a field; null when, with these arguments, the entity itself holds the answer. */
type FacetOfField = (args: FieldArgs) => AnyFacet | null;

/** A list's `first`: its SDL default applies when omitted; null or out of range is refused. */
export function listSize(args: FieldArgs): number {
  const first = args.first;
  if (typeof first !== 'number' || !Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput('first', `must be between 1 and ${MAX_PAGE_SIZE}, got ${String(first)}`);
  }
  return first;
}

const relationsOf = (types: readonly RelationType[], direction: Direction, otherLabel?: facets.RelationQuery['otherLabel']) =>
  (args: FieldArgs) => facets.relations({ types, direction, otherLabel, first: listSize(args) });
const relatedOf = (types: readonly RelationType[], direction: Direction, otherLabel?: facets.RelationQuery['otherLabel']) =>
  (args: FieldArgs) => facets.related({ types, direction, otherLabel, first: listSize(args) });
const oneRelated = (types: readonly RelationType[], direction: Direction, otherLabel?: facets.RelationQuery['otherLabel']) =>
  () => facets.relatedOne({ types, direction, otherLabel });

/** A field's `excludeBasis`: the bases whose statements it leaves out (none when omitted). */
export const excludedBases = (args: FieldArgs): facets.ExcludedBases => (args.excludeBasis as readonly Basis[] | null | undefined) ?? [];

/** Coordinates come with every place and country; only leaving some bases out needs a facet. */
const coordinatesOf = (args: FieldArgs) => (excludedBases(args).length === 0 ? null : facets.coordinates(excludedBases(args)));

const SHARED: Record<string, FacetOfField> = {
  mentions: (args) => facets.mentions(listSize(args)),
  relations: (args) =>
    facets.relations({
      types: listFilter(args.types as readonly RelationType[] | null | undefined),
      direction: (args.direction as Direction | null | undefined) ?? 'BOTH',
      first: listSize(args),
      excluded: excludedBases(args),
    }),
  claims: (args) => facets.claimsOf((args.role as facets.ClaimRole | null | undefined) ?? 'ANY', listSize(args)),
  figures: (args) => facets.figuresOf((args.role as facets.FigureRole | null | undefined) ?? 'ANY', listSize(args)),
};

/** The facet behind each data field of each entity type. */
export const ENTITY_FIELD_FACETS = {
  Person: { ...SHARED, positions: relationsOf(['HOLDS_POSITION'], 'OUT') },
  Organization: {
    ...SHARED,
    country: (args: FieldArgs) => facets.country(excludedBases(args)),
    parent: oneRelated(['PART_OF'], 'OUT', 'Organization'),
    ledBy: oneRelated(['LED_BY'], 'OUT'),
  },
  Country: {
    ...SHARED,
    coordinates: coordinatesOf,
    places: (args: FieldArgs) => facets.inside('Place', listSize(args), excludedBases(args)),
    organizations: (args: FieldArgs) => facets.inside('Organization', listSize(args), excludedBases(args)),
  },
  Place: {
    ...SHARED,
    country: (args: FieldArgs) => facets.country(excludedBases(args)),
    coordinates: coordinatesOf,
    within: oneRelated(['LOCATED_IN'], 'OUT', 'Place'),
    events: (args: FieldArgs) => facets.placeEvents(listSize(args)),
  },
  Event: {
    ...SHARED,
    places: relatedOf(['OCCURRED_IN'], 'OUT', 'Place'),
    countries: (args: FieldArgs) => facets.eventCountries(listSize(args)),
    participants: relationsOf(['PARTICIPATED_IN'], 'IN'),
    partOf: oneRelated(['PART_OF'], 'OUT', 'Event'),
    subEvents: relatedOf(['PART_OF'], 'IN', 'Event'),
    evidence: (args: FieldArgs) => facets.eventEvidence(listSize(args)),
    reports: (args: FieldArgs) => facets.eventReports(listSize(args)),
    reportedBy: relatedOf(['REPORTED_BY'], 'OUT'),
  },
} satisfies Record<string, Record<string, FacetOfField>>;

export type EntityTypeName = keyof typeof ENTITY_FIELD_FACETS;

export const TYPE_OF_KIND: Record<EntityKind, EntityTypeName> = {
  PERSON: 'Person',
  ORGANIZATION: 'Organization',
  COUNTRY: 'Country',
  PLACE: 'Place',
  EVENT: 'Event',
};

/** The facet behind a field of an entity type, or null when the field reads the entity itself. */
export function facetOfField(typeName: string, fieldName: string, args: FieldArgs): AnyFacet | null {
  const table: Record<string, FacetOfField> | undefined =
    typeName === 'Entity' ? SHARED : ENTITY_FIELD_FACETS[typeName as EntityTypeName];
  const facetOf = table?.[fieldName];
  return facetOf ? facetOf(args) : null;
}

/** The facet behind each data field of an article. */
export const ARTICLE_FIELD_FACETS = {
  entities: (args: FieldArgs) =>
    facets.articleEntities(listFilter(args.kinds as readonly EntityKind[] | null | undefined), listSize(args)),
  figures: (args: FieldArgs) => facets.articleFigures(listSize(args)),
  claims: (args: FieldArgs) => facets.articleClaims(listSize(args)),
  deployments: (args: FieldArgs) => facets.articleDeployments(listSize(args)),
} satisfies Record<string, FacetOfField>;
