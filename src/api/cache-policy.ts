/**
 * The cache policy of a response, computed once per document from the schema's `@cacheControl`
 * hints rather than by Apollo's cache-control plugin, which runs a hook on every resolved field of
 * every response (Apollo's own plugin is disabled in `apollo.ts`). The rules are Apollo's: a root
 * field, or a field returning an object, without a hint may be cached `defaultMaxAge`; a hint on
 * the field, or on the type it returns, decides otherwise; the response gets the shortest of its
 * fields' ages and `no-store` when it has errors or no age.
 *
 * Apollo counts the fields it resolves; this counts every field the operation selects. The two
 * agree whenever a field left unresolved (under a null parent, an empty list or a fragment on
 * another type) would not have shortened the age, which holds for this schema: only `stats` has
 * a hint, and its lists are never empty (`tests/integration/cache-policy.test.ts` compares them).
 */
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext } from '@apollo/server';
import {
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isCompositeType,
  isObjectType,
  Kind,
  type ConstDirectiveNode,
  type DirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

type CachePolicy = GraphQLRequestContext<BaseContext>['overallCachePolicy'];
interface Hint {
  maxAge?: number;
  scope?: 'PUBLIC' | 'PRIVATE';
  inheritMaxAge?: boolean;
}

/** A `@cacheControl` directive's arguments, as Apollo reads them. */
function hintOf(directives: readonly ConstDirectiveNode[] | undefined): Hint | undefined {
  const directive = directives?.find((candidate) => candidate.name.value === 'cacheControl');
  if (!directive) return undefined;
  const argument = (name: string) => directive.arguments?.find((candidate) => candidate.name.value === name)?.value;
  const maxAge = argument('maxAge');
  const scope = argument('scope');
  const inheritMaxAge = argument('inheritMaxAge');
  const hint: Hint = {};
  if (scope?.kind === Kind.ENUM && (scope.value === 'PUBLIC' || scope.value === 'PRIVATE')) hint.scope = scope.value;
  if (inheritMaxAge?.kind === Kind.BOOLEAN && inheritMaxAge.value) return { ...hint, inheritMaxAge: true };
  if (maxAge?.kind === Kind.INT) hint.maxAge = Number.parseInt(maxAge.value, 10);
  return hint;
}

const typeHint = (type: GraphQLNamedType): Hint =>
  hintOf(type.astNode?.directives) ?? type.extensionASTNodes.map((node) => hintOf(node.directives)).find(Boolean) ?? {};

/** What one field asks of the response's policy: Apollo's per-field rule. */
function fieldHint(field: GraphQLField<unknown, unknown>, root: boolean, defaultMaxAge: number): Hint {
  const target = getNamedType(field.type);
  const policy: Hint = {};
  let inherits = false;
  if (isCompositeType(target)) {
    const { maxAge, scope, inheritMaxAge } = typeHint(target);
    Object.assign(policy, maxAge === undefined ? {} : { maxAge }, scope === undefined ? {} : { scope });
    inherits = inheritMaxAge === true;
  }
  const own = hintOf(field.astNode?.directives) ?? {};
  if (own.inheritMaxAge && policy.maxAge === undefined) {
    inherits = true;
    if (own.scope) policy.scope = own.scope;
  } else {
    if (own.maxAge !== undefined) policy.maxAge = own.maxAge;
    if (own.scope !== undefined) policy.scope = own.scope;
  }
  if (policy.maxAge === undefined && ((isCompositeType(target) && !inherits) || root)) policy.maxAge = defaultMaxAge;
  return policy;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  defaultMaxAge: number;
  policy: CachePolicy;
  /** Set when a `@skip` or `@include` reads a variable: the policy then depends on the request. */
  variableDirectives: boolean;
  /**
   * Fragments already walked, with the type they were spread on and whether at the root: walking
   * one again restricts nothing more, and fragments spreading fragments twice over would
   * otherwise take exponential time.
   */
  walkedFragments: Set<string>;
}

function included(walk: Walk, node: { directives?: readonly DirectiveNode[] }): boolean {
  for (const directive of node.directives ?? []) {
    if ((directive.name.value === 'skip' || directive.name.value === 'include') && directive.arguments?.some((argument) => argument.value.kind === Kind.VARIABLE)) {
      walk.variableDirectives = true;
    }
  }
  return getDirectiveValues(GraphQLSkipDirective, node, walk.variables)?.if !== true && getDirectiveValues(GraphQLIncludeDirective, node, walk.variables)?.if !== false;
}

function restrictBy(walk: Walk, selectionSet: SelectionSetNode, parent: GraphQLCompositeType, root: boolean): void {
  for (const selection of selectionSet.selections) {
    if (!included(walk, selection)) continue;
    if (selection.kind === Kind.FIELD) {
      // Introspection fields are not the schema's own: Apollo hooks none of them.
      if (selection.name.value.startsWith('__')) continue;
      // On an interface or union, the field resolves on one of its object types.
      const owners = isAbstractType(parent) ? walk.schema.getPossibleTypes(parent) : isObjectType(parent) ? [parent] : [];
      for (const owner of owners) {
        const field = owner.getFields()[selection.name.value];
        if (!field) continue;
        walk.policy.restrict(fieldHint(field, root, walk.defaultMaxAge));
        const target = getNamedType(field.type);
        if (selection.selectionSet && isCompositeType(target)) restrictBy(walk, selection.selectionSet, target, false);
      }
    } else {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const key = `${selection.name.value}\u0000${parent.name}\u0000${root}`;
        if (walk.walkedFragments.has(key)) continue;
        walk.walkedFragments.add(key);
      }
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? walk.fragments.get(selection.name.value) : selection;
      if (!fragment) continue;
      const condition = fragment.typeCondition ? walk.schema.getType(fragment.typeCondition.name.value) : parent;
      if (condition && isCompositeType(condition)) restrictBy(walk, fragment.selectionSet, condition, root);
    }
  }
}

