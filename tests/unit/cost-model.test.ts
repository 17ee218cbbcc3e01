/**
 * The cost model without a database: every list is bounded, the documented maxima are accepted
 * on their own, and what once exhausted memory is refused.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, getNamedType, getNullableType, isLeafType, isListType, isObjectType, isInterfaceType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { FIXED_LIST_SIZES } from '../../src/api/cost-limit.ts';
import { loadTypeDefs } from '../../src/api/schema.ts';
import { loadConfig } from '../../src/config/env.ts';
import { estimate, worstCase } from '../support/cost.ts';

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

  it("prices a connection's edges by its first, and a graph walk by its limit, not by depth", () => {
    expect(estimate(schema, '{ entities(first: 10) { edges { node { id } } } }')).toBeLessThanOrEqual(30);
    const depth1 = estimate(schema, '{ neighborhood(id: "x", depth: 1, limit: 50) { nodes { id } } }');
    const depth3 = estimate(schema, '{ neighborhood(id: "x", depth: 3, limit: 50) { nodes { id } } }');
    expect(depth3).toBe(depth1);
    expect(depth1).toBe(1 + 51);
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
