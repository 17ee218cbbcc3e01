/**
 * Look-ahead: reads a field's selection to find what the objects it returns will be asked for:
 * the facets of the entities at one level (so the root query computes them too and their
 * resolvers find them primed), and the shape of their projection (only the costly parts selected).
 * Deeper fields go through the per-level facet loaders, which read their own selection the same way.
 */
import {
  getArgumentValues,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import type { AnyFacet } from '../graph/fetch-plan.ts';
import type { Shape } from '../graph/projections.ts';
import { ENTITY_TYPE_NAMES, facetOfField } from './fields.ts';

/** What reading a selection needs: a resolver's `info` has it, and so does a parsed document. */
export type Selection = Pick<GraphQLResolveInfo, 'schema' | 'fragments' | 'variableValues' | 'fieldNodes' | 'returnType'>;

interface TypedField {
  /** The type the selection was made on (an inline fragment's or fragment's type condition). */
  typeName: string;
  node: FieldNode;
}

/** The fields of a selection set, through inline fragments and fragment spreads. */
function fieldsOf(selection: Selection, selectionSet: SelectionSetNode | undefined, typeName: string): TypedField[] {
  return (selectionSet?.selections ?? []).flatMap((item): TypedField[] => {
    if (item.kind === Kind.FIELD) return [{ typeName, node: item }];
    if (item.kind === Kind.INLINE_FRAGMENT) {
      return fieldsOf(selection, item.selectionSet, item.typeCondition?.name.value ?? typeName);
    }
    const fragment = selection.fragments[item.name.value];
    return fragment ? fieldsOf(selection, fragment.selectionSet, fragment.typeCondition.name.value) : [];
  });
}

/** True when a field named `name` is selected at the end of `path` (such as `totalCount`). */
export function isSelected(selection: Selection, path: readonly string[], name: string): boolean {
  return selectionAt(selection, path).some((field) => field.node.name.value === name);
}

/** The arguments of every selection of the field `name` at the end of `path` (one per alias). */
export function selectedArguments(selection: Selection, path: readonly string[], name: string): Record<string, unknown>[] {
  return selectionAt(selection, path)
    .filter((field) => field.node.name.value === name)
    .flatMap((field) => {
      const definition = definitionOf(selection, field);
      return definition ? [getArgumentValues(definition, field.node, selection.variableValues)] : [];
    });
}

/** The sub-fields of `fields`, each on the type its definition returns. */
function childrenOf(selection: Selection, fields: TypedField[]): TypedField[] {
  return fields.flatMap((field) => {
    const definition = definitionOf(selection, field);
    return definition ? fieldsOf(selection, field.node.selectionSet, getNamedType(definition.type).name) : [];
  });
}

function selectionAt(selection: Selection, path: readonly string[]): TypedField[] {
  let fields: TypedField[] = selection.fieldNodes.flatMap((node) =>
    fieldsOf(selection, node.selectionSet, getNamedType(selection.returnType).name),
  );
  for (const step of path) fields = childrenOf(selection, fields.filter((field) => field.node.name.value === step));
  return fields;
}

/** The field definition behind a selection, when its type has fields. */
function definitionOf(selection: Selection, { typeName, node }: TypedField) {
  const type = selection.schema.getType(typeName);
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[node.name.value] : undefined;
}

/** The fields of an event that read its consolidation. */
const CONSOLIDATION_FIELDS = new Set(['certainty', 'weakestCertainty', 'articleCount', 'sourceCount', 'datesDisagree']);

/**
 * What the selection `fields` asks of the objects it is made on: for entities, their own date,
 * coordinates and consolidation; for the objects that hold entities (facts, relations), their
 * reports and evidence, and what their sub-selections ask of the entities they hold.
 */
function shapeOf(selection: Selection, fields: TypedField[]): Shape {
  const entityLevel = fields.filter((field) => ENTITY_TYPE_NAMES.has(field.typeName));
  const holderLevel = fields.filter((field) => !ENTITY_TYPE_NAMES.has(field.typeName));
  const entityNames = new Set([...entityLevel, ...childrenOf(selection, holderLevel)].map((field) => field.node.name.value));
  const ownNames = new Set(fields.map((field) => field.node.name.value));
  return {
    date: entityNames.has('date'),
    coordinates: entityNames.has('coordinates'),
    consolidation: [...entityNames].some((name) => CONSOLIDATION_FIELDS.has(name)),
    reports: ownNames.has('reports'),
    evidence: ownNames.has('evidence'),
  };
}

/** The shape of the objects at the end of `path`. */
export const shapeAt = (selection: Selection, path: readonly string[] = []): Shape => shapeOf(selection, selectionAt(selection, path));

const fieldShapes = new WeakMap<readonly FieldNode[], Shape>();

/** The shape a field resolver's selection asks for; graphql-js shares `fieldNodes` between the items of a list, so it is read once. */
export function fieldShape(info: GraphQLResolveInfo): Shape {
  const known = fieldShapes.get(info.fieldNodes);
  if (known) return known;
  const shape = shapeAt(info);
  fieldShapes.set(info.fieldNodes, shape);
  return shape;
}

/** The facets the entities at the end of `path` will need, deduplicated by key. */
export function plannedEntityFacets(selection: Selection, path: readonly string[] = []): AnyFacet[] {
  const planned = new Map<string, AnyFacet>();
  for (const field of selectionAt(selection, path)) {
    const definition = definitionOf(selection, field);
    if (!definition) continue;
    try {
      const args = getArgumentValues(definition, field.node, selection.variableValues);
      const shape = shapeOf(selection, fieldsOf(selection, field.node.selectionSet, getNamedType(definition.type).name));
      const facet = facetOfField(field.typeName, field.node.name.value, args, shape);
      if (facet) planned.set(facet.key, facet);
    } catch {
      // A bad argument: the field's own resolver reports it.
    }
  }
  return [...planned.values()];
}
