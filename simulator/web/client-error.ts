// A request Node's HTTP parser refuses before any route runs (`clientError`: headers over the
// size limit, a malformed request line or header, Content-Length with Transfer-Encoding, a
// request arriving too slowly). Node's own answer is a bare status line; the simulator answers
// with its usual French JSON error (api-errors.ts), so that a vendor's driver or script learns
// what was wrong, then closes the connection as Node does.
import { maxHeaderSize, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ApiError } from './api-error.ts';
import { apiErrors } from './api-errors.ts';

type ParserError = Error & { readonly code?: string; readonly reason?: string };

/** The answer to a refused request; undefined when there is no one to answer (the client reset the connection). */
export function clientErrorAnswer(error: ParserError): ApiError | undefined {
  if (error.code === 'ECONNRESET') return undefined;
  if (error.code === 'HPE_HEADER_OVERFLOW') return apiErrors.headersTooLarge(maxHeaderSize);
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return apiErrors.requestTimeout();
  return apiErrors.malformedRequest(error.code ?? 'inconnu', error.reason);
}

/**
 * Writes the answer on the socket (no response object exists at this point) and closes it. Nothing
 * is written on a connection that already sent bytes (a keep-alive connection mid-answer): it is
 * only closed, as Node's default handler does.
 */
export function answerClientError(error: Error, socket: Socket, headers: Readonly<Record<string, string>>): void {
  const answer = clientErrorAnswer(error);
  if (answer === undefined || !socket.writable || socket.bytesWritten > 0) {
    socket.destroy();
    return;
  }
  const body = Buffer.from(JSON.stringify(answer.body()), 'utf8');
  const head = [
    `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? ''}`,
    'Connection: close',
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${body.length}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  socket.end(Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'), body]));
}
