import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLInterfaceType,
  GraphQLUnionType,
  isLeafType,
  type GraphQLSchema,
} from 'graphql';

/**
 * GraphQL documents and variables written by walking schema/schema.graphql, in three
 * flavours: valid, almost valid (one kind of slip here and there) and hostile (values and
 * shapes meant to break a server). Built with fc.gen() so fast-check can shrink every choice.
 */
export type Flavour = 'valid' | 'almost' | 'hostile';

export interface Operation {
  query: string;
  variables: Record<string, unknown>;
  operationName?: string;
}

export const schema: GraphQLSchema = buildSchema(readFileSync(path.resolve(__dirname, '../../../schema/schema.graphql'), 'utf8'));

type Gen = fc.GeneratorValue;

/** An enum value: printed bare in a document, as its name in variables. */
class EnumName {
  constructor(readonly name: string) {}
  toJSON(): string {
    return this.name;
  }
}

/** Seeded values that find real rows, so resolvers go past "not found". */
const KNOWN: Record<string, unknown[]> = {
  code: ['530481901001-01', '530400', '530481', '530402'],
  centreCode: ['530481901001-01', '530402001001-01'],
  regionCode: ['530400', '530481', '530402', '530481901001'],
  parentCode: ['530400', '530481'],
  slug: ['liuxin-fuwu', 'xingji-zhanbo-3', 'yifeng-gongkaike'],
  locale: ['zh-Hans', 'en'],
  year: [2023, 2024, 2025],
  first: [0, 1, 5, 20, 100],
  query: ['调解', '养老 托管', 'music'],
};

/** Values that have broken servers: NUL, lone surrogates, huge and extreme ones, impossible dates. */
export const HOSTILE_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  'a'.repeat(20_000),
  "' OR 1=1 --",
  '%_\\',
  '𠜎'.repeat(500),
  '\u202e\u200b',
  '',
  ' ',
  '../../etc/passwd',
  '${7*7}',
];
export const HOSTILE_INTS = [2147483647, -2147483648, 2147483648, 2 ** 53, -(2 ** 53), 1e308, -0, 1.5, -1, 101];
export const HOSTILE_FLOATS = [1e308, -1e308, 5e-324, -0, 2 ** 53 + 2];
export const HOSTILE_DATES = [
  '2024-02-30T00:00:00.000Z',
  '2023-02-29',
  '2024-13-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  'not a date',
  '2024-06-31T25:61:61Z',
  '2024-02-30',
];

class Writer {
  private variableDefinitions: string[] = [];
  readonly variables: Record<string, unknown> = {};
  private fragments: string[] = [];
  private hasHugeList = false;

  constructor(
    private readonly g: Gen,
    readonly flavour: Flavour,
  ) {}

  /** By index: fc.constantFrom compares its items, and schema objects are deep graphs. */
  pick<T>(items: readonly T[]): T {
    return items[this.g(fc.nat, items.length - 1)];
  }

  /** True with about this chance (in percent). */
  chance(percent: number): boolean {
    return this.g(fc.integer, { min: 0, max: 99 }) < percent;
  }

  /** A slip of the given kind, only in the almost-valid flavour. */
  slip(percent = 12): boolean {
    return this.flavour === 'almost' && this.chance(percent);
  }

  operation(root: 'query' | 'mutation', depth: number): string {
    const type = root === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
    const selection = this.selection(type, depth, true);
    const header = this.variableDefinitions.length > 0 ? `(${this.variableDefinitions.join(', ')})` : '';
    return [`${root} Fuzz${header} ${selection}`, ...this.fragments].join('\n');
  }

  private selection(type: GraphQLNamedType, depth: number, isRoot = false): string {
    if (type instanceof GraphQLUnionType) {
      const members = type.getTypes().filter(() => this.chance(50));
      return `{ __typename ${members.map((member) => `... on ${member.name} ${this.selection(member, depth - 1)}`).join(' ')} }`;
    }
    const fields = Object.values((type as GraphQLObjectType | GraphQLInterfaceType).getFields());
    const count = this.g(fc.integer, { min: 1, max: isRoot ? 2 : 3 });
    const parts: string[] = [];
    for (let index = 0; index < count; index += 1) {
      if (this.slip(5)) {
        parts.push('zzNoSuchField');
        continue;
      }
      // Deep hostile documents prefer fields that nest further.
      const nesting = fields.filter((field) => !isLeafType(getNamedType(field.type)));
      const candidates =
        depth <= 0 ? fields.filter((field) => isLeafType(getNamedType(field.type))) : this.flavour === 'hostile' && nesting.length > 0 && this.chance(70) ? nesting : fields;
      if (candidates.length === 0) {
        parts.push('__typename');
        continue;
      }
      parts.push(this.field(this.pick(candidates), depth, index));
    }
    const body = parts.join(' ');
    // Sometimes the same selection travels as a named or inline fragment.
    if (!isRoot && this.chance(15)) {
      const name = `F${this.fragments.length}`;
      this.fragments.push(`fragment ${name} on ${type.name} { ${body} }`);
      return `{ ...${name} }`;
    }
    if (this.chance(8)) return `{ ... on ${type.name} { ${body} } }`;
    return `{ ${body} }`;
  }

  private field(field: GraphQLField<unknown, unknown>, depth: number, index: number): string {
    const alias = this.chance(20) ? `a${index}_${field.name}: ` : '';
    const args = this.arguments(field.args);
    const named = getNamedType(field.type);
    let tail = '';
    if (!isLeafType(named)) tail = this.slip(5) ? '' : ` ${this.selection(named, depth - 1)}`;
    else if (this.slip(3)) tail = ' { code }';
    return `${alias}${field.name}${args}${tail}`;
  }

