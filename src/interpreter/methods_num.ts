// int, bool and float methods: bit_length bit_count to_bytes from_bytes as_integer_ratio
// is_integer hex fromhex conjugate, real/imag/numerator/denominator, the conversion dunders
// (__index__ __int__ __float__ __round__ __trunc__ __floor__ __ceil__ …) and the operators.
import { pyFloatRepr } from '../engine/floatfmt';
import { Kwargs, PyClass, PyTuple, PyValue } from './objects';
import { pyErr } from './pyerrors';
import { T, typeOf } from './types';
import { callValue } from './attrs';
import { toArray, toIndex } from './convert';
import { hashOf } from './hashing';
import { formatValue } from './format';
import { roundValue } from './builtins';
import { arg0, arg1, defClassMethods, defMethods, defProps, noArgs, oneArg } from './method_args';
import { numberDunders } from './num_dunders';
import { floatFromHex, floatHex, integerRatio } from './float_bits';

const isInt = (v: PyValue): v is bigint | boolean => typeof v === 'bigint' || typeof v === 'boolean';
const isFloat = (v: PyValue): v is number => typeof v === 'number';
const isBool = (v: PyValue): v is boolean => typeof v === 'boolean';
const isReal = (v: PyValue) => typeof v === 'number' || isInt(v);
const big = (v: bigint | boolean): bigint => (typeof v === 'boolean' ? (v ? 1n : 0n) : v);
const abs = (n: bigint) => (n < 0n ? -n : n);

function byteorder(v: PyValue | undefined): 'big' | 'little' {
  if (v === undefined) return 'big';
  if (v !== 'big' && v !== 'little') throw pyErr('ValueError', "byteorder must be either 'little' or 'big'");
  return v;
}

function toBytes(n: bigint, a: PyValue[], kw: Kwargs | null): Uint8Array {
  if (a.length > 2) throw pyErr('TypeError', `to_bytes() takes at most 2 positional arguments (${a.length} given)`);
  const length = a[0] ?? kw?.get('length'), order = byteorder(a[1] ?? kw?.get('byteorder'));
  const signed = kw?.get('signed') === true;
  const len = length === undefined ? 1 : toIndex(length);
  if (len < 0) throw pyErr('ValueError', 'length argument must be non-negative');
  if (!signed && n < 0n) throw pyErr('OverflowError', "can't convert negative int to unsigned");
  const bits = BigInt(8 * len);
  const limit = signed ? 1n << (bits - 1n) : 1n << bits;
  if (len === 0 ? n !== 0n : n >= limit || n < -limit) throw pyErr('OverflowError', 'int too big to convert');
  let u = n < 0n ? n + (1n << bits) : n;
  const out = new Uint8Array(len);
  for (let i = len - 1; i >= 0; i--, u >>= 8n) out[i] = Number(u & 0xffn);
  return order === 'big' ? out : out.reverse();
}

function fromBytes(cls: PyClass, a: PyValue[], kw: Kwargs | null): PyValue {
  if (a.length > 2) throw pyErr('TypeError', `from_bytes() takes at most 2 positional arguments (${a.length} given)`);
  const src = a[0] ?? kw?.get('bytes');
  if (src === undefined) throw pyErr('TypeError', "from_bytes() missing required argument 'bytes' (pos 1)");
  if (typeof src === 'string') throw pyErr('TypeError', "cannot convert 'str' object to bytes");
  const data = src instanceof Uint8Array ? Array.from(src) : toArray(src).map((x) => toIndex(x));
  if (byteorder(a[1] ?? kw?.get('byteorder')) === 'little') data.reverse();
  let n = 0n;
  for (const b of data) {
    if (b < 0 || b > 255) throw pyErr('ValueError', 'bytes must be in range(0, 256)');
    n = (n << 8n) | BigInt(b);
  }
  if (kw?.get('signed') === true && data.length && data[0] >= 0x80) n -= 1n << BigInt(8 * data.length);
  return cls === T.int ? n : callValue(cls, [n]);
}

