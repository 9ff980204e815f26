// npy: NumPy's .npy format (versions 1.0, 2.0, 3.0) and .npz archives of them — readNpy,
// writeNpy, readNpz, writeNpz.
import { allocate, itemsize, type DType, type Storage } from './dtype';
import { shapeStr, valueError } from './errors';
import { readZip, writeZip } from './zip';

/** An array as stored in a .npy file, in C order, with Gradscope's storage for its dtype. */
export interface NpyArray { dtype: DType; shape: number[]; data: Storage }

/** What writeNpy and writeNpz accept: values in C order. */
export interface NpyInput { dtype: DType; shape: readonly number[]; data: ArrayLike<number> }

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
/** Data starts on a multiple of this many bytes (NumPy's ARRAY_ALIGN). */
const ARRAY_ALIGN = 64;
/** np.save leaves room for the first axis to grow to this many digits without moving the data. */
const GROWTH_AXIS_MAX_DIGITS = 21;
const TWO_32 = 0x100000000;
const NATIVE_LITTLE = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** The descr np.save writes for each dtype. */
const DESCR: Record<DType, string> = {
  float64: '<f8', float32: '<f4', int64: '<i8', int32: '<i4', uint8: '|u1', bool: '|b1',
};
/** descr type codes (without byte order) and the dtype each reads as. */
const KINDS = new Map<string, DType>([
  ['f8', 'float64'], ['f4', 'float32'], ['i8', 'int64'], ['i4', 'int32'], ['u1', 'uint8'], ['b1', 'bool'],
]);

/** A header value: Python str, int, bool, or tuple (as an array). */
type PyLiteral = string | number | boolean | PyLiteral[];

/** Parses the Python literal subset a .npy header is written in: a dict of str keys. */
class LiteralParser {
  private i = 0;
  constructor(private readonly s: string) {}

  private fail(what: string): never {
    throw valueError(`npy: cannot parse header (${what} at column ${this.i}): ${JSON.stringify(this.s.trim())}`);
  }

  private ws(): void { while (this.i < this.s.length && ' \t\r\n'.includes(this.s[this.i])) this.i++; }

  private eat(c: string): boolean {
    this.ws();
    if (this.s[this.i] !== c) return false;
    this.i++;
    return true;
  }

  dict(): Map<string, PyLiteral> {
    const d = new Map<string, PyLiteral>();
    if (!this.eat('{')) this.fail("expected '{'");
    while (!this.eat('}')) {
      const key = this.value();
      if (typeof key !== 'string') this.fail('expected a string key');
      if (!this.eat(':')) this.fail("expected ':'");
      d.set(key, this.value());
      if (this.eat(',')) continue;
      if (this.eat('}')) break;
      this.fail("expected ',' or '}'");
    }
    this.ws();
    if (this.i !== this.s.length) this.fail('unexpected text after the dict');
    return d;
  }

  private value(): PyLiteral {
    this.ws();
    const c = this.s[this.i];
    if (c === "'" || c === '"') return this.str(c);
    if (c === '(') return this.tuple();
    if (c === '[') this.fail('a list descr (structured dtypes are not supported)');
    const m = /^(True|False|-?\d+L?)/.exec(this.s.slice(this.i, this.i + 32));
    if (!m) this.fail('expected a value');
    this.i += m[0].length;
    return m[0] === 'True' ? true : m[0] === 'False' ? false : Number(m[0].replace('L', ''));
  }

  private str(quote: string): string {
    let out = '';
    for (this.i++; this.s[this.i] !== quote; this.i++) {
      if (this.i >= this.s.length) this.fail('unterminated string');
      if (this.s[this.i] === '\\') this.i++;
      out += this.s[this.i];
    }
    this.i++;
    return out;
  }

  /** `(a, b)` and `(a,)` are tuples; `(a)` is just a parenthesized value, as in Python. */
  private tuple(): PyLiteral {
    this.i++;
    const items: PyLiteral[] = [];
    let comma = false;
    while (!this.eat(')')) {
      items.push(this.value());
      comma = this.eat(',');
      if (comma) continue;
      if (this.eat(')')) break;
      this.fail("expected ',' or ')'");
    }
    return items.length === 1 && !comma ? items[0] : items;
  }
}

