// gzip (RFC 1952) decoding on top of the raw DEFLATE decoder: for MNIST's .gz files.
import { EngineError } from './errors';
import { inflateRaw } from './inflate';
import { crc32 } from './zip';

const FHCRC = 2, FEXTRA = 4, FNAME = 8, FCOMMENT = 16;

/** The decompressed bytes of a gzip member, checking its CRC-32 and length. */
export function inflateGzip(b: Uint8Array): Uint8Array {
  const bad = (why: string) => new EngineError('ValueError', `gzip: ${why}`);
  if (b.length < 18 || b[0] !== 0x1f || b[1] !== 0x8b) throw bad('not a gzip file');
  if (b[2] !== 8) throw bad(`unsupported compression method ${b[2]}`);
  const flags = b[3];
  let p = 10;
  if (flags & FEXTRA) p += 2 + (b[p] | (b[p + 1] << 8));
  if (flags & FNAME) { while (p < b.length && b[p] !== 0) p++; p++; }
  if (flags & FCOMMENT) { while (p < b.length && b[p] !== 0) p++; p++; }
  if (flags & FHCRC) p += 2;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const crc = dv.getUint32(b.length - 8, true), size = dv.getUint32(b.length - 4, true);
  const out = inflateRaw(b.subarray(p, b.length - 8), size);
  if (out.length !== size) throw bad(`length ${out.length} differs from the recorded ${size}`);
  if (crc32(out) >>> 0 !== crc) throw bad('CRC mismatch');
  return out;
}
