import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Context } from '../context';
import { firstViolation, type LimitName, measureOperation, type QueryLimits } from './query-limits';

export const LIMIT_CODES: Record<LimitName, string> = {
  depth: 'QUERY_TOO_DEEP',
  aliases: 'TOO_MANY_ALIASES',
  directives: 'TOO_MANY_DIRECTIVES',
  cost: 'QUERY_TOO_COSTLY',
};

/** Size limits applied while parsing, before any other work (graphql-js parse options). */
export const PARSE_LIMITS = { maxLexicalTokens: 5000, maxSourceLength: 50_000 };

/**
 * Checks every operation against the limits after it is parsed and validated and before
 * it executes, so a rejected query never reaches a resolver or the database. The cost is
 * kept on the context (rate limiting spends it) and reported in `extensions.cost`.
 */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          const measure = measureOperation(schema, document, operation, request.variables ?? {}, limits);
          const violation = firstViolation(measure, limits);
          if (violation) {
            throw new GraphQLError(
              `The query exceeds the ${violation.limit} limit: ${violation.actual} where at most ${violation.allowed} is allowed.`,
              { extensions: { code: LIMIT_CODES[violation.limit], limit: violation.limit, allowed: violation.allowed, actual: violation.actual, http: { status: 400 } } },
            );
          }
          contextValue.cost = measure.cost;
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind === 'single' && contextValue.cost !== undefined) {
            const result = response.body.singleResult;
            result.extensions = { ...result.extensions, cost: { requested: contextValue.cost, limit: limits.maxCost } };
          }
        },
      };
    },
  };
}
