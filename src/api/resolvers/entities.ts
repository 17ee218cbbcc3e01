/** Resolvers of the entity types: thin, each a loader call and a little shaping. */
import type {
  CountryResolvers,
  EntityResolvers,
  EventResolvers,
  OrganizationResolvers,
  PersonResolvers,
  PlaceResolvers,
  Resolvers,
} from '../../generated/graphql.ts';
import type { EntityRecord, RelationRecord } from '../../graph/types.ts';
import { LABEL_OF_KIND } from '../../domain/vocabulary.ts';
import type { RequestContext } from '../context.ts';
import { intInRange, listFilter } from '../arguments.ts';

/** Relations of one type and direction, for fields such as `parent` or `participants`. */
function related(context: RequestContext, entity: EntityRecord, type: string, direction: 'OUT' | 'IN') {
  return context.loaders.relations.load({ id: entity.id, args: { types: [type], direction, first: null } });
}

function others(relations: RelationRecord[], kind?: EntityRecord['kind']): EntityRecord[] {
  const seen = new Set<string>();
  return relations
    .map((relation) => relation.other)
    .filter((other) => (kind === undefined || other.kind === kind) && !seen.has(other.id) && seen.add(other.id));
}

/** Fields every entity type shares. */
const entityFields = {
  mentions: (entity: EntityRecord, _args: unknown, context: RequestContext) => context.loaders.mentions.load(entity.id),
  relations: (
    entity: EntityRecord,
    args: { types?: readonly string[] | null; direction?: 'OUT' | 'IN' | 'BOTH' | null; first?: number | null },
    context: RequestContext,
  ) =>
    context.loaders.relations.load({
      id: entity.id,
      args: {
        types: listFilter(args.types),
        direction: args.direction ?? 'BOTH',
        first: args.first === null || args.first === undefined ? null : intInRange('first', args.first, 1, 100),
      },
    }),
  claims: (entity: EntityRecord, args: { role?: 'SPEAKER' | 'SUBJECT' | 'ANY' | null }, context: RequestContext) =>
    context.loaders.claimsOf.load({ id: entity.id, args: args.role ?? 'ANY' }),
};

const Entity: EntityResolvers<RequestContext> = {
  __resolveType: (entity) => LABEL_OF_KIND[entity.kind],
};

const Person: PersonResolvers<RequestContext> = {
  ...entityFields,
  positions: (person, _args, context) => related(context, person, 'HOLDS_POSITION', 'OUT'),
};

const Organization: OrganizationResolvers<RequestContext> = {
  ...entityFields,
  country: (organization, _args, context) => context.loaders.countryOf.load(organization.id),
  parent: async (organization, _args, context) =>
    others(await related(context, organization, 'PART_OF', 'OUT'), 'ORGANIZATION')[0] ?? null,
  ledBy: async (organization, _args, context) => others(await related(context, organization, 'LED_BY', 'OUT'))[0] ?? null,
};

const Country: CountryResolvers<RequestContext> = {
  ...entityFields,
  isoCode: (country) => country.isoCode ?? '',
  places: (country, _args, context) => context.loaders.placesIn.load(country.id),
  organizations: (country, _args, context) => context.loaders.organizationsIn.load(country.id),
};

const Place: PlaceResolvers<RequestContext> = {
  ...entityFields,
  country: (place, _args, context) => context.loaders.countryOf.load(place.id),
  within: async (place, _args, context) => others(await related(context, place, 'LOCATED_IN', 'OUT'), 'PLACE')[0] ?? null,
};

const Event: EventResolvers<RequestContext> = {
  ...entityFields,
  places: async (event, _args, context) => others(await related(context, event, 'OCCURRED_IN', 'OUT'), 'PLACE'),
  countries: (event, _args, context) => context.loaders.eventCountries.load(event.id),
  participants: (event, _args, context) => related(context, event, 'PARTICIPATED_IN', 'IN'),
  partOf: async (event, _args, context) => others(await related(context, event, 'PART_OF', 'OUT'), 'EVENT')[0] ?? null,
  subEvents: async (event, _args, context) => others(await related(context, event, 'PART_OF', 'IN'), 'EVENT'),
  figures: (event, _args, context) => context.loaders.eventFigures.load(event.id),
  certainty: async (event, _args, context) => (await context.loaders.eventAssertion.load(event.id))?.certainty ?? 'STATED',
  evidence: async (event, _args, context) => (await context.loaders.eventAssertion.load(event.id))?.evidence ?? [],
  reportedBy: async (event, _args, context) => others(await related(context, event, 'REPORTED_BY', 'OUT')),
};

export const entityResolvers: Resolvers<RequestContext> = {
  Entity,
  Person,
  Organization,
  Country,
  Place,
  Event,
  Position: {
    title: (relation) => relation.title ?? '',
    of: (relation) => relation.other,
    former: (relation) => relation.former ?? false,
  },
  Participant: {
    entity: (relation) => relation.other,
    role: (relation) => relation.role ?? '',
  },
};
