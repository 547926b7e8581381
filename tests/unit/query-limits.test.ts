import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, type DocumentNode, type FragmentDefinitionNode, type InlineFragmentNode, Kind, type OperationDefinitionNode, parse, print, validate, visit } from 'graphql';
import { checkOperation, DEFAULT_QUERY_LIMITS, measureOperation, type QueryLimits } from '../../api/src/limits/query-limits';

const schema = buildSchema(readFileSync(path.join(__dirname, '../../schema/schema.graphql'), 'utf8'));

function measure(source: string, variables: Record<string, unknown> = {}, limits: QueryLimits = DEFAULT_QUERY_LIMITS) {
  const document = parse(source);
  return measureOperation(schema, document, operationOf(document), variables, limits);
}

function operationOf(document: DocumentNode): OperationDefinitionNode {
  return document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)!;
}

/** The same operation with every fragment spread written out in place. */
function inlined(source: string): string {
  const document = parse(source);
  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  // visit() walks into what enter() returns, so spreads inside spread fragments are written out too.
  const operation = visit(operationOf(document), {
    FragmentSpread: (spread): InlineFragmentNode => {
      const fragment = fragments.get(spread.name.value)!;
      return { kind: Kind.INLINE_FRAGMENT, typeCondition: fragment.typeCondition, directives: spread.directives, selectionSet: fragment.selectionSet };
    },
  });
  return print(operation);
}

describe('measureOperation', () => {
  it('should not count the ofType chain of a type reference as depth, but every level that can multiply', () => {
    const typeRef = (levels: number): string => (levels === 0 ? 'name' : `kind name ofType { ${typeRef(levels - 1)} }`);
    expect(measure(`{ __schema { types { fields { type { ${typeRef(7)} } } } } }`).depth).toBe(4);
    expect(measure(`{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }`).depth).toBe(7);
    // A field named ofType elsewhere would still count; only __Type's unwraps.
    expect(measure(`{ centre(code: "530402901000-01") { region { parent { parent { name } } } } }`).depth).toBe(4);
  });

  it('should measure fragments exactly as if they were written out', () => {
    const operations = [
      `{ centres(first: 50) { ...Page } } fragment Page on CentreConnection { totalCount edges { node { ...Card ...Card } } } fragment Card on Centre { code n: name @include(if: true) showcaseArticles(first: 5) { totalCount } }`,
      `query ($n: Int = 30) { a: centres(first: $n) { edges { node { ...Deep } } } b: region(code: "530400") { ...R } } fragment Deep on Centre { parent { parent { ...R2 } } children { code } } fragment R2 on Centre { region { ...R } } fragment R on Region { x: name children { code } }`,
      `{ search(query: "心") { hits { node { ... on Centre { ...Card } ... on ShowcaseArticle { title } } } } } fragment Card on Centre { code ratingHistory { year } }`,
    ];
    for (const source of operations) {
      expect(validate(schema, parse(source))).toEqual([]);
      expect(measure(source)).toEqual(measure(inlined(source)));
    }
  });

  it('should measure a fragment bomb arithmetically, as the fields it expands to', () => {
    const lines = ['fragment F0 on Region { code name }'];
    for (let level = 1; level <= 22; level += 1) lines.push(`fragment F${level} on Region { ...F${level - 1} ...F${level - 1} }`);
    const result = measure(`{ region(code: "530400") { ...F22 } } ${lines.join(' ')}`);
    expect(result).toMatchObject({ fields: 1 + 2 ** 23, depth: 1, cost: 1 });
  });

  it('should take list sizes from variable defaults and argument defaults, as execution does', () => {
    const light = (first: string) => `{ centres(first: ${first}) { edges { node { code region { name } } } } }`;
    const document = parse(`query ($n: Int = 100) ${light('$n')}`);
    const operation = operationOf(document);
    // The plugin passes variables coerced by graphql-js; the default is already in them.
    expect(measureOperation(schema, document, operation, { n: 100 }, DEFAULT_QUERY_LIMITS).cost).toBe(measure(light('100')).cost);
    expect(measure(`query ($n: Int) ${light('$n')}`).cost).toBe(measure(light('20')).cost);
  });

  it('should stop walking once it has visited more fields than allowed', () => {
    const document = parse(`{ region(code: "530400") { code name level parent { code } } }`);
    const checked = checkOperation(schema, document, operationOf(document), {}, { ...DEFAULT_QUERY_LIMITS, maxFields: 3 });
    expect(checked.violation).toEqual({ limit: 'fields', allowed: 3, actual: 4, isLowerBound: true });
  });
});
