import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  valueFromAST,
  type GraphQLArgument,
} from 'graphql';

/** The limits every request is checked against before it runs. */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxCost: number;
  /** Items assumed for a list field without a `first` argument. */
  defaultListSize: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxDirectives: 20,
  maxCost: 20_000,
  defaultListSize: 10,
};

export interface QueryMeasure {
  depth: number;
  aliases: number;
  directives: number;
  cost: number;
}

export type LimitName = 'depth' | 'aliases' | 'directives' | 'cost';

export interface LimitViolation {
  limit: LimitName;
  allowed: number;
  actual: number;
}

/**
 * Measures an operation without running it: depth, aliases and directives by walking the
 * document (fragments expanded), and cost by multiplying each list field's children by its
 * size: `first` as the request's variables set it, or a default for lists without one.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: QueryLimits,
): QueryMeasure {
  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const measure: QueryMeasure = { depth: 0, aliases: 0, directives: operation.directives?.length ?? 0, cost: 0 };
  const rootType = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (!rootType) return measure;

  // Returns the cost of a selection set for one parent object.
  const walk = (selectionSet: SelectionSetNode, parentType: GraphQLObjectType | null, depth: number, visiting: Set<string>): number => {
    measure.depth = Math.max(measure.depth, depth);
    let cost = 0;
    for (const selection of selectionSet.selections) {
      measure.directives += selection.directives?.length ?? 0;
      if (selection.kind === Kind.FIELD) {
        cost += fieldCost(selection, parentType, depth, visiting);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typeName = selection.typeCondition?.name.value;
        const fragmentType = typeName ? schema.getType(typeName) : parentType;
        cost += walk(selection.selectionSet, isObjectType(fragmentType) ? fragmentType : null, depth, visiting);
      } else {
        const fragment = fragments.get(selection.name.value);
        // A fragment spread inside itself is invalid GraphQL; validation reports it, the walk stops.
        if (fragment && !visiting.has(fragment.name.value)) {
          const fragmentType = schema.getType(fragment.typeCondition.name.value);
          cost += walk(fragment.selectionSet, isObjectType(fragmentType) ? fragmentType : null, depth, new Set([...visiting, fragment.name.value]));
        }
      }
    }
    return cost;
  };

  const fieldCost = (node: FieldNode, parentType: GraphQLObjectType | null, depth: number, visiting: Set<string>): number => {
    if (node.alias) measure.aliases += 1;
    const field: GraphQLField<unknown, unknown> | undefined = parentType?.getFields()[node.name.value];
    if (!node.selectionSet) return 0;
    const returnType = field ? getNamedType(field.type) : null;
    // Abstract types (unions) are resolved by the inline fragments below them.
    const children = walk(node.selectionSet, isObjectType(returnType) ? returnType : null, depth + 1, visiting);
    return 1 + listSize(node, field, variables, limits) * children;
  };

  measure.cost = walk(operation.selectionSet, rootType, 0, new Set());
  return measure;
}

export function firstViolation(measure: QueryMeasure, limits: QueryLimits): LimitViolation | null {
  const checks: Array<[LimitName, number, number]> = [
    ['depth', limits.maxDepth, measure.depth],
    ['aliases', limits.maxAliases, measure.aliases],
    ['directives', limits.maxDirectives, measure.directives],
    ['cost', limits.maxCost, measure.cost],
  ];
  const hit = checks.find(([, allowed, actual]) => actual > allowed);
  return hit ? { limit: hit[0], allowed: hit[1], actual: hit[2] } : null;
}

/** How many items a field returns at most: its `first` argument, or the list default. */
function listSize(node: FieldNode, field: GraphQLField<unknown, unknown> | undefined, variables: Record<string, unknown>, limits: QueryLimits): number {
  // A connection's edges are already counted by the connection's `first`.
  if (node.name.value === 'edges') return 1;
  const firstArgument = field?.args.find((argument: GraphQLArgument) => argument.name === 'first');
  if (firstArgument) {
    const given = node.arguments?.find((argument) => argument.name.value === 'first');
    const value = given ? valueFromAST(given.value, firstArgument.type, variables) : firstArgument.defaultValue;
    return typeof value === 'number' && Number.isFinite(value) ? Math.max(1, value) : limits.defaultListSize;
  }
  return field && isListType(getNullableType(field.type)) ? limits.defaultListSize : 1;
}