/** Header fields, checked as np.load checks them. */
interface Header { dtype: DType; little: boolean; fortran: boolean; shape: number[] }

function parseHeader(text: string): Header {
  const d = new LiteralParser(text).dict();
  const keys = [...d.keys()].sort().join(',');
  if (keys !== 'descr,fortran_order,shape') throw valueError(`npy: header keys are {${keys}}, expected descr, fortran_order, shape`);
  const descr = d.get('descr'), fortran = d.get('fortran_order'), shape = d.get('shape');
  if (typeof descr !== 'string') throw valueError('npy: descr is not a string (structured dtypes are not supported)');
  if (typeof fortran !== 'boolean') throw valueError(`npy: fortran_order is not a bool: ${String(fortran)}`);
  if (!Array.isArray(shape) || !shape.every((n): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0)) {
    throw valueError(`npy: shape is not a tuple of non-negative ints: ${JSON.stringify(shape)}`);
  }
  const order = descr[0], dtype = KINDS.get(descr.slice(1));
  const oneByte = dtype !== undefined && itemsize(dtype) === 1;
  if (dtype === undefined || !(order === '<' || order === '>' || (order === '|' && oneByte))) {
    throw valueError(`npy: unsupported dtype '${descr}' (supported: f8, f4, i8, i4, u1, b1, either byte order)`);
  }
  return { dtype, little: order !== '>', fortran, shape };
}

/** Reads the magic, version and header; returns the header and where the data begins. */
function readPreamble(bytes: Uint8Array): { header: Header; offset: number } {
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) throw valueError('npy: not a .npy file (bad magic string)');
  const major = bytes[6], minor = bytes[7];
  if (!(major >= 1 && major <= 3 && minor === 0)) throw valueError(`npy: unsupported format version ${major}.${minor}`);
  const lenBytes = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lenBytes) throw valueError('npy: truncated header');
  let len = 0;
  for (let k = lenBytes - 1; k >= 0; k--) len = len * 256 + bytes[8 + k];
  const start = 8 + lenBytes;
  if (start + len > bytes.length) throw valueError(`npy: truncated header (needs ${len} bytes)`);
  // Latin-1 (1.0, 2.0) and UTF-8 (3.0) agree on ASCII, all a supported header can contain.
  let text = '';
  for (let i = start; i < start + len; i++) text += String.fromCharCode(bytes[i]);
  return { header: parseHeader(text), offset: start + len };
}

/** int64 bytes as float64: exact within ±2^53, an error beyond it. */
function readInt64(dv: DataView, n: number, little: boolean): Float64Array {
  const out = new Float64Array(n);
  const lo = little ? 0 : 4, hi = little ? 4 : 0;
  for (let i = 0; i < n; i++) {
    const h = dv.getInt32(8 * i + hi, little), l = dv.getUint32(8 * i + lo, little);
    // |v| ≤ 2^53 ⇔ h in [-2^21, 2^21), or v is exactly 2^53.
    if (h < -0x200000 || h > 0x200000 || (h === 0x200000 && l !== 0)) {
      throw valueError(`npy: int64 value ${BigInt(h) * 4294967296n + BigInt(l)} at index ${i} is beyond ±2^53, which Gradscope stores exactly`);
    }
    out[i] = h * TWO_32 + l;
  }
  return out;
}

