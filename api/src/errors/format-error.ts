import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { type ArgumentNode, type ASTNode, type GraphQLFormattedError, GraphQLError, type ObjectFieldNode, parse, visit } from 'graphql';
import type { Logger } from 'pino';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import { PARSE_LIMITS } from '../limits/limits.plugin';
import { AppError, ErrorCode } from './app-error';
import { isDatabaseOutage, OUTAGE_RETRY_AFTER_SECONDS } from './database-outage';

/**
 * The one place where errors become GraphQL errors. Known errors keep their code and
 * message; anything unexpected is logged in full and answered with a masked message, in
 * every mode: a stack or a statement never reaches the client.
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { locations: formatted.locations, path: formatted.path };

    if (original instanceof AppError) {
      return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
    }
    if (original instanceof ArgumentValidationError) {
      const problems = flattenValidationErrors(original.extensions.validationErrors as ValidationError[]);
      return {
        ...base,
        message: `Invalid argument: ${problems.map((p) => p.message).join('; ')}`,
        // `argument`, as on every other error about an argument; the message names them all.
        extensions: { code: ErrorCode.BAD_USER_INPUT, ...(problems[0] ? { argument: problems[0].argument } : {}) },
      };
    }
    const code = formatted.extensions?.code;
    if (code === 'GRAPHQL_VALIDATION_FAILED' && error instanceof GraphQLError && isBadValueError(error)) {
      const argument = argumentAt(error);
      const reason = withoutEchoedValue(formatted.message);
      const message = argument ? `Argument "${argument}" has an invalid value: ${reason}` : reason;
      return { ...base, message, extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argument ? { argument } : {}) } };
    }
    if (code === 'GRAPHQL_PARSE_FAILED' && isSizeLimitError(formatted.message)) {
      return { ...base, message: formatted.message, extensions: { code: 'QUERY_TOO_LARGE', limit: 'tokens', ...PARSE_LIMITS } };
    }
    if (code === 'GRAPHQL_VALIDATION_FAILED' && formatted.message === 'Validation aborted.') {
      // graphql-js gives up once validating costs more than a fixed budget, and says no more.
      const message =
        'The document is too complex to validate: it selects the same field too many times or spreads fragments into each other too often (graphql-js stops after a fixed amount of work). Select each field once.';
      return { ...base, message, extensions: { code: 'QUERY_TOO_COMPLEX' } };
    }
    if (error instanceof GraphQLError && error.extensions.code === undefined && isClientStatus(error.extensions.http)) {
      // Apollo refuses some requests itself (a persisted-query hash or version) with a 4xx and no code.
      if (error.message === 'provided sha does not match query') {
        const message = 'extensions.persistedQuery.sha256Hash is not the SHA-256 of the query sent: the query was not run or registered.';
        return { ...base, message, extensions: { code: 'PERSISTED_QUERY_HASH_MISMATCH' } };
      }
      return { ...base, message: formatted.message, extensions: { code: ErrorCode.BAD_REQUEST } };
    }
    if (typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      // Errors about the request itself (syntax, unknown field, bad variables, query limits).
      const { stacktrace: _stacktrace, http: _http, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, message: withoutEchoedVariable(formatted.message, error), extensions };
    }
    if (isDatabaseOutage(original)) {
      logger.warn({ err: original }, 'database unreachable while executing a GraphQL operation');
      return { ...base, message: DATABASE_OUTAGE_MESSAGE, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, retryAfterSeconds: OUTAGE_RETRY_AFTER_SECONDS } };
    }
    logger.error({ err: original }, 'unexpected error while executing a GraphQL operation');
    return { ...base, message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  };
}

export const DATABASE_OUTAGE_MESSAGE = 'The database cannot be reached right now; try again shortly.';

/**
 * The HTTP side of the mapping above: an answer that met a database outage is a 503 with
 * Retry-After, so clients and load balancers back off instead of reporting a bug.
 */
export function serviceUnavailablePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ errors, response }) {
          if (errors?.some((error) => isDatabaseOutage(unwrapResolverError(error)))) {
            response.http.status = 503;
            response.http.headers.set('retry-after', String(OUTAGE_RETRY_AFTER_SECONDS));
            response.http.headers.set('cache-control', 'no-store');
          }
        },
      };
    },
  };
}

/**
 * graphql-js repeats the value it refused, and for an unknown field the whole input object: a
 * resident's phone number sent beside it would reach the answer (and whatever logs answers). The
 * value is left out; the message still names the variable, the path and what was wrong.
 */
export function withoutEchoedVariable(message: string, error: unknown): string {
  const reason = error instanceof GraphQLError ? error.originalError?.message : undefined;
  const head = /^Variable "\$\w+" got invalid value /.exec(message);
  if (!head || !reason || !message.endsWith(`; ${reason}`)) return message;
  const refused = message.slice(0, message.length - reason.length - 2);
  const at = / at "[A-Za-z_][\w.[\]]*"$/.exec(refused)?.[0] ?? '';
  return `${head[0].replace(/got invalid value $/, 'got an invalid value')}${at}; ${withoutEchoedValue(reason)}`;
}

/** "String cannot represent a non string value: 13812345678" without the value (scalars' and literals' own wording). */
export function withoutEchoedValue(reason: string): string {
  return reason.replace(/^([\s\S]*cannot represent[^:]*): [\s\S]*$/, '$1.').replace(/^(Expected value of type "[^"]+"), found [\s\S]*$/, '$1.');
}

interface ArgumentProblem {
  argument: string;
  message: string;
}

function flattenValidationErrors(errors: ValidationError[], prefix = ''): ArgumentProblem[] {
  return errors.flatMap((error) => {
    const argument = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((text) => ({
      argument,
      message: `"${argument}" ${text.replace(new RegExp(`^${error.property} `), '')}`,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], argument)];
  });
}

// graphql-js words its literal-value errors like this (ValuesOfCorrectTypeRule).
const BAD_VALUE_PATTERNS = [
  /^Value ".*" does not exist in ".*" enum/,
  /^Enum ".*" cannot represent/,
  /cannot represent/,
  /^Expected value of type/,
  /^Field ".*" of required type ".*" was not provided/,
  /^Field ".*" is not defined by type/,
];

function isBadValueError(error: GraphQLError): boolean {
  return BAD_VALUE_PATTERNS.some((pattern) => pattern.test(error.message));
}

/** Names the argument (or input field path) whose literal value the error points at. */
function argumentAt(error: GraphQLError): string | undefined {
  const position = error.positions?.[0] ?? error.nodes?.[0]?.loc?.start;
  const body = error.source?.body;
  if (position === undefined || !body) {
    return undefined;
  }
  let found: string | undefined;
  const names: string[] = [];
  const contains = (node: ASTNode) => node.loc !== undefined && node.loc.start <= position && position < node.loc.end;
  // Argument and ObjectField nodes both carry a name; entering one that contains the
  // position extends the path, leaving it shortens it again.
  const step = {
    enter(node: ArgumentNode | ObjectFieldNode) {
      if (!contains(node)) return false;
      names.push(node.name.value);
      found = names.join('.');
      return undefined;
    },
    leave(node: ArgumentNode | ObjectFieldNode) {
      if (contains(node)) names.pop();
    },
  };
  visit(parse(body), { Argument: step, ObjectField: step });
  return found;
}

function isClientStatus(http: unknown): boolean {
  const status = (http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

function isSizeLimitError(message: string): boolean {
  // graphql-js words it "more that N tokens" (sic) or "more than N UTF-16 code units".
  return /contains more th(?:an|at) \d+ (tokens|UTF-16 code units)/.test(message);
}
