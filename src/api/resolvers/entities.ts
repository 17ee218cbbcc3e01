/** Resolvers of the entity types: each data field is one facet load (see `fields.ts`). */
import type { Resolvers } from '../../generated/graphql.ts';
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityRecord } from '../../graph/types.ts';
import type { RequestContext } from '../context.ts';
import { ENTITY_FIELD_FACETS, listSize, TYPE_OF_KIND, type EntityTypeName, type FacetOfField, type FieldArgs } from '../fields.ts';
import { fieldShape } from '../look-ahead.ts';
import type { ReportRecord } from '../../graph/types.ts';

/** A fact's reports, as many as `first` asks for (a fact's projection holds its first 100). */
export const reportsOf = (fact: { reports: ReportRecord[] }, args: FieldArgs) => fact.reports.slice(0, listSize(args));

/** An event's consolidation; an event no article reports (none today) is STATED by none. */
const consolidation = (event: EntityRecord) =>
  event.consolidation ?? { certainty: 'STATED' as const, weakestCertainty: 'STATED' as const, articleCount: 0, sourceCount: 0, datesDisagree: false };

type FieldResolver = (entity: EntityRecord, args: FieldArgs, context: RequestContext, info: GraphQLResolveInfo) => Promise<unknown>;

/** Identifiers in other data sets: background knowledge, referenced by the data set itself. */
function identifiers(entity: EntityRecord) {
  if (entity.wikidataId === null) return [];
  const url = `https://www.wikidata.org/wiki/${entity.wikidataId}`;
  return [
    {
      scheme: 'wikidata',
      id: entity.wikidataId,
      url,
      provenance: { basis: 'BACKGROUND' as const, reason: null, reference: `Wikidata ${entity.wikidataId}`, evidence: [] },
    },
  ];
}

/** One resolver per field of the type's facet table, and the fields every entity reads from itself. */
function facetResolvers(typeName: EntityTypeName): Record<string, FieldResolver | typeof identifiers> {
  return {
    identifiers,
    ...Object.fromEntries(
      Object.entries<FacetOfField>(ENTITY_FIELD_FACETS[typeName]).map(([field, facetOf]) => [
        field,
        (entity: EntityRecord, args: FieldArgs, context: RequestContext, info: GraphQLResolveInfo) => {
          const facet = facetOf(args, fieldShape(info));
          return facet ? context.loaders.entityFacets.load(entity.id, facet) : entity[field as keyof EntityRecord];
        },
      ]),
    ),
  };
}

export const entityResolvers: Resolvers<RequestContext> = {
  Entity: { __resolveType: (entity) => TYPE_OF_KIND[entity.kind] },
  Person: facetResolvers('Person'),
  Organization: facetResolvers('Organization'),
  Country: { ...facetResolvers('Country'), isoCode: (country) => country.isoCode ?? '' },
  Place: facetResolvers('Place'),
  Event: {
    ...facetResolvers('Event'),
    certainty: (event) => consolidation(event).certainty,
    weakestCertainty: (event) => consolidation(event).weakestCertainty,
    articleCount: (event) => consolidation(event).articleCount,
    sourceCount: (event) => consolidation(event).sourceCount,
    datesDisagree: (event) => consolidation(event).datesDisagree,
  },
  Relation: { reports: reportsOf },
  Position: {
    title: (relation) => relation.title ?? '',
    of: (relation) => relation.other,
    former: (relation) => relation.former ?? false,
    reports: reportsOf,
  },
  Participant: {
    entity: (relation) => relation.other,
    role: (relation) => relation.role ?? '',
    reports: reportsOf,
  },
};
