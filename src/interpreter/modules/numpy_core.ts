// The bridge between Python values and the engine's arrays: the ndarray class object,
// converting Python operands, nested lists and indices, and returning NumPy scalars.
import { NDArray, Operand } from '../../engine/ndarray';
import { DType, Scalar } from '../../engine/dtype';
import { ELLIPSIS, Index, IndexItem, Slice } from '../../engine/indexing';
import { array, Nested } from '../../engine/creation';
import { Ellipsis, PyList, PyRange, PySlice, PyTuple, PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { typeOf } from '../types';
import { callMethod } from '../attrs';
import { toIndex } from '../convert';
import { nativeClass } from '../native';
import { NpScalar } from '../npscalar';
import { setSequenceConverter } from './numpy_dtype';

/** numpy.ndarray (tp_name `numpy.ndarray`, __name__ `ndarray`). */
export const NDARRAY = nativeClass('numpy.ndarray', { module: 'numpy', ctors: [NDArray] });
NDARRAY.qualname = 'ndarray';

/** A Python number as the engine's weak scalar (int → bigint, float → number, bool). */
export function isPyScalar(v: PyValue): v is Scalar {
  return typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean';
}

/** Python lists/tuples (possibly nested, possibly holding arrays) as engine nested values. */
export function toNested(v: PyValue): Nested {
  if (v instanceof PyList || v instanceof PyTuple) return v.items.map(toNested);
  if (isPyScalar(v) || v instanceof NDArray) return v;
  if (v instanceof PyRange) return Array.from({ length: v.length }, (_, i) => BigInt(v.start + i * v.step));
  if (v !== null && typeof v === 'object' && typeOf(v).lookup('__array__') !== undefined) {
    const a = callMethod(v, '__array__', []);
    if (a instanceof NDArray) return a;
  }
  throw pyErr('TypeError', `Gradscope's arrays hold numbers only: cannot convert '${typeOf(v).qualname}' to an array element`);
}

/** np.asarray for any Python value that NumPy would accept. */
export function asArray(v: PyValue, dtype?: DType): NDArray {
  if (v instanceof NDArray) return dtype && dtype !== v.dtype ? v.astype(dtype) : v;
  return array(toNested(v), dtype);
}
setSequenceConverter((d, v) => array(toNested(v), d));

/** An operand of a NumPy operation: arrays as they are, Python numbers as weak scalars. */
export function toOperand(v: PyValue): Operand {
  const x = operandOrNull(v);
  if (x === null) throw pyErr('TypeError', `unsupported operand type for NumPy: '${typeOf(v).qualname}'`);
  return x;
}

/** An operand, or null for values NumPy would not turn into a numeric array. */
export function operandOrNull(v: PyValue): Operand | null {
  if (v instanceof NDArray || isPyScalar(v)) return v;
  if (v instanceof PyList || v instanceof PyTuple || v instanceof PyRange) return asArray(v);
  if (v !== null && typeof v === 'object' && typeOf(v).lookup('__array__') !== undefined) return asArray(v);
  return null;
}

const BAD_INDEX = 'only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices';

function indexItem(v: PyValue): IndexItem {
  if (typeof v === 'bigint') return Number(v);
  if (v === null) return null;
  if (v === Ellipsis) return ELLIPSIS;
  if (v instanceof PySlice) {
    const n = (x: PyValue) => (x === null ? null : sliceIndex(x));
    return new Slice(n(v.start), n(v.stop), n(v.step));
  }
  if (v instanceof NpScalar) {
    if (v.dtype === 'float64' || v.dtype === 'float32') throw pyErr('IndexError', BAD_INDEX);
    return v.dtype === 'bool' ? v : v.value;
  }
  if (v instanceof NDArray) return v;
  if (typeof v === 'boolean') return NDArray.scalar(v ? 1 : 0, 'bool');
  if (v instanceof PyList || v instanceof PyTuple) return v.items.length ? asArray(v) : NDArray.empty([0], 'int64');
  if (typeof v === 'number' || typeof v === 'string' || typeOf(v).lookup('__index__') === undefined) throw pyErr('IndexError', BAD_INDEX);
  return toIndex(v);
}

function sliceIndex(x: PyValue): number {
  if (typeof x === 'number' || (x instanceof NpScalar && (x.dtype === 'float64' || x.dtype === 'float32'))) {
    throw pyErr('TypeError', 'slice indices must be integers or None or have an __index__ method');
  }
  return toIndex(x, 'integer or None');
}

/** A Python subscript key as an engine index (a tuple is several index items). */
export function toEngineIndex(key: PyValue): Index {
  if (key instanceof PyTuple) return key.items.map(indexItem);
  return indexItem(key);
}

const isIntKey = (k: PyValue) => typeof k === 'bigint' || (k instanceof NpScalar && k.dtype !== 'bool' && k.dtype !== 'float64' && k.dtype !== 'float32');

/** Whether an index selects a single element (NumPy then returns a scalar). */
export function selectsElement(a: NDArray, key: PyValue): boolean {
  const items = key instanceof PyTuple ? key.items : [key];
  return items.length === a.ndim && items.every(isIntKey);
}

/** NumPy's habit: 0-d results of ufuncs and reductions come back as scalars. */
export function scalarIf0d(a: NDArray): NDArray {
  if (a.ndim !== 0) return a;
  // A 0-d view into a larger buffer is copied: scalars must not change with the array.
  return a.data.length === 1 ? NpScalar.wrap(a) : NpScalar.copyOf(a);
}

/** A shape argument: an int or a sequence of ints (negative sizes are NumPy's ValueError). */
export function toShape(v: PyValue): number[] {
  const s = v instanceof PyTuple || v instanceof PyList ? v.items.map((x) => toIndex(x)) : [toIndex(v)];
  if (s.some((d) => d < 0)) throw pyErr('ValueError', 'negative dimensions are not allowed');
  return s;
}

/** Python value of an array element (for tolist/item): int → bigint, float → number, bool. */
export function elementToPy(v: number, dtype: DType): PyValue {
  if (dtype === 'bool') return v !== 0;
  if (dtype === 'float64' || dtype === 'float32') return v;
  return BigInt(v);
}

/** Nested Python lists of an array's elements (ndarray.tolist()). */
export function toPyList(a: NDArray): PyValue {
  const v = a.values();
  const rec = (dim: number, start: number, step: number): PyValue => {
    if (dim === a.ndim) return elementToPy(v[start], a.dtype);
    const inner = step / a.shape[dim];
    return new PyList(Array.from({ length: a.shape[dim] }, (_, i) => rec(dim + 1, start + i * inner, inner)));
  };
  return rec(0, 0, a.size);
}
