import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getArgumentValues,
  getNamedType,
  getNullableType,
  type GraphQLField,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type GraphQLType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  SchemaMetaFieldDef,
  type SelectionSetNode,
  TypeMetaFieldDef,
} from 'graphql';

/** The limits every request is checked against before it runs. */
export interface QueryLimits {
  /** Fields once every fragment is written out where it is spread. */
  maxFields: number;
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxCost: number;
  /** Items assumed for a list field without a `first` argument. */
  defaultListSize: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  // As many as the token limit lets a document hold written out: fragments save typing, not work.
  maxFields: 5_000,
  maxDepth: 12,
  maxAliases: 30,
  maxDirectives: 20,
  maxCost: 20_000,
  defaultListSize: 10,
};

export interface QueryMeasure {
  fields: number;
  depth: number;
  aliases: number;
  directives: number;
  cost: number;
}

export type LimitName = 'fields' | 'depth' | 'aliases' | 'directives' | 'cost';

export interface LimitViolation {
  limit: LimitName;
  allowed: number;
  actual: number;
  /** The walk stopped as soon as the limit was passed: `actual` is a lower bound. */
  isLowerBound?: boolean;
}

/** What a selection set adds to an operation wherever it appears; depth is counted from the set. */
type Shape = QueryMeasure;

type TypeWithFields = GraphQLObjectType | GraphQLInterfaceType;

/** `__schema` and `__type` are no type's fields: graphql-js defines them apart. */
const META_FIELDS: Record<string, GraphQLField<unknown, unknown> | undefined> = { __schema: SchemaMetaFieldDef, __type: TypeMetaFieldDef };

const EMPTY: Shape = Object.freeze({ fields: 0, depth: 0, aliases: 0, directives: 0, cost: 0 });

/**
 * Measures an operation without running it, as if every fragment were written out where it
 * is spread: fields, depth, aliases and directives, and the cost, which multiplies each list
 * field's children by its size (`first` as execution will see it, or a default for lists
 * without one).
 *
 * The walk is linear in the document, not in its expansion: each fragment is measured once
 * (always against its own type condition) and its numbers are reused at every spread, so
 * fragments that spread each other twice cost arithmetic, not an exponential walk. The work
 * is bounded as well: past `maxFields` field nodes visited, the walk stops. Returns either
 * the measure or the first limit it passes.
 */
export function checkOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: QueryLimits,
): { measure: QueryMeasure; violation: null } | { measure: null; violation: LimitViolation } {
  try {
    const measure = measureOperation(schema, document, operation, variables, limits);
    const violation = firstViolation(measure, limits);
    return violation ? { measure: null, violation } : { measure, violation: null };
  } catch (error) {
    if (error instanceof WalkStopped) return { measure: null, violation: error.violation };
    throw error;
  }
}

