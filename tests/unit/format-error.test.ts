import { GraphQLError } from 'graphql';
import pino from 'pino';
import { AppError, ErrorCode } from '../../api/src/errors/app-error';
import { createFormatError, withoutEchoedValue, withoutEchoedVariable } from '../../api/src/errors/format-error';

function capturingLogger() {
  const lines: string[] = [];
  const logger = pino({ level: 'error' }, { write: (line: string) => lines.push(line) });
  return { logger, lines };
}

describe('formatError', () => {
  it('should mask an unexpected error, without a stack trace, and log it in full', () => {
    const { logger, lines } = capturingLogger();
    const format = createFormatError(logger);
    const secret = new Error('connection to 10.0.0.5 refused: password authentication failed');
    const result = format({ message: secret.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, secret);
    expect(result).toEqual({ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
    expect(lines.join('')).toContain('password authentication failed');
  });

  it('should answer a database outage as SERVICE_UNAVAILABLE, naming no address', () => {
    const format = createFormatError(pino({ level: 'silent' }));
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' });
    const result = format({ message: refused.message }, refused);
    expect(result.extensions).toEqual({ code: ErrorCode.SERVICE_UNAVAILABLE, retryAfterSeconds: 5 });
    expect(result.message).not.toContain('10.0.0.5');
  });

  it('should pass a typed application error through with its code and details', () => {
    const format = createFormatError(pino({ level: 'silent' }));
    const error = new AppError(ErrorCode.NOT_FOUND, 'No region has the code "1".', { argument: 'regionCode' });
    expect(format({ message: 'x' }, error)).toEqual({
      message: 'No region has the code "1".',
      extensions: { code: 'NOT_FOUND', argument: 'regionCode' },
    });
  });

  it('should keep the code of errors GraphQL raises about the request itself', () => {
    const format = createFormatError(pino({ level: 'silent' }));
    const error = new GraphQLError('Syntax Error: Expected Name, found <EOF>.', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    expect(format({ message: error.message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, error).extensions).toEqual({
      code: 'GRAPHQL_PARSE_FAILED',
    });
  });
});

describe('values graphql-js repeats in its messages', () => {
  it('should leave out a refused variable, keeping the variable, the path and the reason', () => {
    const reason = new GraphQLError('Field "contactEmail" is not defined by type "SubmitServiceOrderInput".');
    const message = `Variable "$input" got invalid value { contactPhone: "13812345678", description: "a; Bad" }; ${reason.message}`;
    expect(withoutEchoedVariable(message, new GraphQLError(message, { originalError: reason }))).toBe(
      'Variable "$input" got an invalid value; Field "contactEmail" is not defined by type "SubmitServiceOrderInput".',
    );
    const scalar = new GraphQLError('String cannot represent a non string value: 13812345678');
    const atPath = `Variable "$input" got invalid value 13812345678 at "input.contactPhone"; ${scalar.message}`;
    expect(withoutEchoedVariable(atPath, new GraphQLError(atPath, { originalError: scalar }))).toBe(
      'Variable "$input" got an invalid value at "input.contactPhone"; String cannot represent a non string value.',
    );
  });

  it('should leave out a refused literal', () => {
    expect(withoutEchoedValue('String cannot represent a non string value: 13812345678')).toBe('String cannot represent a non string value.');
    expect(withoutEchoedValue('Expected value of type "String!", found 13812345678.')).toBe('Expected value of type "String!".');
    expect(withoutEchoedValue('Field "x" is not defined by type "Y".')).toBe('Field "x" is not defined by type "Y".');
  });
});
