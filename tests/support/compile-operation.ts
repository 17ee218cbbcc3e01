/**
 * The Cypher an operation's root fields compile to, without a database (as `@neo4j/graphql`'s
 * tck translates a document): each root field's selection and arguments go through the same
 * compiler the resolvers run (`ROOT_QUERIES`), and the query is built, not run.
 */
import {
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  Kind,
  parse,
  type FragmentDefinitionNode,
  type GraphQLSchema,
} from 'graphql';
import neo4j from 'neo4j-driver';
import { ROOT_QUERIES } from '../../src/api/root-queries.ts';

export interface CompiledField {
  /** The field's response key (its alias, or its name). */
  field: string;
  cypher: string | null;
  /** The parameters, Cypher integers as numbers so a snapshot reads them. */
  params: Record<string, unknown>;
}

const readable = (value: unknown): unknown => {
  if (neo4j.isInt(value)) return value.toNumber();
  if (Array.isArray(value)) return value.map(readable);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, readable(item)]));
  return value;
};

export function compileOperation(schema: GraphQLSchema, source: string, inputs: Record<string, unknown> = {}): CompiledField[] {
  const document = parse(source);
  const operation = getOperationAST(document);
  if (!operation) throw new Error('The document holds no single operation');
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], inputs);
  if (coerced.errors) throw new Error(coerced.errors.map((error) => error.message).join('; '));
  const fragments = Object.fromEntries(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((definition) => [definition.name.value, definition]),
  );
  const queryType = schema.getQueryType()!;
  return operation.selectionSet.selections.flatMap((selection): CompiledField[] => {
    if (selection.kind !== Kind.FIELD || selection.name.value === '__typename') return [];
    const definition = queryType.getFields()[selection.name.value];
    const compile = ROOT_QUERIES[selection.name.value];
    if (!definition || !compile) throw new Error(`No compiled query for the root field ${selection.name.value}`);
    const args = getArgumentValues(definition, selection, coerced.coerced);
    const { query } = compile(args as never, { schema, fragments, variableValues: coerced.coerced, fieldNodes: [selection], returnType: definition.type });
    const built = query?.build();
    return [{ field: selection.alias?.value ?? selection.name.value, cypher: built?.cypher ?? null, params: readable(built?.params ?? {}) as Record<string, unknown> }];
  });
}
