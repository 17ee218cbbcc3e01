/**
 * Independent yardsticks for the cost model: the objects a response actually holds, and the most
 * objects an operation's arguments allow, computed by walking the operation against the schema.
 */
import {
  getArgumentValues,
  getVariableValues,
  getNamedType,
  getNullableType,
  isAbstractType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  parse,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { MAX_CLAIM_SUBJECTS, MAX_EDGES_PER_NODE, MAX_EVIDENCE_SPANS } from '../../src/domain/limits.ts';
import { GRAPH_WALKS, objectCountEstimator } from '../../src/api/cost-limit.ts';

/** The cost-limit plugin's estimate of an operation. */
export function estimate(schema: GraphQLSchema, query: string, variables: Record<string, unknown> = {}): number {
  return getComplexity({ schema, query: parse(query), variables, estimators: [objectCountEstimator] });
}

/** Objects (JSON objects, at any depth, list elements included) in a response's data, the root excluded. */
export function countObjects(value: unknown): number {
  const objectsWithin = (item: unknown): number => {
    if (item === null || typeof item !== 'object') return 0;
    const own = Array.isArray(item) ? 0 : 1;
    return own + Object.values(item).reduce<number>((sum, child) => sum + objectsWithin(child), 0);
  };
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? objectsWithin(value) - 1 : objectsWithin(value);
}

/** The most objects each list can hold, from its own arguments or its parent's. */
function listSize(typeName: string, fieldName: string, args: Record<string, unknown>, parentBound: number): number {
  if (typeof args.first === 'number') return args.first;
  if (typeName.endsWith('Connection') && fieldName === 'edges') return parentBound;
  if (typeName === 'Subgraph') return fieldName === 'nodes' ? parentBound + 1 : MAX_EDGES_PER_NODE * (parentBound + 1);
  if (typeName === 'EventCounts') return parentBound;
  if (fieldName === 'statuses') return 4;
  if (typeName === 'Path') return fieldName === 'nodes' ? parentBound + 1 : parentBound;
  if (fieldName === 'evidence') return MAX_EVIDENCE_SPANS;
  if (fieldName === 'about') return MAX_CLAIM_SUBJECTS;
  // One external identifier per data set, and Wikidata is the only one.
  if (fieldName === 'identifiers') return 1;
  if (fieldName === 'entitiesByKind') return 5;
  if (fieldName === 'relationsByType') return 8;
  throw new Error(`No bound known for ${typeName}.${fieldName}`);
}

/** The most objects the operation's arguments allow it to return. */
export function worstCase(schema: GraphQLSchema, query: string, inputs: Record<string, unknown> = {}): number {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) throw new Error('no operation');
  // The operation's own variable defaults apply, as in execution.
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], inputs);
  if (coerced.errors) throw coerced.errors[0];
  const variables = coerced.coerced;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  /** Whether a fragment on `condition` applies to an object of type `concrete`. */
  const applies = (condition: string | undefined, concrete: string) => {
    if (condition === undefined || condition === concrete) return true;
    const type = schema.getType(condition);
    const object = schema.getType(concrete);
    return isAbstractType(type) && isObjectType(object) && schema.isSubType(type, object);
  };
  const walk = (selectionSet: SelectionSetNode | undefined, typeName: string, bound: number): number => {
    const type = schema.getType(typeName);
    // An interface's value is one of its types: the worst of them.
    if (isAbstractType(type)) {
      return Math.max(0, ...schema.getPossibleTypes(type).map((possible) => walkObject(selectionSet, possible.name, bound)));
    }
    return walkObject(selectionSet, typeName, bound);
  };
  const walkObject = (selectionSet: SelectionSetNode | undefined, typeName: string, bound: number): number => {
    const byName = new Map<string, number>();
    const visit = (set: SelectionSetNode | undefined) => {
      for (const selection of set?.selections ?? []) {
        if (selection.kind === Kind.INLINE_FRAGMENT) {
          if (applies(selection.typeCondition?.name.value, typeName)) visit(selection.selectionSet);
        } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
          const fragment = fragments[selection.name.value]!;
          if (applies(fragment.typeCondition.name.value, typeName)) visit(fragment.selectionSet);
        } else {
          const type = schema.getType(typeName);
          const field = isObjectType(type) ? type.getFields()[selection.name.value] : undefined;
          if (!field || isLeafType(getNamedType(field.type))) continue;
          const args = getArgumentValues(field, selection, variables);
          const ownBound = typeof args.limit === 'number' ? args.limit : typeof args.maxLength === 'number' ? args.maxLength : typeof args.first === 'number' ? args.first : bound;
          const inner = walk(selection.selectionSet, getNamedType(field.type).name, ownBound);
          // A graph walk also pays for what it reads on its way (its price is policy, not a count).
          const reads = GRAPH_WALKS[`${typeName}.${field.name}`]?.(args) ?? 0;
          const count = reads + (isListType(getNullableType(field.type)) ? listSize(typeName, field.name, args, bound) * (1 + inner) : 1 + inner);
          const key = selection.alias?.value ?? selection.name.value;
          byName.set(key, Math.max(byName.get(key) ?? 0, count));
        }
      }
    };
    visit(selectionSet);
    return [...byName.values()].reduce((sum, count) => sum + count, 0);
  };
  return walk(operation.selectionSet, 'Query', 1);
}
