import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { ApiKeyKind } from '../modules/api-key/api-key.entity';
import type { UsageRecorder } from '../modules/api-key/usage-recorder';
import type { RateLimiter } from './rate-limiter';
import { type DocumentNode, getVariableValues, GraphQLError, Kind } from 'graphql';
import type { Context } from '../context';
import { ErrorCode } from '../errors/app-error';
import { checkOperation, type LimitName, type QueryLimits } from './query-limits';
import { costReport, rateBudget } from './rate-budget';
import type { OperationSafelist } from './safelist';

export const LIMIT_CODES: Record<LimitName, string> = {
  fields: 'QUERY_TOO_LARGE',
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
export function queryLimitsPlugin({
  limits,
  limiter,
  usage,
  safelist,
}: {
  limits: QueryLimits;
  limiter: RateLimiter;
  usage?: UsageRecorder;
  safelist: OperationSafelist;
}): ApolloServerPlugin<Context> {
  const spend = rateBudget(limiter, usage);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue, queryHash }) {
          // Apollo goes on without an operation and leaves it to execution to complain; every
          // plugin after this point (the response cache) expects one.
          if (!operation) throw operationNotFound(document, request.operationName);
          // graphql 16 validates a subscription even though the schema has none; execution would fail as a 500.
          if (!schema.getRootType(operation.operation)) {
            throw new GraphQLError(`This API has no ${operation.operation} operations.`, { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } });
          }
          if (operation.operation === 'mutation' && contextValue.client.grant?.kind === ApiKeyKind.PUBLISHABLE) {
            throw new GraphQLError('A publishable key is read-only: send mutations from a server, without it.', {
              extensions: { code: 'KEY_READ_ONLY', http: { status: 403 } },
            });
          }
          if (!(await safelist.isAllowed(contextValue.client.grant, queryHash))) {
            throw new GraphQLError('This API key may run only registered operations (schema/operations and the manifests registered for it); this one is not registered.', {
              extensions: { code: 'OPERATION_NOT_SAFELISTED', http: { status: 403 } },
            });
          }
          // Cost uses the variables exactly as execution will: coerced, with their defaults.
          // Variables that do not coerce are refused by execution before any resolver runs.
          const variables = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          if (variables.errors) return;
          const { measure, violation } = checkOperation(schema, document, operation, variables.coerced, limits);
          if (violation) {
            const actual = violation.isLowerBound ? `more than ${violation.allowed}` : String(violation.actual);
            throw new GraphQLError(`The query exceeds the ${violation.limit} limit: ${actual} where at most ${violation.allowed} is allowed.`, {
              extensions: { code: LIMIT_CODES[violation.limit], limit: violation.limit, allowed: violation.allowed, actual: violation.actual, http: { status: 400 } },
            });
          }
          contextValue.cost = measure.cost;
          const { ratePerMinute } = contextValue.client;
          const decision = await spend(contextValue.client, measure.cost);
          contextValue.rateRemaining = decision.remaining;
          if (!decision.allowed) {
            throw new GraphQLError(
              `Rate limit: this query costs ${measure.cost} points and ${decision.remaining} of ${ratePerMinute} are left this minute. Retry after ${decision.retryAfterSeconds} s.`,
              {
                extensions: {
                  code: 'RATE_LIMITED',
                  cost: measure.cost,
                  remaining: decision.remaining,
                  limit: ratePerMinute,
                  retryAfterSeconds: decision.retryAfterSeconds,
                  http: { status: 429, headers: new HeaderMap([['retry-after', String(decision.retryAfterSeconds)]]) },
                },
              },
            );
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind === 'single' && contextValue.cost !== undefined) {
            const result = response.body.singleResult;
            result.extensions = {
              ...result.extensions,
              cost: costReport(contextValue.cost, limits.maxCost, contextValue.rateRemaining, contextValue.client.ratePerMinute),
            };
          }
          if (contextValue.rateRemaining !== undefined) {
            response.http.headers.set('x-ratelimit-remaining', String(contextValue.rateRemaining));
          }
        },
      };
    },
  };
}

/** No operation to run: several without an operationName, or none with the name asked for. */
function operationNotFound(document: DocumentNode, operationName: string | undefined): GraphQLError {
  const names = document.definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION ? [definition.name ? `"${definition.name.value}"` : 'an unnamed one'] : [],
  );
  const message = operationName
    ? `The document has no operation named "${operationName}"; it has ${names.join(', ')}.`
    : `The document has ${names.length} operations (${names.join(', ')}); say which one to run in operationName.`;
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } });
}