  private arguments(args: readonly GraphQLArgument[]): string {
    const written: string[] = [];
    for (const arg of args) {
      const required = arg.type instanceof GraphQLNonNull && arg.defaultValue === undefined;
      if (required ? this.slip(10) : !this.chance(40)) continue;
      written.push(`${arg.name}: ${this.argument(arg.name, arg.type)}`);
    }
    if (this.slip(5)) written.push('zzNoSuchArgument: 1');
    return written.length > 0 ? `(${written.join(', ')})` : '';
  }

  /** An argument value, written in the document or passed as a variable. */
  private argument(name: string, type: GraphQLInputType): string {
    const value = this.slip(10) ? this.wrongValue() : this.value(name, type);
    if (this.chance(50)) return printLiteral(value);
    const variable = `v${this.variableDefinitions.length}`;
    this.variableDefinitions.push(`$${variable}: ${String(type)}`);
    this.variables[variable] = value;
    return `$${variable}`;
  }

  private wrongValue(): unknown {
    return this.pick<unknown>(['text', 12, true, 3.5, { a: 1 }, [1, 2], null, new EnumName('NOT_A_VALUE')]);
  }

  value(name: string, type: GraphQLInputType): unknown {
    if (type instanceof GraphQLNonNull) return this.value(name, type.ofType);
    if (type instanceof GraphQLList) {
      // One huge list of leaves per document: nested huge lists would only exhaust the fuzzer's memory.
      if (this.flavour === 'hostile' && !this.hasHugeList && isLeafType(getNamedType(type.ofType)) && this.chance(10)) {
        this.hasHugeList = true;
        const item = this.value(name, type.ofType);
        return Array.from({ length: this.pick([1000, 5000]) }, () => item);
      }
      const length = this.g(fc.integer, { min: 0, max: 3 });
      return Array.from({ length }, () => this.value(name, type.ofType));
    }
    if (type instanceof GraphQLEnumType) return new EnumName(this.pick(type.getValues()).name);
    if (type instanceof GraphQLInputObjectType) {
      const result: Record<string, unknown> = {};
      for (const field of Object.values(type.getFields())) {
        const required = field.type instanceof GraphQLNonNull && field.defaultValue === undefined;
        if (required ? this.slip(10) : !this.chance(40)) continue;
        result[field.name] = this.slip(8) ? this.wrongValue() : this.value(field.name, field.type);
      }
      if (this.slip(5)) result.zzNoSuchField = 1;
      return result;
    }
    return this.scalar(name, type.name);
  }

  private scalar(name: string, scalar: string): unknown {
    if (this.flavour === 'hostile' && this.chance(50)) {
      switch (scalar) {
        case 'Int':
          return this.pick(HOSTILE_INTS);
        case 'Float':
          return this.pick(HOSTILE_FLOATS);
        case 'DateTimeISO':
          return this.pick(HOSTILE_DATES);
        case 'String':
        case 'ID':
          return this.chance(70) ? this.pick(HOSTILE_STRINGS) : this.g(fc.string, { unit: 'binary', maxLength: 40 });
        case 'JSON':
          return this.pick([{ a: { b: { c: [1, '\u0000', null] } } }, Array.from({ length: 2000 }, (_, index) => index), '\ud800']);
      }
    }
    if (KNOWN[name] && this.chance(70)) return this.pick(KNOWN[name]);
    switch (scalar) {
      case 'Int':
        return this.g(fc.integer, { min: -5, max: 120 });
      case 'Float':
        return this.g(fc.double, { noNaN: true, noDefaultInfinity: true, min: -1000, max: 1000 });
      case 'Boolean':
        return this.g(fc.boolean);
      case 'DateTimeISO':
        return this.g(fc.date, { min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).toISOString();
      case 'JSON':
        return this.g(fc.jsonValue, { maxDepth: 2 });
      default:
        return this.g(fc.string, { maxLength: 12 });
    }
  }
}

/** A value as a GraphQL literal. JSON string escapes are GraphQL string escapes too. */
export function printLiteral(value: unknown): string {
  if (value instanceof EnumName) return value.name;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(printLiteral).join(', ')}]`;
  return `{${Object.entries(value as Record<string, unknown>)
    .map(([key, item]) => `${key}: ${printLiteral(item)}`)
    .join(', ')}}`;
}

/** An operation over the whole schema: mostly queries, sometimes (anonymous) mutations. */
export function operationArbitrary(flavour: Flavour): fc.Arbitrary<Operation> {
  return fc.gen().map((g) => {
    const writer = new Writer(g, flavour);
    const root = writer.chance(80) ? 'query' : 'mutation';
    const depth = flavour === 'hostile' ? g(fc.integer, { min: 1, max: 14 }) : g(fc.integer, { min: 1, max: 4 });
    return { query: writer.operation(root, depth), variables: writer.variables };
  });
}

/** Input values for one argument type, in a flavour: what staff mutations are fuzzed with. */
export function inputArbitrary(name: string, type: GraphQLInputType, flavour: Flavour): fc.Arbitrary<unknown> {
  // Through JSON, as a client sends it: enum values become their names.
  return fc.gen().map((g) => JSON.parse(JSON.stringify(new Writer(g, flavour).value(name, type)) ?? 'null'));
}
