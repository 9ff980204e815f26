// PNG encoding (RGBA, 8 bits per channel, no interlace): filtered rows (png_filter.ts) in a
// zlib stream around the engine's DEFLATE, in CRC-checked chunks (signature, IHDR, IDAT…, IEND).
import { deflateRaw } from '../engine/deflate';
import { crc32 } from '../engine/zip';
import { adler32, filterRows, type RgbaImage } from './png_filter';

export { adler32, paeth, type RgbaImage } from './png_filter';

export const PNG_SIGNATURE = Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10);
/** Bytes per RGBA8 pixel. */
const BPP = 4;
/** IDAT payload size; any split is valid, this keeps chunks a convenient size for readers. */
const IDAT_SIZE = 1 << 18;

/**
 * A zlib stream (RFC 1950): CMF 0x78 (DEFLATE, 32K window), FLG 0x9C, data, Adler-32 big-endian.
 * `checksum` may be passed when already known.
 */
export function zlibCompress(data: Uint8Array, checksum = adler32(data)): Uint8Array {
  const body = deflateRaw(data);
  const out = new Uint8Array(body.length + 6);
  out[0] = 0x78; out[1] = 0x9c;
  out.set(body, 2);
  new DataView(out.buffer).setUint32(body.length + 2, checksum);
  return out;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length + 12);
  const v = new DataView(out.buffer);
  v.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  v.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Encodes an RGBA image as a PNG file. */
export function encodePng(img: RgbaImage): Uint8Array {
  if (!Number.isInteger(img.width) || !Number.isInteger(img.height) || img.width < 1 || img.height < 1) {
    throw new RangeError(`PNG size must be positive integers, got ${img.width} × ${img.height}`);
  }
  if (img.data.length !== img.width * img.height * BPP) {
    throw new RangeError(`PNG data holds ${img.data.length} bytes, ${img.width} × ${img.height} RGBA needs ${img.width * img.height * BPP}`);
  }
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, img.width);
  v.setUint32(4, img.height);
  ihdr.set([8, 6, 0, 0, 0], 8); // depth 8, colour type 6 (RGBA), deflate, adaptive filters, no interlace
  const filtered = filterRows(img);
  const z = zlibCompress(filtered.data, filtered.adler);
  const parts = [PNG_SIGNATURE, chunk('IHDR', ihdr)];
  for (let i = 0; i < z.length; i += IDAT_SIZE) parts.push(chunk('IDAT', z.subarray(i, i + IDAT_SIZE)));
  parts.push(chunk('IEND', new Uint8Array(0)));
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}
