import type { ApolloServerPlugin } from '@apollo/server';
import { type ASTNode, type DocumentNode, GraphQLError, visit } from 'graphql';
import { ErrorCode } from './app-error';

// PostgreSQL text cannot hold U+0000 (the statement fails), and half a surrogate pair is not
// Unicode at all (the driver would store U+FFFD instead): neither can be stored as sent.
const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function problemWith(text: string): string | undefined {
  if (NUL.test(text)) return 'contains a NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'contains half of a surrogate pair, which is not valid Unicode';
  return undefined;
}

/**
 * One rule for every String argument, input field and variable of every operation: text that
 * the database cannot store is BAD_USER_INPUT naming where it was, before any resolver runs.
 */
export function unstorableTextPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const found = inDocument(document) ?? inValue(request.variables ?? {}, '');
          if (found) {
            throw new GraphQLError(`Argument "${found.argument}" ${found.problem}.`, {
              extensions: { code: ErrorCode.BAD_USER_INPUT, argument: found.argument, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

interface Found {
  argument: string;
  problem: string;
}

/** Literal strings, named by the argument and input fields (or the variable default) holding them. */
function inDocument(document: DocumentNode): Found | undefined {
  const names: string[] = [];
  let found: Found | undefined;
  const named = (name: (node: never) => string) => ({
    enter: (node: ASTNode) => void names.push(name(node as never)),
    leave: () => void names.pop(),
  });
  visit(document, {
    Argument: named((node: { name: { value: string } }) => node.name.value),
    ObjectField: named((node: { name: { value: string } }) => node.name.value),
    VariableDefinition: named((node: { variable: { name: { value: string } } }) => `$${node.variable.name.value}`),
    StringValue(node) {
      const problem = problemWith(node.value);
      if (problem && !found) found = { argument: names.join('.') || 'query', problem };
    },
  });
  return found;
}

/** Variables, named `$name.field.0` down to the string at fault. */
function inValue(value: unknown, path: string): Found | undefined {
  if (typeof value === 'string') {
    const problem = problemWith(value);
    return problem ? { argument: path, problem } : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = inValue(item, path ? `${path}.${key}` : `$${key}`);
    if (found) return found;
  }
  return undefined;
}
