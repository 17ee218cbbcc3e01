/**
 * Which facet answers which field: one table per entity type, shared by the field resolvers
 * and by the look-ahead that lets a root query fetch the same facets in its own query.
 */
import { MAX_PAGE_SIZE } from '../domain/limits.ts';
import type { Basis, RelationType } from '../domain/vocabulary.ts';
import * as facets from '../graph/facets.ts';
import type { AnyFacet } from '../graph/fetch-plan.ts';
import type { Shape } from '../graph/projections.ts';
import type { Direction, EntityKind } from '../graph/types.ts';
import { badInput } from './errors.ts';
import { listFilter } from './arguments.ts';

export type FieldArgs = Record<string, unknown>;
/**
 * The facet behind a field, its objects in the shape their selection asks for; null when, with
 * these arguments, the entity itself holds the answer.
 */
export type FacetOfField = (args: FieldArgs, shape: Shape) => AnyFacet | null;

/** A list's `first`: its SDL default applies when omitted; null or out of range is refused. */
export function listSize(args: FieldArgs): number {
  const first = args.first;
  if (typeof first !== 'number' || !Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput('first', `must be between 1 and ${MAX_PAGE_SIZE}, got ${String(first)}`);
  }
  return first;
}

const relationsOf = (types: readonly RelationType[], direction: Direction, otherLabel?: facets.RelationQuery['otherLabel']) =>
  (args: FieldArgs, shape: Shape) => facets.relations({ types, direction, otherLabel, first: listSize(args), shape });
const relatedOf = (types: readonly RelationType[], direction: Direction, otherLabel?: facets.RelationQuery['otherLabel']) =>
  (args: FieldArgs, shape: Shape) => facets.related({ types, direction, otherLabel, first: listSize(args), shape });
const oneRelated = (types: readonly RelationType[], direction: Direction, otherLabel?: facets.RelationQuery['otherLabel']) =>
  (_args: FieldArgs, shape: Shape) => facets.relatedOne({ types, direction, otherLabel, shape });

/** A field's `excludeBasis`: the bases whose statements it leaves out (none when omitted). */
export const excludedBases = (args: FieldArgs): facets.ExcludedBases => (args.excludeBasis as readonly Basis[] | null | undefined) ?? [];

/** Coordinates come with every place and country; only leaving some bases out needs a facet. */
const coordinatesOf = (args: FieldArgs) => (excludedBases(args).length === 0 ? null : facets.coordinates(excludedBases(args)));

const SHARED: Record<string, FacetOfField> = {
  mentions: (args) => facets.mentions(listSize(args)),
  relations: (args, shape) =>
    facets.relations({
      types: listFilter(args.types as readonly RelationType[] | null | undefined),
      direction: (args.direction as Direction | null | undefined) ?? 'BOTH',
      first: listSize(args),
      excluded: excludedBases(args),
      shape,
    }),
  claims: (args, shape) => facets.claimsOf((args.role as facets.ClaimRole | null | undefined) ?? 'ANY', listSize(args), shape),
  figures: (args, shape) => facets.figuresOf((args.role as facets.FigureRole | null | undefined) ?? 'ANY', listSize(args), shape),
};

/** The facet behind each data field of each entity type. */
export const ENTITY_FIELD_FACETS = {
  Person: { ...SHARED, positions: relationsOf(['HOLDS_POSITION'], 'OUT') },
  Organization: {
    ...SHARED,
    country: (args: FieldArgs, shape: Shape) => facets.country(excludedBases(args), shape),
    parent: oneRelated(['PART_OF'], 'OUT', 'Organization'),
    ledBy: oneRelated(['LED_BY'], 'OUT'),
  },
  Country: {
    ...SHARED,
    coordinates: coordinatesOf,
    places: (args: FieldArgs, shape: Shape) => facets.inside('Place', listSize(args), excludedBases(args), shape),
    organizations: (args: FieldArgs, shape: Shape) => facets.inside('Organization', listSize(args), excludedBases(args), shape),
  },
  Place: {
    ...SHARED,
    country: (args: FieldArgs, shape: Shape) => facets.country(excludedBases(args), shape),
    coordinates: coordinatesOf,
    within: oneRelated(['LOCATED_IN'], 'OUT', 'Place'),
    events: (args: FieldArgs, shape: Shape) => facets.placeEvents(listSize(args), shape),
  },
  Event: {
    ...SHARED,
    places: relatedOf(['OCCURRED_IN'], 'OUT', 'Place'),
    countries: (args: FieldArgs, shape: Shape) => facets.eventCountries(listSize(args), shape),
    participants: relationsOf(['PARTICIPATED_IN'], 'IN'),
    partOf: oneRelated(['PART_OF'], 'OUT', 'Event'),
    subEvents: relatedOf(['PART_OF'], 'IN', 'Event'),
    evidence: (args: FieldArgs) => facets.eventEvidence(listSize(args)),
    reports: (args: FieldArgs) => facets.eventReports(listSize(args)),
    reportedBy: relatedOf(['REPORTED_BY'], 'OUT'),
  },
} satisfies Record<string, Record<string, FacetOfField>>;

export type EntityTypeName = keyof typeof ENTITY_FIELD_FACETS;

/** The entity types and their interface: what an entity projection's shape is read from. */
export const ENTITY_TYPE_NAMES: ReadonlySet<string> = new Set(['Entity', ...Object.keys(ENTITY_FIELD_FACETS)]);

export const TYPE_OF_KIND: Record<EntityKind, EntityTypeName> = {
  PERSON: 'Person',
  ORGANIZATION: 'Organization',
  COUNTRY: 'Country',
  PLACE: 'Place',
  EVENT: 'Event',
};

/** The facet behind a field of an entity type, or null when the field reads the entity itself. */
export function facetOfField(typeName: string, fieldName: string, args: FieldArgs, shape: Shape): AnyFacet | null {
  const table: Record<string, FacetOfField> | undefined =
    typeName === 'Entity' ? SHARED : ENTITY_FIELD_FACETS[typeName as EntityTypeName];
  const facetOf = table?.[fieldName];
  return facetOf ? facetOf(args, shape) : null;
}

/** The facet behind each data field of an article. */
export const ARTICLE_FIELD_FACETS = {
  entities: (args: FieldArgs, shape: Shape) =>
    facets.articleEntities(listFilter(args.kinds as readonly EntityKind[] | null | undefined), listSize(args), shape),
  figures: (args: FieldArgs, shape: Shape) => facets.articleFigures(listSize(args), shape),
  claims: (args: FieldArgs, shape: Shape) => facets.articleClaims(listSize(args), shape),
  deployments: (args: FieldArgs, shape: Shape) => facets.articleDeployments(listSize(args), shape),
} satisfies Record<string, FacetOfField>;
