import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { ErrorCode } from '../errors/app-error';
import { isDatabaseOutage, OUTAGE_RETRY_AFTER_SECONDS } from '../errors/database-outage';
import { DATABASE_OUTAGE_MESSAGE } from '../errors/format-error';
import { refuse } from './client-identity';
import { renderMessagePage } from './preview-page';

interface HttpFailure {
  status: number;
  code: string;
  message: string;
}

/**
 * The last middleware: whatever a route or middleware failed with (a body that is not JSON
 * or too large, a database outage in the identity middlewares, a bug) is answered in the
 * endpoint's own format with a code, never Express's HTML page with a stack, in every mode.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    if (res.headersSent) {
      // Part of an answer is out: cutting the connection is the only honest ending.
      logger.error({ err: error }, 'error after the response had started');
      req.socket.destroy();
      return;
    }
    const failure = describe(error);
    if (failure.code === ErrorCode.SERVICE_UNAVAILABLE) {
      logger.warn({ err: error }, 'database unreachable while handling a request');
      res.set('Retry-After', String(OUTAGE_RETRY_AFTER_SECONDS));
    } else if (failure.status >= 500) {
      logger.error({ err: error }, 'unexpected error while handling a request');
    }
    send(req, res, failure);
  };
}

/** Unknown paths: a 404 in the same formats, rather than Express's "Cannot GET" page. */
export function notFoundHandler(): RequestHandler {
  return (req, res) => send(req, res, { status: 404, code: ErrorCode.NOT_FOUND, message: 'Nothing is served at this address.' });
}

function describe(error: unknown): HttpFailure {
  if (isDatabaseOutage(error)) {
    return { status: 503, code: ErrorCode.SERVICE_UNAVAILABLE, message: DATABASE_OUTAGE_MESSAGE };
  }
  // body-parser marks its own failures with a type and a 4xx status.
  const { type, status, limit } = (error ?? {}) as { type?: string; status?: number; limit?: number };
  if (type === 'entity.too.large') {
    return { status: 413, code: ErrorCode.PAYLOAD_TOO_LARGE, message: `The request body is larger than the ${limit} bytes this endpoint accepts.` };
  }
  if (type === 'entity.parse.failed') {
    return { status: 400, code: ErrorCode.BAD_REQUEST, message: 'The request body is not valid JSON.' };
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, code: ErrorCode.BAD_REQUEST, message: 'The request could not be read (its encoding, length or content type is wrong).' };
  }
  return { status: 500, code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal server error' };
}

function send(req: Request, res: Response, { status, code, message }: HttpFailure): void {
  if (req.path.startsWith('/webhooks/')) {
    res.status(status).set('Cache-Control', 'no-store').json({ error: message, code });
  } else if (req.path !== '/graphql' && req.accepts(['json', 'html']) === 'html') {
    res
      .status(status)
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(renderMessagePage(status === 404 ? '找不到页面 / Not found' : '出错了 / Something went wrong', message));
  } else {
    refuse(res, status, code, message, {});
  }
}
