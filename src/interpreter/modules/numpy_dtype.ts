// numpy.dtype objects, dtype-like arguments (strings, Python types, scalar types, dtypes),
// and the scalar types as callables: np.float32(0.1), np.int64('3'), np.float64(array).
import { DType, itemsize } from '../../engine/dtype';
import { NDArray } from '../../engine/ndarray';
import { PyClass, PyList, PyRange, PyTuple, PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { T, typeOf } from '../types';
import { hashOf } from '../hashing';
import { methods, props, staticMethods } from '../native';
import { NpScalar, SCALAR_CLASSES, UNSUPPORTED_SCALAR_CLASSES, npClass } from '../npscalar';
import { registerNative } from '../types';
import { toFloatValue, toInt } from '../types_builtin';
import { truthy } from '../convert';

/** A numpy.dtype object; one per dtype. */
export class PyDType {
  constructor(readonly dtype: DType) {}
}

export const DTYPE_CLASS = npClass('dtype', [T.object]);
registerNative(PyDType, DTYPE_CLASS);

const DTYPES = new Map<DType, PyDType>();
/** The dtype object for a dtype. */
export function dtypeObject(d: DType): PyDType {
  let o = DTYPES.get(d);
  if (!o) { o = new PyDType(d); DTYPES.set(d, o); }
  return o;
}

const SUPPORTED = 'float64, float32, int64, int32, uint8 and bool';

const NAMES: Record<string, DType> = {
  float64: 'float64', f8: 'float64', d: 'float64', float: 'float64', double: 'float64', '<f8': 'float64', float_: 'float64',
  float32: 'float32', f4: 'float32', f: 'float32', single: 'float32', '<f4': 'float32',
  int64: 'int64', i8: 'int64', int: 'int64', l: 'int64', long: 'int64', intp: 'int64', int_: 'int64', '<i8': 'int64', q: 'int64', p: 'int64',
  int32: 'int32', i4: 'int32', i: 'int32', intc: 'int32', '<i4': 'int32',
  uint8: 'uint8', u1: 'uint8', B: 'uint8', ubyte: 'uint8', '|u1': 'uint8',
  bool: 'bool', '?': 'bool', b1: 'bool', bool_: 'bool', '|b1': 'bool',
};

const UNSUPPORTED_NAMES = new Set(['float16', 'f2', 'e', 'half', 'int8', 'i1', 'b', 'byte', 'int16', 'i2', 'h', 'short',
  'uint16', 'u2', 'H', 'uint32', 'u4', 'I', 'uint64', 'u8', 'L', 'uint', 'complex', 'complex64', 'complex128', 'c8', 'c16',
  'longdouble', 'g', 'float128', 'f16', 'complex256', 'c32', 'object', 'O', 'str', 'U', 'S', 'bytes', 'datetime64', 'M8', 'timedelta64', 'm8']);

function unsupported(what: string): never {
  throw pyErr('TypeError', `Gradscope does not support the NumPy dtype ${what} (its arrays hold ${SUPPORTED})`);
}

/** A dtype-like Python value as a dtype, or NumPy's TypeError. `None` means float64. */
export function toDType(v: PyValue): DType {
  if (v instanceof PyDType) return v.dtype;
  if (v === null) return 'float64';
  if (typeof v === 'string') {
    const d = NAMES[v];
    if (d) return d;
    if (UNSUPPORTED_NAMES.has(v) || UNSUPPORTED_NAMES.has(v.replace(/^[<>|=]/, ''))) unsupported(`'${v}'`);
    throw pyErr('TypeError', `data type '${v}' not understood`);
  }
  if (v instanceof PyClass) {
    if (v === T.float) return 'float64';
    if (v === T.int) return 'int64';
    if (v === T.bool) return 'bool';
    for (const [d, c] of Object.entries(SCALAR_CLASSES)) if (v === c) return d as DType;
    const un = Object.entries(UNSUPPORTED_SCALAR_CLASSES).find(([, c]) => c === v);
    if (un) unsupported(un[0]);
    if (v === T.object || v === T.str || v === T.bytes) unsupported(`'${v.qualname}'`);
    throw pyErr('TypeError', `Cannot interpret '<class '${v.qualname}'>' as a data type`);
  }
  if (v instanceof NDArray && !(v instanceof NpScalar)) return v.dtype;
  throw pyErr('TypeError', `Cannot interpret '${typeOf(v).qualname}' as a data type`);
}

/** A `dtype=` argument: undefined when omitted or None. */
export function dtypeArg(v: PyValue | undefined): DType | undefined {
  return v === undefined || v === null ? undefined : toDType(v);
}

/** toDType without raising (for dtype == x comparisons). */
function tryDType(v: PyValue): DType | null {
  try { return toDType(v); } catch { return null; }
}

const KIND: Record<DType, string> = { float64: 'f', float32: 'f', int64: 'i', int32: 'i', uint8: 'u', bool: 'b' };
const CHAR: Record<DType, string> = { float64: 'd', float32: 'f', int64: 'l', int32: 'i', uint8: 'B', bool: '?' };
const STR: Record<DType, string> = { float64: '<f8', float32: '<f4', int64: '<i8', int32: '<i4', uint8: '|u1', bool: '|b1' };

const dt = (v: PyValue): DType => (v as PyDType).dtype;

staticMethods(DTYPE_CLASS, { __new__: (a) => dtypeObject(toDType(a[1] ?? null)) });
props(DTYPE_CLASS, {
  name: [(v) => dt(v)],
  itemsize: [(v) => BigInt(itemsize(dt(v)))],
  kind: [(v) => KIND[dt(v)]],
  char: [(v) => CHAR[dt(v)]],
  str: [(v) => STR[dt(v)]],
  type: [(v) => SCALAR_CLASSES[dt(v)]],
  byteorder: [(v) => (itemsize(dt(v)) === 1 ? '|' : '=')],
  ndim: [() => 0n],
  shape: [() => new PyTuple([])],
  alignment: [(v) => BigInt(itemsize(dt(v)))],
});
methods(DTYPE_CLASS, {
  __repr__: (v) => `dtype('${dt(v)}')`,
  __str__: (v) => dt(v),
  __eq__: (v, a) => tryDType(a[0]) === dt(v),
  __ne__: (v, a) => tryDType(a[0]) !== dt(v),
  __hash__: (v) => hashOf(dt(v)),
});

/** The value a scalar type makes from a Python value: np.float32(0.1), np.int64('7'), np.bool(2). */
function scalarFrom(d: DType, v: PyValue): PyValue {
  if (v instanceof NDArray) return v.ndim === 0 ? NpScalar.make(v.astype(d).item(), d) : v.astype(d);
  if (v instanceof PyList || v instanceof PyTuple || v instanceof PyRange) return fromSequence(d, v);
  if (d === 'bool') return NpScalar.make(truthy(v) ? 1 : 0, d);
  if (d === 'float64' || d === 'float32') return NpScalar.make(toFloatValue(v), d);
  return NpScalar.make(checkIntRange(toInt(v), d), d);
}

/** Set by numpy_core (which depends on this file): a sequence as an array. */
let fromSequence: (d: DType, v: PyValue) => PyValue = () => null;
export function setSequenceConverter(f: (d: DType, v: PyValue) => PyValue): void { fromSequence = f; }

const RANGES: Partial<Record<DType, [bigint, bigint]>> = {
  int64: [-(2n ** 63n), 2n ** 63n - 1n], int32: [-(2n ** 31n), 2n ** 31n - 1n], uint8: [0n, 255n],
};

/** A Python int as an element of an integer dtype, or NumPy's OverflowError. */
export function checkIntRange(n: bigint, d: DType): number {
  const r = RANGES[d];
  if (r && (n < r[0] || n > r[1])) throw pyErr('OverflowError', `Python integer ${n} out of bounds for ${d}`);
  if (d === 'int64' && (n > 2n ** 53n || n < -(2n ** 53n))) {
    throw pyErr('OverflowError', `Python integer ${n} is outside ±2**53, the int64 range Gradscope represents exactly`);
  }
  return Number(n);
}

for (const [d, cls] of Object.entries(SCALAR_CLASSES)) {
  staticMethods(cls, {
    __new__: (a) => {
      if (a.length > 2) throw pyErr('TypeError', `${cls.qualname}() takes at most 1 argument (${a.length - 1} given)`);
      return a.length < 2 ? NpScalar.make(0, d as DType) : scalarFrom(d as DType, a[1]);
    },
  });
}
for (const [name, cls] of Object.entries(UNSUPPORTED_SCALAR_CLASSES)) {
  staticMethods(cls, { __new__: () => unsupported(name) });
}
