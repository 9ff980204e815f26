// PNG decoding for 8-bit RGB and RGBA without interlace (what encodePng writes, and what tests
// and tools need to read it back): chunk CRCs, the zlib wrapper and Adler-32 are all verified.
import { inflateRaw } from '../engine/inflate';
import { crc32 } from '../engine/zip';
import { PNG_SIGNATURE, adler32, paeth, type RgbaImage } from './png';

/** A PNG that is corrupt or uses features this decoder does not read. */
export class PngError extends Error {
  constructor(message: string) { super(`PNG: ${message}`); this.name = 'PngError'; }
}

interface Chunks { header: DataView; idat: Uint8Array }

function readChunks(bytes: Uint8Array): Chunks {
  if (bytes.length < 8 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) throw new PngError('missing signature');
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let header: DataView | null = null;
  const idat: Uint8Array[] = [];
  for (let at = 8; ;) {
    if (at + 12 > bytes.length) throw new PngError('truncated before IEND');
    const len = v.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (at + 12 + len > bytes.length) throw new PngError(`${type} chunk runs past the end`);
    const data = bytes.subarray(at + 8, at + 8 + len);
    if (crc32(bytes.subarray(at + 4, at + 8 + len)) !== v.getUint32(at + 8 + len)) throw new PngError(`${type} chunk CRC mismatch at byte ${at}`);
    if (type === 'IHDR') header = new DataView(data.buffer, data.byteOffset, data.byteLength);
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    at += 12 + len;
  }
  if (!header || header.byteLength !== 13) throw new PngError('missing or short IHDR');
  const all = new Uint8Array(idat.reduce((s, d) => s + d.length, 0));
  let at = 0;
  for (const d of idat) { all.set(d, at); at += d.length; }
  return { header, idat: all };
}

function zlibDecompress(z: Uint8Array, size: number): Uint8Array {
  if (z.length < 6 || (z[0] & 15) !== 8 || ((z[0] << 8) | z[1]) % 31 !== 0 || z[1] & 0x20) throw new PngError('bad zlib header');
  const out = inflateRaw(z.subarray(2), size);
  const want = new DataView(z.buffer, z.byteOffset + z.length - 4, 4).getUint32(0);
  if (adler32(out) !== want) throw new PngError('zlib Adler-32 mismatch');
  return out;
}

/** Reverses the per-row filters of `raw` (rows of 1 + n bytes), writing the n-byte rows to `out`. */
function unfilter(raw: Uint8Array, out: Uint8Array, n: number, h: number, bpp: number): void {
  for (let y = 0; y < h; y++) {
    const f = raw[y * (n + 1)], src = y * (n + 1) + 1, row = y * n, prev = row - n;
    if (f > 4) throw new PngError(`row ${y} has filter type ${f}`);
    for (let i = 0; i < n; i++) {
      const a = i >= bpp ? out[row + i - bpp] : 0, b = y > 0 ? out[prev + i] : 0;
      const c = i >= bpp && y > 0 ? out[prev + i - bpp] : 0;
      const pred = f === 1 ? a : f === 2 ? b : f === 3 ? (a + b) >> 1 : f === 4 ? paeth(a, b, c) : 0;
      out[row + i] = (raw[src + i] + pred) & 255;
    }
  }
}

/** Decodes an 8-bit RGB or RGBA, non-interlaced PNG to RGBA pixels. */
export function decodePng(bytes: Uint8Array): RgbaImage {
  const { header, idat } = readChunks(bytes);
  const width = header.getUint32(0), height = header.getUint32(4);
  const depth = header.getUint8(8), type = header.getUint8(9), interlace = header.getUint8(12);
  if (depth !== 8 || (type !== 2 && type !== 6)) throw new PngError(`unsupported bit depth ${depth} / colour type ${type}`);
  if (interlace !== 0) throw new PngError('interlaced images are not supported');
  const bpp = type === 6 ? 4 : 3, n = width * bpp;
  const raw = zlibDecompress(idat, height * (n + 1));
  if (raw.length !== height * (n + 1)) throw new PngError(`image data is ${raw.length} bytes, expected ${height * (n + 1)}`);
  const pixels = new Uint8Array(height * n);
  unfilter(raw, pixels, n, height, bpp);
  if (bpp === 4) return { width, height, data: pixels };
  const data = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; i < pixels.length; i += 3, j += 4) {
    data[j] = pixels[i]; data[j + 1] = pixels[i + 1]; data[j + 2] = pixels[i + 2]; data[j + 3] = 255;
  }
  return { width, height, data };
}
