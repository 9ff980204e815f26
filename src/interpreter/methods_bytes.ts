// bytes (a Uint8Array): the constructor, len, iteration as ints, indexing and slicing, `in`,
// comparison, hashing, + and *, repr b'...', decode and hex.
import { Kwargs, NotImplemented, PyError, PyIterator, PySlice, PyStaticMethod, PyValue } from './objects';
import { excIs, pyErr } from './pyerrors';
import { T, typeOf } from './types';
import { iterate, toIndex } from './convert';
import { hashOf } from './hashing';
import { sliceIndices } from './subscript';
import { builtin, parseArgs } from './native';
import { arg0, arg1, defMethods, noArgs } from './method_args';
import { decode, encode } from './codecs';
import type { CompareOperator } from './ast';

const isBytes = (v: PyValue): v is Uint8Array => v instanceof Uint8Array;
const isIndexLike = (v: PyValue) => typeof v === 'bigint' || typeof v === 'boolean' || (v !== null && typeof v === 'object' && typeOf(v).lookup('__index__') !== undefined);

/** repr of bytes: b'...' with CPython's quote choice and escapes. */
export function bytesRepr(b: Uint8Array): string {
  let hasSingle = false, hasDouble = false;
  for (const c of b) { if (c === 0x27) hasSingle = true; else if (c === 0x22) hasDouble = true; }
  const q = hasSingle && !hasDouble ? '"' : "'";
  let out = 'b' + q;
  for (const c of b) {
    const ch = String.fromCharCode(c);
    if (ch === q || ch === '\\') out += '\\' + ch;
    else if (c === 9) out += '\\t';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c < 0x20 || c >= 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + q;
}

function byteValue(v: PyValue, msg: string): number {
  const n = toIndex(v);
  if (n < 0 || n > 255) throw pyErr('ValueError', msg);
  return n;
}

/** bytes(), bytes(n), bytes(str, encoding[, errors]), bytes(iterable of ints). */
function newBytes(a: PyValue[], kw: Kwargs | null): Uint8Array {
  const [src, enc, errors] = parseArgs('bytes', a, kw, ['source', 'encoding', 'errors'], 0);
  if (src === undefined) return new Uint8Array(0);
  if (typeof src === 'string') {
    if (enc === undefined) throw pyErr('TypeError', 'string argument without an encoding');
    return encode(src, String(enc), errors === undefined ? 'strict' : String(errors));
  }
  if (enc !== undefined) throw pyErr('TypeError', 'encoding without a string argument');
  if (src instanceof Uint8Array) return src;
  if (isIndexLike(src)) {
    const n = toIndex(src);
    if (n < 0) throw pyErr('ValueError', 'negative count');
    return new Uint8Array(n);
  }
  const out: number[] = [];
  let it: Iterator<PyValue>;
  try { it = iterate(src); } catch (e) {
    if (e instanceof PyError && excIs(e.exc, 'TypeError')) throw pyErr('TypeError', `cannot convert '${typeOf(src).name}' object to bytes`);
    throw e;
  }
  for (let r = it.next(); !r.done; r = it.next()) out.push(byteValue(r.value, 'bytes must be in range(0, 256)'));
  return Uint8Array.from(out);
}

function getitem(b: Uint8Array, k: PyValue): PyValue {
  if (k instanceof PySlice) {
    const { start, step, length } = sliceIndices(k, b.length);
    const out = new Uint8Array(length);
    for (let i = 0, j = start; i < length; i++, j += step) out[i] = b[j];
    return out;
  }
  if (!isIndexLike(k)) throw pyErr('TypeError', `byte indices must be integers or slices, not ${typeOf(k).name}`);
  let i = toIndex(k);
  if (i < 0) i += b.length;
  if (i < 0 || i >= b.length) throw pyErr('IndexError', 'index out of range');
  return BigInt(b[i]);
}

function contains(b: Uint8Array, x: PyValue): boolean {
  if (x instanceof Uint8Array) {
    outer: for (let i = 0; i + x.length <= b.length; i++) {
      for (let j = 0; j < x.length; j++) if (b[i + j] !== x[j]) continue outer;
      return true;
    }
    return false;
  }
  if (!isIndexLike(x)) throw pyErr('TypeError', `a bytes-like object is required, not '${typeOf(x).name}'`);
  return b.includes(byteValue(x, 'byte must be in range(0, 256)'));
}

/** -1, 0 or 1 comparing bytes lexicographically. */
function cmpBytes(x: Uint8Array, y: Uint8Array): number {
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
}

const TESTS: Record<string, (c: number) => boolean> = { Eq: (c) => c === 0, NotEq: (c) => c !== 0, Lt: (c) => c < 0, LtE: (c) => c <= 0, Gt: (c) => c > 0, GtE: (c) => c >= 0 };

function cmp(op: CompareOperator) {
  return (b: Uint8Array, a: PyValue[], kw: Kwargs | null): PyValue => {
    const o = arg1(a, kw);
    return o instanceof Uint8Array ? TESTS[op](cmpBytes(b, o)) : NotImplemented;
  };
}

function repeat(b: Uint8Array, n: PyValue): PyValue {
  const k = Math.max(0, toIndex(n)), out = new Uint8Array(b.length * k);
  for (let i = 0; i < k; i++) out.set(b, i * b.length);
  return out;
}

export function installBytes(): void {
  T.bytes.dict.set('__new__', new PyStaticMethod(builtin('__new__', (a, kw) => newBytes(a.slice(1), kw), 'bytes.__new__')));
  defMethods(T.bytes, isBytes, {
    __len__: (b, a, kw) => { arg0(a, kw); return BigInt(b.length); },
    __iter__: (b, a, kw) => { arg0(a, kw); return new PyIterator(Array.from(b, (x) => BigInt(x))[Symbol.iterator](), 'bytes_iterator'); },
    __getitem__: (b, a, kw) => getitem(b, arg1(a, kw)),
    __contains__: (b, a, kw) => contains(b, arg1(a, kw)),
    __hash__: (b, a, kw) => { arg0(a, kw); return hashOf('b' + Array.from(b, (x) => String.fromCharCode(x)).join('')); },
    __add__: (b, a, kw) => {
      const o = arg1(a, kw);
      if (!(o instanceof Uint8Array)) throw pyErr('TypeError', `can't concat ${typeOf(o).name} to bytes`);
      const out = new Uint8Array(b.length + o.length);
      out.set(b); out.set(o, b.length);
      return out;
    },
    __mul__: (b, a, kw) => repeat(b, arg1(a, kw)),
    __rmul__: (b, a, kw) => repeat(b, arg1(a, kw)),
    __eq__: cmp('Eq'), __ne__: cmp('NotEq'), __lt__: cmp('Lt'), __le__: cmp('LtE'), __gt__: cmp('Gt'), __ge__: cmp('GtE'),
    __repr__: (b, a, kw) => { arg0(a, kw); return bytesRepr(b); },
    __str__: (b, a, kw) => { arg0(a, kw); return bytesRepr(b); },
    decode: (b, a, kw) => {
      const [enc, errors] = parseArgs('decode', a, kw, ['encoding', 'errors'], 0);
      return decode(b, enc === undefined ? 'utf-8' : String(enc), errors === undefined ? 'strict' : String(errors));
    },
    hex: (b, a, kw) => { noArgs('bytes.hex', a, kw); return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(''); },
  });
}
