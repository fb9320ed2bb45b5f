import type { Readable } from 'node:stream';
import { AtriumError, type Json } from '../../../sdk/contract/index.ts';

/**
 * Reads a response body of at most `max` bytes. A `content-length` over the cap is refused before
 * reading anything; otherwise the chunk that crosses the cap is never kept, and `cancel` (which
 * aborts the request, closing the connection) runs at once so the server stops sending.
 */
export async function readCapped(body: Readable, contentLength: string | undefined, max: number, cancel: () => void, host: string): Promise<Buffer> {
  const tooLarge = () => new AtriumError('too_large', `the response from ${host} is over the ${max}-byte limit`);
  if (contentLength !== undefined && Number(contentLength) > max) {
    cancel();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > max) {
      cancel();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

/** Text in the charset the server named (UTF-8 if none or unknown); JSON parsed when the type says JSON. */
export function decodeBody(bytes: Buffer, contentType: string | undefined): Json | string {
  const type = (contentType ?? '').toLowerCase();
  const charset = /;\s*charset="?([^";\s]+)/.exec(type)?.[1] ?? 'utf-8';
  let text: string;
  try {
    text = new TextDecoder(charset).decode(bytes);
  } catch {
    text = new TextDecoder().decode(bytes);
  }
  // application/json, application/problem+json, text/json...
  if (text !== '' && /[/+]json\b/.test(type.split(';')[0] ?? '')) {
    try {
      return JSON.parse(text) as Json;
    } catch {
      // A server that says JSON and sends something else: the program gets the text to inspect.
    }
  }
  return text;
}