/** The n elements at bytes[offset…], in file order, as storage. */
function decode(h: Header, bytes: Uint8Array, offset: number, n: number): Storage {
  const size = itemsize(h.dtype), raw = bytes.subarray(offset, offset + n * size);
  if (h.dtype === 'uint8') return raw.slice();
  if (h.dtype === 'bool') return raw.map((b) => (b !== 0 ? 1 : 0));
  // A copy is aligned, and in native order it can be viewed as is.
  if (h.little === NATIVE_LITTLE && h.dtype !== 'int64') {
    const buf = raw.slice().buffer;
    return h.dtype === 'float64' ? new Float64Array(buf) : h.dtype === 'float32' ? new Float32Array(buf) : new Int32Array(buf);
  }
  const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  if (h.dtype === 'int64') return readInt64(dv, n, h.little);
  const out = allocate(h.dtype, n);
  const get = h.dtype === 'float64' ? (i: number) => dv.getFloat64(8 * i, h.little)
    : h.dtype === 'float32' ? (i: number) => dv.getFloat32(4 * i, h.little)
      : (i: number) => dv.getInt32(4 * i, h.little);
  for (let i = 0; i < n; i++) out[i] = get(i);
  return out;
}

/** Fortran (first axis fastest) order to C order. */
function fortranToC(src: Storage, dtype: DType, shape: readonly number[]): Storage {
  const nd = shape.length, n = src.length;
  if (nd <= 1 || n === 0) return src;
  const fstride: number[] = [];
  for (let k = 0, s = 1; k < nd; k++) { fstride.push(s); s *= shape[k]; }
  const out = allocate(dtype, n), idx = new Array<number>(nd).fill(0);
  // Walk C order with an odometer over the index, moving the Fortran offset along with it.
  for (let c = 0, f = 0; c < n; c++) {
    out[c] = src[f];
    for (let k = nd - 1; k >= 0; k--) {
      f += fstride[k];
      if (++idx[k] < shape[k]) break;
      f -= fstride[k] * shape[k];
      idx[k] = 0;
    }
  }
  return out;
}

/** The dtype of a descr type code without its byte order ('f8', 'u1', …), if supported. */
export const dtypeOfKind = (kind: string): DType | undefined => KINDS.get(kind);

/**
 * Raw array bytes (as np.ndarray.tobytes(order='A') gives them: C order, or Fortran order
 * when `fortran`) as storage in C order. `raw` must hold exactly the shape's elements.
 */
export function decodeArrayBytes(raw: Uint8Array, dtype: DType, little: boolean, shape: readonly number[], fortran: boolean): Storage {
  const n = shape.reduce((p, d) => p * d, 1);
  const data = decode({ dtype, little, fortran, shape: [...shape] }, raw, 0, n);
  return fortran ? fortranToC(data, dtype, shape) : data;
}

/**
 * Reads a .npy file (format 1.0, 2.0 or 3.0) of dtype f8, f4, i8, i4, u1 or b1 in either
 * byte order. Fortran-order data comes back in C order; int64 comes back in a Float64Array
 * and values beyond ±2^53 are an error. Anything malformed, truncated or followed by extra
 * bytes throws a ValueError.
 */
export function readNpy(bytes: Uint8Array): NpyArray {
  const { header: h, offset } = readPreamble(bytes);
  const n = h.shape.reduce((p, d) => p * d, 1), size = itemsize(h.dtype);
  const need = n * size, have = bytes.length - offset;
  if (need > have) throw valueError(`npy: data is truncated: shape ${shapeStr(h.shape)} needs ${need} bytes, found ${have}`);
  if (need < have) throw valueError(`npy: ${have - need} unexpected bytes after the data of shape ${shapeStr(h.shape)}`);
  const data = decode(h, bytes, offset, n);
  return { dtype: h.dtype, shape: h.shape, data: h.fortran ? fortranToC(data, h.dtype, h.shape) : data };
}

/** The header exactly as np.save writes it for a C-order array. */
function headerText(dtype: DType, shape: readonly number[]): string {
  let h = `{'descr': '${DESCR[dtype]}', 'fortran_order': False, 'shape': ${shapeStr(shape)}, }`;
  if (shape.length > 0) h += ' '.repeat(Math.max(0, GROWTH_AXIS_MAX_DIGITS - String(shape[0]).length));
  // Magic (6) + version (2) + length (2) + header + '\n' fill a whole number of ARRAY_ALIGN blocks.
  const used = 10 + h.length + 1;
  return h + ' '.repeat((ARRAY_ALIGN - (used % ARRAY_ALIGN)) % ARRAY_ALIGN) + '\n';
}

