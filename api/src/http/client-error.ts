import type { Server } from 'node:http';

/** Why Node refused a request before any route saw it, by the error code llhttp gives. */
const CLIENT_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, code: 'REQUEST_HEADERS_TOO_LARGE', message: 'The request line and headers are too large (at most 16 KB): send long queries by POST.' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'REQUEST_TIMEOUT', message: 'The request did not arrive in time.' },
};
const MALFORMED = { status: 400, code: 'BAD_REQUEST', message: 'The request is not valid HTTP.' };

/**
 * Requests Node itself refuses (a URL or headers over 16 KB, malformed HTTP, too slow) never
 * reach Express; by default they get a bare status line with an empty body. Answer them in
 * the API's JSON error format too, so every refusal carries a code.
 */
export function answerClientErrorsAsJson(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const { status, code, message } = CLIENT_ERRORS[error.code ?? ''] ?? MALFORMED;
    const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
    socket.end(
      `HTTP/1.1 ${status} ${code.replace(/_/g, ' ')}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