/** A float to int for __int__/__trunc__/__floor__/__ceil__, with CPython's errors. */
function floatToInt(x: number, f: (x: number) => number): bigint {
  if (x !== x) throw pyErr('ValueError', 'cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw pyErr('OverflowError', 'cannot convert float infinity to integer');
  return BigInt(f(x));
}

const roundArg = (a: PyValue[], kw: Kwargs | null, name: string): PyValue => {
  if (kw && kw.size) throw pyErr('TypeError', `${name}.__round__() takes no keyword arguments`);
  if (a.length > 1) throw pyErr('TypeError', `__round__ expected at most 1 argument, got ${a.length}`);
  return a.length ? a[0] : null;
};

function installInt(): void {
  defMethods(T.int, isInt, {
    ...numberDunders(isInt, true, true),
    bit_length: (n, a, kw) => { noArgs('int.bit_length', a, kw); const m = abs(big(n)); return m === 0n ? 0n : BigInt(m.toString(2).length); },
    bit_count: (n, a, kw) => { noArgs('int.bit_count', a, kw); return BigInt([...abs(big(n)).toString(2)].filter((c) => c === '1').length); },
    to_bytes: (n, a, kw) => toBytes(big(n), a, kw),
    conjugate: (n, a, kw) => { noArgs('int.conjugate', a, kw); return big(n); },
    as_integer_ratio: (n, a, kw) => { noArgs('int.as_integer_ratio', a, kw); return new PyTuple([big(n), 1n]); },
    __index__: (n, a, kw) => { arg0(a, kw); return big(n); },
    __int__: (n, a, kw) => { arg0(a, kw); return big(n); },
    __float__: (n, a, kw) => { arg0(a, kw); const f = Number(big(n)); if (!Number.isFinite(f)) throw pyErr('OverflowError', 'int too large to convert to float'); return f; },
    __abs__: (n, a, kw) => { arg0(a, kw); return abs(big(n)); },
    __neg__: (n, a, kw) => { arg0(a, kw); return -big(n); },
    __pos__: (n, a, kw) => { arg0(a, kw); return big(n); },
    __invert__: (n, a, kw) => { arg0(a, kw); return ~big(n); },
    __bool__: (n, a, kw) => { arg0(a, kw); return big(n) !== 0n; },
    __trunc__: (n, a, kw) => { noArgs('int.__trunc__', a, kw); return big(n); },
    __floor__: (n, a, kw) => { noArgs('int.__floor__', a, kw); return big(n); },
    __ceil__: (n, a, kw) => { noArgs('int.__ceil__', a, kw); return big(n); },
    __round__: (n, a, kw) => roundValue(big(n), roundArg(a, kw, 'int')),
    __hash__: (n, a, kw) => { arg0(a, kw); return hashOf(n); },
    __repr__: (n, a, kw) => { arg0(a, kw); return typeof n === 'boolean' ? (n ? 'True' : 'False') : n.toString(); },
    __str__: (n, a, kw) => { arg0(a, kw); return typeof n === 'boolean' ? (n ? 'True' : 'False') : n.toString(); },
    __format__: (n, a, kw) => formatValue(n, String(oneArg('int.__format__', a, kw))),
  });
  defProps(T.int, {
    real: (n: PyValue) => big(n as bigint), imag: () => 0n,
    numerator: (n: PyValue) => big(n as bigint), denominator: () => 1n,
  });
  defClassMethods(T.int, { from_bytes: fromBytes });
}

function installBool(): void {
  const bitOp = (f: (x: boolean, y: boolean) => boolean, op: string) => (b: boolean, a: PyValue[], kw: Kwargs | null): PyValue => {
    const o = arg1(a, kw);
    if (typeof o === 'boolean') return f(b, o);
    return callValue(T.int.dict.get(op)!, [b, o]);
  };
  const and = (x: boolean, y: boolean) => x && y, or = (x: boolean, y: boolean) => x || y, xor = (x: boolean, y: boolean) => x !== y;
  defMethods(T.bool, isBool, {
    __and__: bitOp(and, '__and__'), __rand__: bitOp(and, '__rand__'),
    __or__: bitOp(or, '__or__'), __ror__: bitOp(or, '__ror__'),
    __xor__: bitOp(xor, '__xor__'), __rxor__: bitOp(xor, '__rxor__'),
  });
}

function installFloat(): void {
  defMethods(T.float, isFloat, {
    ...numberDunders(isReal, false, false),
    is_integer: (x, a, kw) => { noArgs('float.is_integer', a, kw); return Number.isInteger(x); },
    as_integer_ratio: (x, a, kw) => { noArgs('float.as_integer_ratio', a, kw); return new PyTuple(integerRatio(x)); },
    hex: (x, a, kw) => { noArgs('float.hex', a, kw); return floatHex(x); },
    conjugate: (x, a, kw) => { noArgs('float.conjugate', a, kw); return x; },
    __int__: (x, a, kw) => { arg0(a, kw); return floatToInt(x, Math.trunc); },
    __trunc__: (x, a, kw) => { noArgs('float.__trunc__', a, kw); return floatToInt(x, Math.trunc); },
    __floor__: (x, a, kw) => { noArgs('float.__floor__', a, kw); return floatToInt(x, Math.floor); },
    __ceil__: (x, a, kw) => { noArgs('float.__ceil__', a, kw); return floatToInt(x, Math.ceil); },
    __round__: (x, a, kw) => roundValue(x, roundArg(a, kw, 'float')),
    __float__: (x, a, kw) => { arg0(a, kw); return x; },
    __abs__: (x, a, kw) => { arg0(a, kw); return Math.abs(x); },
    __neg__: (x, a, kw) => { arg0(a, kw); return -x; },
    __pos__: (x, a, kw) => { arg0(a, kw); return x; },
    __bool__: (x, a, kw) => { arg0(a, kw); return x !== 0; },
    __hash__: (x, a, kw) => { arg0(a, kw); return hashOf(x); },
    __repr__: (x, a, kw) => { arg0(a, kw); return pyFloatRepr(x); },
    __str__: (x, a, kw) => { arg0(a, kw); return pyFloatRepr(x); },
    __format__: (x, a, kw) => formatValue(x, String(oneArg('float.__format__', a, kw))),
  });
  defProps(T.float, { real: (x: PyValue) => x, imag: () => 0 });
  defClassMethods(T.float, {
    fromhex: (cls, a, kw) => {
      const s = oneArg('float.fromhex', a, kw);
      if (typeof s !== 'string') throw pyErr('TypeError', 'bad argument type for built-in operation');
      const v = floatFromHex(s);
      return cls === T.float ? v : callValue(cls, [v]);
    },
  });
}

function installNone(): void {
  defMethods(T.NoneType, (v): v is null => v === null, {
    __repr__: (_n, a, kw) => { arg0(a, kw); return 'None'; },
    __bool__: (_n, a, kw) => { arg0(a, kw); return false; },
  });
}

export function installNumbers(): void {
  installInt();
  installBool();
  installFloat();
  installNone();
}