/** The walk's hard bound on work was passed. */
class WalkStopped extends Error {
  constructor(readonly violation: LimitViolation) {
    super(`The query exceeds the ${violation.limit} limit.`);
  }
}

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
  const fragmentShapes = new Map<string, Shape | 'measuring'>();
  let fieldsVisited = 0;
  const typeNamed = (name: string) => withFields(schema.getType(name));

  const measureSet = (selectionSet: SelectionSetNode, parentType: TypeWithFields | null): Shape => {
    let total = EMPTY;
    for (const selection of selectionSet.selections) {
      total = add(total, { ...EMPTY, directives: selection.directives?.length ?? 0 });
      if (selection.kind === Kind.FIELD) {
        total = add(total, measureField(selection, parentType));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? typeNamed(selection.typeCondition.name.value) : parentType;
        total = add(total, measureSet(selection.selectionSet, type));
      } else {
        total = add(total, measureFragment(selection.name.value));
      }
    }
    return total;
  };

  const measureField = (node: FieldNode, parentType: TypeWithFields | null): Shape => {
    fieldsVisited += 1;
    if (fieldsVisited > limits.maxFields) {
      throw new WalkStopped({ limit: 'fields', allowed: limits.maxFields, actual: fieldsVisited, isLowerBound: true });
    }
    const own = { ...EMPTY, fields: 1, aliases: node.alias ? 1 : 0 };
    if (!node.selectionSet) return own;
    const field = META_FIELDS[node.name.value] ?? parentType?.getFields()[node.name.value];
    // Abstract types without fields (unions) are resolved by the inline fragments below them.
    const children = measureSet(node.selectionSet, field ? withFields(getNamedType(field.type)) : null);
    // `__Type.ofType` unwraps one list or non-null: a chain of single objects whose length the
    // schema bounds, not a level that multiplies. graphql-js's introspection query nests it
    // seven deep (depth 14 in all), which would otherwise refuse every schema-reading tool.
    const isUnwrapping = parentType?.name === '__Type' && node.name.value === 'ofType';
    return {
      ...add(own, children),
      depth: children.depth + (isUnwrapping ? 0 : 1),
      cost: capped(1 + listSize(node, field, variables, limits) * children.cost),
    };
  };

  const measureFragment = (name: string): Shape => {
    const known = fragmentShapes.get(name);
    // A fragment spread inside itself is invalid GraphQL; validation has refused it already.
    if (known === 'measuring') return EMPTY;
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment) return EMPTY;
    fragmentShapes.set(name, 'measuring');
    const shape = measureSet(fragment.selectionSet, typeNamed(fragment.typeCondition.name.value));
    fragmentShapes.set(name, shape);
    return shape;
  };

  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return { ...EMPTY };
  return add(measureSet(operation.selectionSet, rootType), { ...EMPTY, directives: operation.directives?.length ?? 0 });
}

export function firstViolation(measure: QueryMeasure, limits: QueryLimits): LimitViolation | null {
  const checks: Array<[LimitName, number, number]> = [
    ['fields', limits.maxFields, measure.fields],
    ['depth', limits.maxDepth, measure.depth],
    ['aliases', limits.maxAliases, measure.aliases],
    ['directives', limits.maxDirectives, measure.directives],
    ['cost', limits.maxCost, measure.cost],
  ];
  const hit = checks.find(([, allowed, actual]) => actual > allowed);
  return hit ? { limit: hit[0], allowed: hit[1], actual: hit[2] } : null;
}

/** Two parts of one selection set: counts add up, depth is the deeper one's. */
function add(a: Shape, b: Shape): Shape {
  return {
    fields: capped(a.fields + b.fields),
    depth: Math.max(a.depth, b.depth),
    aliases: capped(a.aliases + b.aliases),
    directives: capped(a.directives + b.directives),
    cost: capped(a.cost + b.cost),
  };
}

// Expanded counts grow exponentially with nested spreads; they stay exact integers in JSON.
function capped(value: number): number {
  return Math.min(value, Number.MAX_SAFE_INTEGER);
}

function withFields(type: GraphQLType | null | undefined): TypeWithFields | null {
  return isObjectType(type) || isInterfaceType(type) ? type : null;
}

/** How many items a field returns at most: its `first` argument, or the list default. */
function listSize(node: FieldNode, field: GraphQLField<unknown, unknown> | undefined, variables: Record<string, unknown>, limits: QueryLimits): number {
  // A connection's edges are already counted by the connection's `first`.
  if (node.name.value === 'edges') return 1;
  if (field?.args.some((argument) => argument.name === 'first')) {
    const first = argumentAsExecuted(field, node, variables);
    return typeof first === 'number' && Number.isFinite(first) ? Math.max(1, first) : limits.defaultListSize;
  }
  // nodes(ids:) answers one item per id.
  if (field?.args.some((argument) => argument.name === 'ids')) {
    const ids = argumentAsExecuted(field, node, variables, 'ids');
    return Array.isArray(ids) ? Math.max(1, ids.length) : limits.defaultListSize;
  }
  return field && isListType(getNullableType(field.type)) ? limits.defaultListSize : 1;
}

/**
 * An argument (`first` unless named) as the resolver will receive it: graphql-js's own argument coercion, over variables
 * already coerced (their defaults applied), falling back to the argument's default.
 */
function argumentAsExecuted(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>, name = 'first'): unknown {
  try {
    return getArgumentValues(field, node, variables)[name];
  } catch {
    // Execution refuses this field's arguments too; count it as an ordinary list.
    return undefined;
  }
}