/** Sets the response's Cache-Control header from its policy, as Apollo's plugin does. */
function setHeader({ response, overallCachePolicy }: GraphQLRequestContext<BaseContext>): void {
  const cacheable = overallCachePolicy.policyIfCacheable();
  const body = response.body;
  response.http.headers.set(
    'cache-control',
    cacheable && body?.kind === 'single' && !body.singleResult.errors ? `max-age=${cacheable.maxAge}, ${cacheable.scope.toLowerCase()}` : 'no-store',
  );
}

export function cachePolicyPlugin<TContext extends BaseContext>(defaultMaxAge: number): ApolloServerPlugin<TContext> {
  /** Policies of operations whose policy does not depend on their variables, per parsed document. */
  const policies = new WeakMap<DocumentNode, Map<string, Hint>>();
  const computed = (document: DocumentNode, operation: OperationDefinitionNode) => policies.get(document)?.get(operation.name?.value ?? '');
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, schema, request, overallCachePolicy }) {
          if (!operation) return;
          const known = computed(document, operation);
          if (known) return overallCachePolicy.replace(known);
          const walk: Walk = {
            schema,
            fragments: new Map(
              document.definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition]] : [])),
            ),
            variables: request.variables ?? {},
            defaultMaxAge,
            policy: overallCachePolicy,
            variableDirectives: false,
            walkedFragments: new Set(),
          };
          const root = schema.getRootType(operation.operation);
          if (root) restrictBy(walk, operation.selectionSet, root, true);
          if (walk.variableDirectives) return;
          const byOperation = policies.get(document) ?? new Map<string, Hint>();
          byOperation.set(operation.name?.value ?? '', { maxAge: overallCachePolicy.maxAge, scope: overallCachePolicy.scope });
          policies.set(document, byOperation);
        },
        async willSendResponse(requestContext) {
          setHeader(requestContext as GraphQLRequestContext<BaseContext>);
        },
      };
    },
  };
}
