/**
 * The SDL contract: every example operation (and the Sandbox showcase) is valid against it and
 * runnable with its defaults, everything in it is described, every root field has a resolver,
 * relation types are an enum, and every list is bounded (a `first`, a connection, or a fixed cap).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isSpecifiedScalarType,
  Kind,
  parse,
  validate,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs, resolvers } from '../../src/api/schema.ts';
import { SHOWCASE_OPERATION } from '../../src/api/showcase.ts';
import { GRAPH_EDGE_TYPES, RELATION_TYPES } from '../../src/domain/vocabulary.ts';

const EXAMPLES_DIR = fileURLToPath(new URL('../../examples/', import.meta.url));
const examples = readdirSync(EXAMPLES_DIR)
  .filter((name) => name.endsWith('.graphql'))
  .sort()
  .map((name) => ({ name, text: readFileSync(`${EXAMPLES_DIR}${name}`, 'utf8') }));

const schema: GraphQLSchema = buildSchema(loadTypeDefs());

/** Everything in the schema that should carry a description, each with its description. */
function describedThings(): [string, string | null | undefined][] {
  const things: [string, string | null | undefined][] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    things.push([type.name, type.description]);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        things.push([`${type.name}.${field.name}`, field.description]);
        for (const argument of field.args) things.push([`${type.name}.${field.name}(${argument.name})`, argument.description]);
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) things.push([`${type.name}.${field.name}`, field.description]);
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) things.push([`${type.name}.${value.name}`, value.description]);
    }
  }
  return things;
}

