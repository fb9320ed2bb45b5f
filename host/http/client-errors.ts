import { maxHeaderSize, STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorBody } from '../../sdk/contract/errors.ts';
import { statusFor } from './errors.ts';

/** Node's parse errors, in the API's words: what each refusal means to the client that sent it. */
function refusal(code: string | undefined): ErrorBody {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return { code: 'too_large', message: `The request line and headers are over ${maxHeaderSize / 1024} KiB together; a URL that long counts too.` };
    case 'HPE_INVALID_TRANSFER_ENCODING':
    case 'HPE_UNEXPECTED_CONTENT_LENGTH':
      return { code: 'invalid_request', message: 'A request may not carry both Content-Length and Transfer-Encoding.' };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return { code: 'too_large', message: 'The chunk extensions of the body are too large.' };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { code: 'timeout', message: 'The request did not arrive in time.' };
    default:
      return { code: 'invalid_request', message: 'The request is not well-formed HTTP.' };
  }
}

/**
 * Answers what Node refuses before the app sees a request (oversized headers or URL, Content-Length
 * beside Transfer-Encoding, malformed HTTP) with `{ "error": { "code", "message" } }` instead of
 * Node's empty body. As Node itself does, it answers only on a connection that has sent nothing
 * yet: later on a kept-alive connection the bytes could land inside an earlier answer, so that
 * connection is just closed.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex & { bytesWritten?: number }) => {
    if (!socket.writable || (socket.bytesWritten ?? 0) > 0) return void socket.destroy();
    const error = refusal(err.code);
    const body = JSON.stringify({ error });
    const status = statusFor(error.code);
    const head = [
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
      'Content-Type: application/json; charset=UTF-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Connection: close',
    ];
    socket.end(`${head.join('\r\n')}\r\n\r\n${body}`, () => socket.destroy());
  });
}
