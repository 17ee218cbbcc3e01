/**
 * The SDL contract: every example operation (and the Sandbox showcase) is valid against it and
 * runnable with its defaults, everything in it is described, and every root field has a resolver.
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
