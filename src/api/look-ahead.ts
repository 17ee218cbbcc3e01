/**
 * Look-ahead: reads a root field's selection to find the facets its entities will be asked for,
 * so the root query computes them too and their resolvers find them primed. Only the entities'
 * own fields are planned (depth 1); deeper fields go through the per-level facet loaders.
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
import { facetOfField } from './fields.ts';

interface TypedField {
  /** The type the selection was made on (an inline fragment's or fragment's type condition). */
  typeName: string;
  node: FieldNode;
}

/** The fields of a selection set, through inline fragments and fragment spreads. */
function fieldsOf(info: GraphQLResolveInfo, selectionSet: SelectionSetNode | undefined, typeName: string): TypedField[] {
  return (selectionSet?.selections ?? []).flatMap((selection): TypedField[] => {
    if (selection.kind === Kind.FIELD) return [{ typeName, node: selection }];
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      return fieldsOf(info, selection.selectionSet, selection.typeCondition?.name.value ?? typeName);
    }
    const fragment = info.fragments[selection.name.value];
    return fragment ? fieldsOf(info, fragment.selectionSet, fragment.typeCondition.name.value) : [];
  });
}

/** True when a field named `name` is selected at the end of `path` (such as `totalCount`). */
export function isSelected(info: GraphQLResolveInfo, path: readonly string[], name: string): boolean {
  return selectionAt(info, path).some((field) => field.node.name.value === name);
}

/** The arguments of every selection of the field `name` at the end of `path` (one per alias). */
export function selectedArguments(info: GraphQLResolveInfo, path: readonly string[], name: string): Record<string, unknown>[] {
  return selectionAt(info, path)
    .filter((field) => field.node.name.value === name)
    .flatMap((field) => {
      const definition = definitionOf(info, field);
      return definition ? [getArgumentValues(definition, field.node, info.variableValues)] : [];
    });
}

function selectionAt(info: GraphQLResolveInfo, path: readonly string[]): TypedField[] {
  let fields: TypedField[] = info.fieldNodes.flatMap((node) =>
    fieldsOf(info, node.selectionSet, getNamedType(info.returnType).name),
  );
  for (const step of path) {
    fields = fields
      .filter((field) => field.node.name.value === step)
      .flatMap((field) => {
        const definition = definitionOf(info, field);
        return definition ? fieldsOf(info, field.node.selectionSet, getNamedType(definition.type).name) : [];
      });
  }
  return fields;
}

/** The field definition behind a selection, when its type has fields. */
function definitionOf(info: GraphQLResolveInfo, { typeName, node }: TypedField) {
  const type = info.schema.getType(typeName);
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[node.name.value] : undefined;
}

/** The facets the entities at the end of `path` will need, deduplicated by key. */
export function plannedEntityFacets(info: GraphQLResolveInfo, path: readonly string[] = []): AnyFacet[] {
  const planned = new Map<string, AnyFacet>();
  for (const field of selectionAt(info, path)) {
    const definition = definitionOf(info, field);
    if (!definition) continue;
    try {
      const facet = facetOfField(field.typeName, field.node.name.value, getArgumentValues(definition, field.node, info.variableValues));
      if (facet) planned.set(facet.key, facet);
    } catch {
      // A bad argument: the field's own resolver reports it.
    }
  }
  return [...planned.values()];
}
