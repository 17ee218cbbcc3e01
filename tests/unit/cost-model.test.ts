/**
 * The cost model without a database: every list is bounded, the documented maxima are accepted
 * on their own, and what once exhausted memory is refused.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, getNamedType, getNullableType, isLeafType, isListType, isObjectType, isInterfaceType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { FIXED_LIST_SIZES } from '../../src/api/cost-limit.ts';
import { countObjects as chargedObjects } from '../../src/api/fairness.ts';
import { loadTypeDefs } from '../../src/api/schema.ts';
import { loadConfig } from '../../src/config/env.ts';
import { countObjects, estimate, worstCase } from '../support/cost.ts';

const schema = buildSchema(loadTypeDefs());
const MAX_COST = loadConfig({}).graphql.limits.maxCost;
const EXAMPLES_DIR = fileURLToPath(new URL('../../examples/', import.meta.url));

describe('the cost model', () => {
  it('knows a bound for every list of objects: an argument, or a fixed cap', () => {
    const unbounded: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
      for (const field of Object.values(type.getFields())) {
        if (!isListType(getNullableType(field.type)) || isLeafType(getNamedType(field.type))) continue;
        const bounded = field.args.some((arg) => ['first', 'limit', 'maxLength'].includes(arg.name) && arg.defaultValue !== undefined);
        const connectionEdges = type.name.endsWith('Connection') && field.name === 'edges';
        if (!bounded && !connectionEdges && FIXED_LIST_SIZES[`${type.name}.${field.name}`] === undefined) {
          unbounded.push(`${type.name}.${field.name}`);
        }
      }
    }
    expect(unbounded).toEqual([]);
  });

  it('accepts the documented maximum of every argument on its own', () => {
    const maxima = [
      '{ neighborhood(id: "x", depth: 3, limit: 500) { nodes { id kind name } edges { type source target certainty } } }',
      '{ countries(first: 100) { edges { node { name mentions { text } relations { type other { name } } } } } }',
      '{ entities(first: 100) { totalCount edges { node { id name mentions(first: 100) { start end text } } } } }',
      '{ entity(id: "x") { relations(first: 100) { type other { id name } evidence { text } } claims(first: 100) { id summary } } }',
      '{ timeline(first: 500) { id name date { iso } places { name coordinates { latitude longitude } } } }',
      '{ search(text: "x", first: 100) { score entity { id name } } }',
      '{ path(from: "a", to: "b", maxLength: 10) { length nodes { id name } edges { type source target } } }',
      '{ figures(first: 100) { totalCount edges { node { id text event { id name } source { id name } evidence { text } } } } }',
      '{ claims(first: 100) { edges { node { id summary speaker { name } about { name } evidence { text } } } } }',
      '{ deployments(first: 100) { edges { node { id country { name } destination { name } troops { text } } } } }',
      '{ articles(first: 100) { edges { node { id title } } } }',
      '{ eventCounts(bucket: DAY, groupBy: COUNTRY, first: 500) { events undated rows { start count entity { id name } } } }',
      '{ figureSummaries(first: 100) { metric event { name } country { name } range { lowest highest } figureCount } }',
      '{ figureSummaries(first: 20) { metric figures(first: 100) { id text source { name } evidence { text } } } }',
      '{ deploymentTotals(first: 100) { country { name } destination { name } troops { lowest } statuses { status count } } }',
      '{ entity(id: "x") { figures(first: 100) { id text event { name } } ... on Place { events(first: 100) { id name } } } }',
      '{ article(id: "x") { entities(first: 100) { id name } figures(first: 100) { id } claims(first: 100) { id } deployments(first: 100) { id } } }',
    ];
    for (const query of maxima) expect(estimate(schema, query), query).toBeLessThanOrEqual(MAX_COST);
  });

  it('refuses the nested lists that once ran the API out of memory', () => {
    const query = '{ articles { edges { node { entities { relations { other { mentions { text } } } } } } } }';
    expect(estimate(schema, query)).toBeGreaterThan(MAX_COST);
  });

  it("prices a connection's edges by its first, and a graph walk by its depth, limit and edges per entity", () => {
    expect(estimate(schema, '{ entities(first: 10) { edges { node { id } } } }')).toBeLessThanOrEqual(30);
    const walk = (depth: number, limit: number, selection = 'nodes { id }') =>
      estimate(schema, `{ neighborhood(id: "x", depth: ${depth}, limit: ${limit}) { ${selection} } }`);
    // The nodes returned are the same at every depth; the reading is not.
    expect(walk(3, 50) - walk(2, 50)).toBe(walk(2, 50) - walk(1, 50));
    expect(walk(3, 50) - walk(1, 50)).toBeGreaterThanOrEqual(2 * 51);
    // Nothing selected but a flag: the walk still reads depth × limit entities and their edges.
    expect(walk(3, 500, 'edgesTruncated')).toBeGreaterThanOrEqual(3 * 501 * 5);
    const path = (maxLength: number) => estimate(schema, `{ path(from: "a", to: "b", maxLength: ${maxLength}) { length } }`);
    expect(path(10)).toBeGreaterThan(path(1) * 5);
  });

  it('prices a null size as the resolver runs it: the SDL default, not one item', () => {
    const sizes = [
      ['{ entities(first: null) { edges { node { mentions(first: 100) { text } } } } }', '{ entities { edges { node { mentions(first: 100) { text } } } } }'],
      ['{ timeline(first: null) { id places { name } } }', '{ timeline { id places { name } } }'],
      ['{ search(text: "x", first: null) { entity { id } } }', '{ search(text: "x") { entity { id } } }'],
      ['{ eventCounts(bucket: DAY, first: null) { rows { count } } }', '{ eventCounts(bucket: DAY) { rows { count } } }'],
    ];
    for (const [withNull, omitted] of sizes) {
      expect(estimate(schema, withNull!), withNull).toBe(estimate(schema, omitted!));
      expect(estimate(schema, withNull!), withNull).toBeGreaterThan(estimate(schema, withNull!.replace('first: null', 'first: 1')));
    }
    const walk = (args: string) => estimate(schema, `{ neighborhood(id: "x"${args}) { nodes { id } } }`);
    expect(walk(', depth: null, limit: null')).toBe(walk(''));
    expect(estimate(schema, '{ path(from: "a", to: "b", maxLength: null) { length } }')).toBe(estimate(schema, '{ path(from: "a", to: "b") { length } }'));
  });

  it('prices variables left out by their defaults, @include and @skip included', () => {
    const sized = 'query ($n: Int! = 100) { entities(first: $n) { edges { node { mentions(first: $n) { text } } } } }';
    expect(estimate(schema, sized, {})).toBe(estimate(schema, sized, { n: 100 }));
    expect(estimate(schema, sized, {})).toBeGreaterThan(MAX_COST / 10);
    const included = 'query ($v: Boolean = true) { entities(first: 100) { edges { node { mentions(first: 100) @include(if: $v) { text } } } } }';
    expect(estimate(schema, included, {})).toBe(estimate(schema, included, { v: true }));
    expect(estimate(schema, included, {})).toBeGreaterThan(estimate(schema, included, { v: false }));
  });

  it('is at least the worst case and at most three times it, for every example operation', () => {
    for (const name of readdirSync(EXAMPLES_DIR).filter((file) => file.endsWith('.graphql'))) {
      const query = readFileSync(`${EXAMPLES_DIR}${name}`, 'utf8');
      const worst = worstCase(schema, query);
      const cost = estimate(schema, query);
      expect(cost, name).toBeGreaterThanOrEqual(worst);
      expect(cost, name).toBeLessThanOrEqual(3 * worst);
    }
  });
});

describe('counting the objects of a response', () => {
  const cases: [unknown, number][] = [
    [{ a: [{ x: 1 }, { x: 2 }] }, 2],
    [{ a: { b: [{ c: { d: 1 } }, null, { c: null }] } }, 4],
    [{ a: [[{ x: 1 }], [{ x: 2 }, { x: 3 }]] }, 3],
    [{ a: 1, b: 'text', c: null, d: [1, 2] }, 0],
    [null, 0],
    [[{ x: 1 }, { y: { z: 1 } }], 3],
  ];

  it.each(cases)('%j holds %i objects, for the tests and for the budget alike', (data, objects) => {
    expect(countObjects(data)).toBe(objects);
    expect(chargedObjects(data)).toBe(objects);
  });
});
