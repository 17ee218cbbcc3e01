/**
 * The Cypher each example operation, and a set of selection features, compiles to, with its
 * parameters, as readable snapshots (like `@neo4j/graphql`'s tck): no database. Integration tests
 * check what the queries answer; these show what they ask, and that only what is selected is.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/api/schema.ts';
import { encodeCursor } from '../../src/graph/pages.ts';
import { compileOperation } from '../support/compile-operation.ts';

const schema = buildSchema(loadTypeDefs());
const EXAMPLES_DIR = fileURLToPath(new URL('../../examples/', import.meta.url));
const examples = readdirSync(EXAMPLES_DIR).filter((name) => name.endsWith('.graphql')).sort();

/** A compiled operation as one readable text: each root field's Cypher, then its parameters. */
const compiled = (source: string, variables: Record<string, unknown> = {}) =>
  compileOperation(schema, source, variables)
    .map(({ field, cypher, params }) => `# ${field}\n${cypher ?? '(no query)'}\n\n${JSON.stringify(params, null, 2)}`)
    .join('\n\n');

const cypherOf = (source: string, variables: Record<string, unknown> = {}) =>
  compileOperation(schema, source, variables).map(({ cypher }) => cypher).join('\n');

describe('the Cypher of every example operation, with its default variables', () => {
  it.each(examples)('%s', (name) => {
    expect(compiled(readFileSync(`${EXAMPLES_DIR}${name}`, 'utf8'))).toMatchSnapshot();
  });
});

describe('selection features', () => {
  it('aliases: each aliased root field is its own query', () => {
    expect(compiled('{ leader: entity(id: "kassym-jomart-tokayev") { id } city: entity(id: "almaty") { id name } }')).toMatchSnapshot();
  });

  it('fragments: fields selected through named and inline fragments are planned', () => {
    expect(
      compiled(`
        query ($id: ID!) { entity(id: $id) { ...Dated ... on Place { coordinates { latitude } } } }
        fragment Dated on Event { date { iso } certainty }`, { id: 'almaty' }),
    ).toMatchSnapshot();
  });

  it('nested first: a nested list is bounded by its own first, as a parameter', () => {
    expect(compiled('{ entity(id: "kazakhstan") { relations(first: 3) { type } claims(first: 2) { id } } }')).toMatchSnapshot();
  });

  it('excludeBasis: left-out bases are a parameter of the walk they restrict', () => {
    expect(
      compiled('{ entity(id: "almaty") { ... on Place { coordinates(excludeBasis: [INFERRED]) { latitude } country(excludeBasis: [BACKGROUND]) { id } } } }'),
    ).toMatchSnapshot();
  });

  it('cursors: a page after a cursor compares the sort keys and id, each a parameter', () => {
    const after = encodeCursor({ keys: ['Askar Mamin'], id: 'askar-mamin' });
    expect(compiled('query ($after: String) { people(first: 2, after: $after) { edges { node { id } } } }', { after })).toMatchSnapshot();
  });

  it('totals: the count is in the same query only when totalCount is selected', () => {
    expect(compiled('{ events(first: 5) { totalCount edges { node { id } } } }')).toMatchSnapshot();
    expect(cypherOf('{ events(first: 5) { edges { node { id } } } }')).not.toContain('count(');
  });
});

describe('projection follows the selection', () => {
  it('computes a date, the location walk and corroboration only when selected', () => {
    const bare = cypherOf('{ entity(id: "almaty") { id name } }');
    expect(bare).not.toMatch(/dateIso|LOCATED_IN|articleCount/);
    const dated = cypherOf('{ entity(id: "almaty") { ... on Event { date { iso } } } }');
    expect(dated).toContain('dateIso');
    expect(dated).not.toContain('LOCATED_IN');
    expect(cypherOf('{ entity(id: "almaty") { ... on Place { coordinates { latitude } } } }')).toContain('LOCATED_IN|PART_OF');
    expect(cypherOf('{ entity(id: "almaty") { ... on Event { articleCount } } }')).toContain('.articleCount');
  });

  it("projects a fact's reports and evidence only when selected", () => {
    const bare = cypherOf('{ figures(first: 5) { edges { node { id text } } } }');
    expect(bare).not.toMatch(/REPORTED_IN|evidenceArticleIds/);
    const full = cypherOf('{ figures(first: 5) { edges { node { id reports { certainty } evidence { text } } } } }');
    expect(full).toContain('REPORTED_IN');
    expect(full).toContain('evidenceArticleIds');
  });

  it('gives the same selection shape the same Cypher text, whatever the values (a plan cache hit)', () => {
    const query = 'query ($id: ID!, $first: Int) { entity(id: $id) { id relations(first: $first) { type other { id } } } }';
    const one = compileOperation(schema, query, { id: 'almaty', first: 3 });
    const other = compileOperation(schema, query, { id: 'kazakhstan', first: 7 });
    expect(one[0]!.cypher).toBe(other[0]!.cypher);
    expect(one[0]!.params).not.toEqual(other[0]!.params);
  });

  it('never writes a value into the Cypher text', () => {
    const marker = 'marker-value-1234';
    for (const query of [
      `{ entity(id: "${marker}") { id } }`,
      `{ search(text: "${marker}") { entity { id } } }`,
      `{ claims(speakerId: "${marker}") { edges { node { id } } } }`,
      `{ path(from: "${marker}", to: "other") { length } }`,
      `{ eventCounts(countryId: "${marker}") { events } }`,
    ]) {
      expect(cypherOf(query)).not.toContain(marker);
    }
  });
});
