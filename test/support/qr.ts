import jsqr from 'jsqr';
import { PNG } from 'pngjs';

// jsqr is CommonJS with its function on `default`; ESM sees either shape depending on the loader.
const decode = ((jsqr as unknown as { default?: typeof jsqr }).default ?? jsqr) as unknown as (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;

/** Reads a QR code out of a PNG with a decoder nobody here wrote; null when it finds none. */
export function readQrPng(bytes: Uint8Array): string | null {
  const png = PNG.sync.read(Buffer.from(bytes));
  return decode(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}