describe('schema', () => {
  it('builds from the SDL files with the expected root fields', () => {
    const query = schema.getQueryType();
    expect(query).toBeDefined();
    expect(Object.keys(query!.getFields()).sort()).toEqual(
      [
        'entity', 'search', 'entities', 'people', 'organizations', 'countries', 'places', 'events', 'timeline', 'figures',
        'claims', 'deployments', 'neighborhood', 'path', 'articles', 'article', 'stats',
        'eventCounts', 'figureSummaries', 'deploymentTotals',
      ].sort(),
    );
    expect(schema.getMutationType()).toBeUndefined();
  });

  it('describes every type, field, argument and enum value', () => {
    const things = describedThings();
    expect(things.length).toBeGreaterThan(300);
    const missing = things.filter(([, description]) => !description || description.trim().length === 0).map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('has a resolver for every root field', () => {
    const query = resolvers.Query as Record<string, unknown>;
    for (const field of Object.keys(schema.getQueryType()!.getFields())) {
      expect(typeof query[field], field).toBe('function');
    }
  });

  it('makes every entity type implement Entity with all of its fields', () => {
    const entity = schema.getType('Entity');
    if (!isInterfaceType(entity)) throw new Error('Entity is not an interface');
    const implementations = schema.getPossibleTypes(entity).map((type) => type.name).sort();
    expect(implementations).toEqual(['Country', 'Event', 'Organization', 'Person', 'Place']);
    for (const name of implementations) {
      const type = schema.getType(name);
      if (!isObjectType(type)) throw new Error(`${name} is not an object type`);
      for (const field of Object.keys(entity.getFields())) expect(type.getFields()[field], `${name}.${field}`).toBeDefined();
    }
  });
});

describe('example operations', () => {
  it('exist', () => {
    expect(examples.length).toBeGreaterThanOrEqual(9);
  });

  it.each(examples)('$name is valid against the schema', ({ text }) => {
    const errors = validate(schema, parse(text));
    expect(errors.map((error) => error.message)).toEqual([]);
  });

  it.each(examples)('$name runs with its defaults alone: one operation, required variables have defaults', ({ text }) => {
    const document = parse(text);
    const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    expect(operations).toHaveLength(1);
    const [operation] = operations;
    if (operation?.kind !== Kind.OPERATION_DEFINITION) throw new Error('no operation');
    expect(operation.name?.value).toBeTruthy();
    for (const variable of operation.variableDefinitions ?? []) {
      const required = variable.type.kind === Kind.NON_NULL_TYPE;
      if (required) expect(variable.defaultValue, `$${variable.variable.name.value}`).toBeDefined();
    }
  });

  it('the Sandbox showcase is valid against the schema', () => {
    expect(validate(schema, parse(SHOWCASE_OPERATION)).map((error) => error.message)).toEqual([]);
  });

  it('rejects an operation that breaks the schema (the check can fail)', () => {
    const errors = validate(schema, parse(`{ entity(id: "x") { ... on Organization { category } ... on Place { category } } }`));
    expect(errors.length).toBeGreaterThan(0);
    expect(validate(schema, parse(`{ entity { id } }`)).length).toBeGreaterThan(0);
  });
});

/** The named type of a field or argument type, as SDL writes it (`[RelationType!]`, `Int`). */
const typeOf = (typeName: string, fieldName: string) => {
  const type = schema.getType(typeName);
  if (!isObjectType(type) && !isInterfaceType(type)) throw new Error(`${typeName} has no fields`);
  const field = type.getFields()[fieldName];
  if (!field) throw new Error(`${typeName}.${fieldName} does not exist`);
  return field;
};
const errorsOf = (operation: string) => validate(schema, parse(operation)).map((error) => error.message);

describe('relation types', () => {
  const ENTITY_TYPES = ['Entity', 'Person', 'Organization', 'Country', 'Place', 'Event'];

  it('are the enum RelationType, with exactly the vocabulary of relation types', () => {
    const relationType = schema.getType('RelationType');
    if (!isEnumType(relationType)) throw new Error('RelationType is not an enum');
    expect(relationType.getValues().map((value) => value.name)).toEqual([...RELATION_TYPES]);
    for (const [type, field] of [['Relation', 'type'], ['RelationTypeCount', 'type']]) {
      expect(typeOf(type!, field!).type.toString(), `${type}.${field}`).toBe('RelationType!');
    }
    // A graph view's edges are relations, or claims from their speaker to a subject.
    expect(typeOf('GraphEdge', 'type').type.toString()).toBe('GraphEdgeType!');
    const edgeType = schema.getType('GraphEdgeType');
    if (!isEnumType(edgeType)) throw new Error('GraphEdgeType is not an enum');
    expect(edgeType.getValues().map((value) => value.name)).toEqual([...GRAPH_EDGE_TYPES]);
    for (const type of ENTITY_TYPES) {
      const types = typeOf(type, 'relations').args.find((argument) => argument.name === 'types');
      expect(types?.type.toString(), `${type}.relations(types)`).toBe('[RelationType!]');
    }
  });

  it('are written as enum values: strings and unknown names fail validation', () => {
    expect(errorsOf(`{ entity(id: "x") { relations(types: [HOLDS_POSITION, LOCATED_IN]) { type } } }`)).toEqual([]);
    expect(errorsOf(`query ($types: [RelationType!]) { entity(id: "x") { relations(types: $types) { type } } }`)).toEqual([]);
    expect(errorsOf(`{ entity(id: "x") { relations(types: ["HOLDS_POSITION"]) { type } } }`)).toEqual([
      expect.stringContaining('RelationType'),
    ]);
    expect(errorsOf(`{ entity(id: "x") { relations(types: [NO_SUCH_TYPE]) { type } } }`)).toEqual([
      expect.stringContaining('NO_SUCH_TYPE'),
    ]);
    expect(errorsOf(`query ($types: [String!]) { entity(id: "x") { relations(types: $types) { type } } }`)).toEqual([
      expect.stringContaining('[RelationType!]'),
    ]);
  });
});

describe('paging', () => {
  /** Every list in the schema that takes `first`, with its default: exactly the nested lists of the contract. */
  const NESTED_LISTS: Record<string, number> = {
    'Article.entities': 100,
    'Article.figures': 20,
    'Article.claims': 20,
    'Article.deployments': 20,
    'Person.positions': 20,
    'Country.places': 20,
    'Country.organizations': 20,
    'Event.places': 20,
    'Event.countries': 20,
    'Event.participants': 20,
    'Event.subEvents': 20,
    'Event.figures': 20,
    'Event.evidence': 20,
    // A fact's reports, one per article.
    ...Object.fromEntries(['Event', 'Relation', 'Position', 'Participant', 'Figure', 'Claim', 'Deployment'].map((type) => [`${type}.reports`, 20])),
    'Event.reportedBy': 20,
    'Place.events': 20,
    'FigureSummary.figures': 10,
  };
  for (const type of ['Entity', 'Person', 'Organization', 'Country', 'Place', 'Event']) {
    for (const field of ['mentions', 'relations', 'claims', 'figures']) NESTED_LISTS[`${type}.${field}`] = 20;
  }

  it('root figures, claims, deployments and articles are connections with first (default 20) and after', () => {
    const query = schema.getQueryType()!.getFields();
    for (const [field, node] of [['figures', 'Figure'], ['claims', 'Claim'], ['deployments', 'Deployment'], ['articles', 'Article']]) {
      expect(query[field!]!.type.toString()).toBe(`${node}Connection!`);
      const args = Object.fromEntries(query[field!]!.args.map((argument) => [argument.name, argument]));
      expect(args.first?.type.toString(), field).toBe('Int');
      expect(args.first?.defaultValue, field).toBe(20);
      expect(args.after?.type.toString(), field).toBe('String');
      expect(typeOf(`${node}Connection`, 'totalCount').type.toString()).toBe('Int!');
      expect(typeOf(`${node}Connection`, 'pageInfo').type.toString()).toBe('PageInfo!');
      expect(typeOf(`${node}Connection`, 'edges').type.toString()).toBe(`[${node}Edge!]!`);
      expect(typeOf(`${node}Edge`, 'cursor').type.toString()).toBe('String!');
      expect(typeOf(`${node}Edge`, 'node').type.toString()).toBe(`${node}!`);
    }
    expect(errorsOf(`{ figures { id } }`)).toEqual([expect.stringContaining('id')]);
    expect(errorsOf(`{ figures(first: 3, after: "x") { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`)).toEqual([]);
  });

  // That every other list has a fixed cap is the cost model's check (tests/unit/cost-model.test.ts).
  it('exactly the nested lists of the contract take first, each with its default', () => {
    const withFirst: Record<string, unknown> = {};
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || type === schema.getQueryType() || !(isObjectType(type) || isInterfaceType(type))) continue;
      for (const field of Object.values(type.getFields())) {
        const first = field.args.find((argument) => argument.name === 'first');
        if (!first) continue;
        expect(first.type.toString(), `${type.name}.${field.name}`).toBe('Int');
        withFirst[`${type.name}.${field.name}`] = first.defaultValue;
      }
    }
    expect(withFirst).toEqual(NESTED_LISTS);
  });

  it('a subgraph says whether it cut its edges', () => {
    expect(typeOf('Subgraph', 'edgesTruncated').type.toString()).toBe('Boolean!');
  });
});

describe('nullability of the contract', () => {
  it('keeps lists non-null with non-null items, so clients never check for null entries', () => {
    const lists: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
      for (const field of Object.values(type.getFields())) {
        const fieldType = field.type;
        const inner = isNonNullType(fieldType) ? fieldType.ofType : fieldType;
        if (inner.toString().startsWith('[')) {
          lists.push(`${type.name}.${field.name}`);
          expect(fieldType.toString(), `${type.name}.${field.name}`).toMatch(/^\[.+!\]!$/);
        }
      }
    }
    expect(lists.length).toBeGreaterThan(20);
  });
});