/** Checks that each value fits the dtype; writing must not wrap or round an integer silently. */
function checkInts(dtype: DType, data: ArrayLike<number>): void {
  const [lo, hi] = dtype === 'int64' ? [-(2 ** 53), 2 ** 53] : dtype === 'int32' ? [-(2 ** 31), 2 ** 31 - 1] : [0, 255];
  for (let i = 0; i < data.length; i++) {
    const x = data[i];
    if (!(Number.isInteger(x) && x >= lo && x <= hi)) throw valueError(`npy: value ${x} at index ${i} is not a valid ${dtype}`);
  }
}

function encode(dtype: DType, data: ArrayLike<number>, out: Uint8Array): void {
  const n = data.length, dv = new DataView(out.buffer, out.byteOffset, out.byteLength);
  switch (dtype) {
    case 'float64': for (let i = 0; i < n; i++) dv.setFloat64(8 * i, data[i], true); break;
    case 'float32': for (let i = 0; i < n; i++) dv.setFloat32(4 * i, data[i], true); break;
    case 'int32': checkInts(dtype, data); for (let i = 0; i < n; i++) dv.setInt32(4 * i, data[i], true); break;
    case 'uint8': checkInts(dtype, data); out.set(data); break;
    // Python's bool(x): any nonzero value, NaN included, is True.
    case 'bool': for (let i = 0; i < n; i++) out[i] = data[i] === 0 ? 0 : 1; break;
    case 'int64':
      checkInts(dtype, data);
      for (let i = 0; i < n; i++) {
        const hi = Math.floor(data[i] / TWO_32);
        dv.setUint32(8 * i, data[i] - hi * TWO_32, true);
        dv.setInt32(8 * i + 4, hi, true);
      }
  }
}

/**
 * The bytes np.save writes for a C-order array of this dtype and shape (format 1.0,
 * little-endian). `data` holds the values in C order; integer dtypes reject values they
 * cannot hold, int64 anything beyond ±2^53.
 */
export function writeNpy(dtype: DType, shape: readonly number[], data: ArrayLike<number>): Uint8Array {
  if (!shape.every((d) => Number.isSafeInteger(d) && d >= 0)) throw valueError(`npy: invalid shape ${shapeStr(shape)}`);
  const n = shape.reduce((p, d) => p * d, 1);
  if (n !== data.length) throw valueError(`npy: shape ${shapeStr(shape)} holds ${n} values, data has ${data.length}`);
  const header = headerText(dtype, shape);
  if (header.length > 0xffff) throw valueError('npy: header too long for format 1.0');
  const out = new Uint8Array(10 + header.length + n * itemsize(dtype));
  out.set(MAGIC);
  out[6] = 1; out[7] = 0; out[8] = header.length & 255; out[9] = header.length >>> 8;
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  encode(dtype, data, out.subarray(10 + header.length));
  return out;
}

/**
 * The arrays of an .npz archive (np.savez / np.savez_compressed) by key: the member name
 * without its `.npy` suffix, as np.load's NpzFile names them. A member that is not a .npy
 * file, or any read error, throws a ValueError naming the member.
 */
export function readNpz(bytes: Uint8Array): Map<string, NpyArray> {
  const out = new Map<string, NpyArray>();
  for (const [name, member] of readZip(bytes)) {
    try {
      out.set(name.endsWith('.npy') ? name.slice(0, -4) : name, readNpy(member));
    } catch (e) {
      throw valueError(`npz member '${name}': ${(e as Error).message}`);
    }
  }
  return out;
}

/**
 * An .npz archive as np.savez writes it (`compress`: np.savez_compressed): one `<key>.npy`
 * member per array, in the map's order.
 */
export function writeNpz(arrays: Map<string, NpyInput>, opts: { compress?: boolean } = {}): Uint8Array {
  const entries = [...arrays].map(([key, a]) => ({ name: `${key}.npy`, data: writeNpy(a.dtype, a.shape, a.data) }));
  return writeZip(entries, opts);
}
