// numpy.ndarray as Python sees it: attributes, printing, conversions, indexing, iteration,
// and the array-only methods (fill, sort, in-place operators). Computational methods shared
// with NumPy scalars are in numpy_methods.ts.
import { NDArray, Operand } from '../../engine/ndarray';
import { arrayRepr, arrayStr } from '../../engine/format';
import { sort } from '../../engine/manip';
import { reduce } from '../../engine/reduce';
import { isFloat } from '../../engine/dtype';
import { PyIterator, PyTuple, PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { typeOf } from '../types';
import { str } from '../convert';
import { methods, props, staticMethods } from '../native';
import { toFloatValue, toInt } from '../types_builtin';
import { NpScalar } from '../npscalar';
import { NDARRAY, operandOrNull, selectsElement, toEngineIndex, toShape } from './numpy_core';
import { dtypeObject, dtypeArg } from './numpy_dtype';
import { npSettings, checkElements } from './numpy_state';
import { installOperators } from './numpy_ops';
import { npArgs, singleAxis } from './numpy_args';
import { installArrayMethods } from './numpy_methods';

const A = (v: PyValue) => v as NDArray;

/** Attributes every array and NumPy scalar has. */
export const ARRAY_PROPS: Record<string, [(self: PyValue) => PyValue]> = {
  shape: [(v) => new PyTuple(A(v).shape.map(BigInt))],
  dtype: [(v) => dtypeObject(A(v).dtype)],
  ndim: [(v) => BigInt(A(v).ndim)],
  size: [(v) => BigInt(A(v).size)],
  itemsize: [(v) => BigInt(A(v).itemsize)],
  nbytes: [(v) => BigInt(A(v).nbytes)],
  T: [(v) => (v instanceof NpScalar ? v : A(v).T)],
  strides: [(v) => new PyTuple(A(v).strides.map((s) => BigInt(s * A(v).itemsize)))],
};

const ONLY_0D = 'only 0-dimensional arrays can be converted to Python scalars';

/** float(a) / int(a): 0-d arrays only. */
export function toPyFloat(a: NDArray): number {
  if (a.ndim !== 0) throw pyErr('TypeError', ONLY_0D);
  return a.data[a.offset];
}

export function toPyInt(a: NDArray): bigint {
  if (a.ndim !== 0) throw pyErr('TypeError', ONLY_0D);
  const v = a.data[a.offset];
  return isFloat(a.dtype) ? toInt(v) : BigInt(v);
}

/**
 * A value assigned into an array: numbers, arrays, sequences; strings parse as float()/int()
 * do; None is NaN in float arrays and False in bool arrays.
 */
function assigned(a: NDArray, v: PyValue): Operand {
  if (typeof v === 'string') return isFloat(a.dtype) ? toFloatValue(v) : a.dtype === 'bool' ? v.length > 0 : toInt(v);
  if (v === null && a.dtype !== 'bool' && !isFloat(a.dtype)) {
    throw pyErr('TypeError', "int() argument must be a string, a bytes-like object or a real number, not 'NoneType'");
  }
  if (v === null) return isFloat(a.dtype) ? NaN : false;
  if (typeof v === 'number' && !isFloat(a.dtype) && a.dtype !== 'bool' && Number.isFinite(v) && Math.abs(v) >= 2 ** 63) {
    throw pyErr('OverflowError', 'Python int too large to convert to C long');
  }
  const x = operandOrNull(v);
  if (x !== null) return x;
  if (isFloat(a.dtype)) throw pyErr('TypeError', `float() argument must be a string or a real number, not '${typeOf(v).name}'`);
  throw pyErr('TypeError', `int() argument must be a string, a bytes-like object or a real number, not '${typeOf(v).name}'`);
}

/** a[key] = value; one element takes no sequence, as in NumPy. */
function setitem(a: NDArray, key: PyValue, value: PyValue): void {
  const v = assigned(a, value);
  if (v instanceof NDArray && v.ndim > 0 && selectsElement(a, key)) throw pyErr('ValueError', 'setting an array element with a sequence.');
  a.set(toEngineIndex(key), v);
}

function* rows(a: NDArray): Iterator<PyValue> {
  for (let i = 0; i < a.shape[0]; i++) {
    const r = a.get(i);
    yield a.ndim === 1 ? NpScalar.copyOf(r) : r;
  }
}

props(NDARRAY, ARRAY_PROPS);
NDARRAY.dict.set('__hash__', null);
NDARRAY.dict.set('__array_priority__', 0);
installOperators(NDARRAY, true);
installArrayMethods(NDARRAY);

staticMethods(NDARRAY, {
  __new__: (a, kw) => {
    const [shape, dtype] = npArgs('ndarray', a.slice(1), kw, ['shape', 'dtype'], 1);
    const s = toShape(shape!);
    const d = dtypeArg(dtype) ?? 'float64';
    checkElements(s, d);
    return NDArray.empty(s, d);
  },
});

methods(NDARRAY, {
  __repr__: (s) => arrayRepr(A(s), npSettings.print),
  __str__: (s) => arrayStr(A(s), npSettings.print),
  __format__: (s, a) => {
    if (a[0] !== '') throw pyErr('TypeError', 'unsupported format string passed to numpy.ndarray.__format__');
    return str(s);
  },
  __len__: (s) => {
    if (A(s).ndim === 0) throw pyErr('TypeError', 'len() of unsized object');
    return BigInt(A(s).shape[0]);
  },
  __iter__: (s) => {
    if (A(s).ndim === 0) throw pyErr('TypeError', 'iteration over a 0-d array');
    return new PyIterator(rows(A(s)));
  },
  __getitem__: (s, a) => getitem(A(s), a[0]),
  __setitem__: (s, a) => { setitem(A(s), a[0], a[1]); return null; },
  __contains__: (s, a) => {
    const x = operandOrNull(a[0]);
    return x !== null && reduce('any', A(s).eq(x), null, false).item() !== 0;
  },
  __bool__: (s) => {
    const a = A(s);
    if (a.size === 0) throw pyErr('ValueError', 'The truth value of an empty array is ambiguous. Use `array.size > 0` to check that an array is not empty.');
    if (a.size > 1) throw pyErr('ValueError', 'The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()');
    return a.at(0) !== 0;
  },
  __float__: (s) => toPyFloat(A(s)),
  __int__: (s) => toPyInt(A(s)),
  __index__: (s) => {
    const a = A(s);
    if (a.ndim !== 0 || isFloat(a.dtype) || a.dtype === 'bool') throw pyErr('TypeError', 'only integer scalar arrays can be converted to a scalar index');
    return BigInt(a.data[a.offset]);
  },
  __copy__: (s) => A(s).copy(),
  __deepcopy__: (s) => A(s).copy(),
  fill: (s, a, kw) => {
    const [value] = npArgs('fill', a, kw, ['value'], 1);
    A(s).set([], assigned(A(s), value!));
    return null;
  },
  sort: (s, a, kw) => {
    const [axis] = npArgs('sort', a, kw, ['axis', 'kind', 'order'], 0);
    const ax = axis === undefined ? -1 : singleAxis(axis);
    A(s).set([], sort(A(s), ax === null ? -1 : ax));
    return null;
  },
});

/** a[key]: views for basic indices, copies for advanced ones, a scalar for one element. */
export function getitem(a: NDArray, key: PyValue): PyValue {
  const r = a.get(toEngineIndex(key));
  return selectsElement(a, key) ? NpScalar.copyOf(r) : r;
}

