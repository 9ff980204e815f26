// Array creation: array/asarray from nested values, zeros/ones/full(+_like), empty, arange,
// linspace, eye/identity, meshgrid.
import { DType, Scalar, castFloat, promote, scalarDType, scalarValue } from './dtype';
import { EngineError, shapeStr, valueError } from './errors';
import { NDArray } from './ndarray';
import { Shape } from './shape';

/** A nested value np.array accepts: scalars, arrays, and (nested) lists of them. */
export type Nested = Scalar | NDArray | readonly Nested[];

/** np.array(value, dtype): always a new array. */
export function array(value: Nested, dtype?: DType): NDArray {
  if (value instanceof NDArray) return dtype ? value.astype(dtype) : value.copy();
  const shape = inferShape(value);
  const flat: number[] = [];
  let inferred: DType | null = null;
  const visit = (v: Nested, depth: number): void => {
    if (v instanceof NDArray) {
      inferred = inferred ? promote(inferred, v.dtype) : v.dtype;
      const vals = v.values();
      for (let i = 0; i < vals.length; i++) flat.push(vals[i]);
      return;
    }
    if (Array.isArray(v)) {
      if (v.length !== shape[depth]) inhomogeneous(shape, depth);
      for (const e of v) visit(e, depth + 1);
      return;
    }
    if (depth !== shape.length) inhomogeneous(shape, depth);
    const d = scalarDType(v as Scalar);
    inferred = inferred ? promote(inferred, d) : d;
    flat.push(scalarValue(v as Scalar));
  };
  visit(value, 0);
  return NDArray.from(flat, shape, dtype ?? inferred ?? 'float64');
}

function inhomogeneous(shape: number[], depth: number): never {
  throw valueError(`setting an array element with a sequence. The requested array has an inhomogeneous shape after ${depth} dimensions. `
    + `The detected shape was ${shapeStr(shape.slice(0, depth))} + inhomogeneous part.`);
}

function inferShape(v: Nested): number[] {
  const shape: number[] = [];
  let cur: Nested = v;
  while (Array.isArray(cur)) {
    shape.push(cur.length);
    if (cur.length === 0) return shape;
    cur = cur[0];
  }
  if (cur instanceof NDArray) shape.push(...cur.shape);
  return shape;
}

/** np.asarray: the array itself when no conversion is needed. */
export function asarray(value: Nested, dtype?: DType): NDArray {
  if (value instanceof NDArray && (!dtype || dtype === value.dtype)) return value;
  return array(value, dtype);
}

/** A shape as NumPy takes it: an int for 1-d, or a sequence. */
export type ShapeLike = number | Shape;
export const toShape = (s: ShapeLike): Shape => (typeof s === 'number' ? [s] : s);

export const zeros = (shape: ShapeLike, dtype: DType = 'float64'): NDArray => NDArray.empty(toShape(shape), dtype);
export const ones = (shape: ShapeLike, dtype: DType = 'float64'): NDArray => NDArray.full(toShape(shape), 1, dtype);
export const empty = zeros;

/** np.full(shape, value): the dtype follows the value unless given. */
export function full(shape: ShapeLike, value: Scalar, dtype?: DType): NDArray {
  return NDArray.full(toShape(shape), scalarValue(value), dtype ?? scalarDType(value));
}

export const zerosLike = (a: NDArray, dtype?: DType): NDArray => NDArray.empty(a.shape, dtype ?? a.dtype);
export const onesLike = (a: NDArray, dtype?: DType): NDArray => NDArray.full(a.shape, 1, dtype ?? a.dtype);
export const fullLike = (a: NDArray, v: Scalar, dtype?: DType): NDArray => NDArray.full(a.shape, scalarValue(v), dtype ?? a.dtype);

/**
 * np.arange([start,] stop[, step]): ints (bigint) give int64, any float gives float64.
 * With a single argument it is the stop. Like NumPy, it stores start and start + step in the
 * dtype, then fills element i with start + i·delta where delta is their difference there.
 */
export function arange(a: Scalar, b: Scalar | null = null, step: Scalar = 1n, dtype?: DType): NDArray {
  const [start, stop] = b === null ? [0n as Scalar, a] : [a, b];
  const inferred: DType = [start, stop, step].some((x) => typeof x === 'number') ? 'float64' : 'int64';
  const s0 = scalarValue(start), s1 = scalarValue(stop), st = scalarValue(step);
  if (st === 0) throw new EngineError('ZeroDivisionError', inferred === 'float64' ? 'float division by zero' : 'division by zero');
  const n = Math.max(0, Math.ceil((s1 - s0) / st));
  const out = NDArray.empty([n], dtype ?? inferred);
  if (n === 0) return out;
  const d = out.data;
  d[0] = castFloat(s0, out.dtype);
  if (n === 1) return out;
  d[1] = castFloat(typeof start === 'bigint' && typeof step === 'bigint' ? Number(start + step) : s0 + st, out.dtype);
  const v0 = d[0], delta = out.dtype === 'float32' ? Math.fround(d[1] - v0) : d[1] - v0;
  if (out.dtype === 'float32') for (let i = 2; i < n; i++) d[i] = v0 + Math.fround(i * delta);
  else for (let i = 2; i < n; i++) d[i] = v0 + i * delta;
  return out;
}

/** np.linspace(start, stop, num=50, endpoint=True). */
export function linspace(start: number, stop: number, num = 50, endpoint = true, dtype: DType = 'float64'): NDArray {
  if (num < 0) throw valueError(`Number of samples, ${num}, must be non-negative.`);
  const div = endpoint ? num - 1 : num;
  const delta = stop - start;
  const out = NDArray.empty([num], 'float64');
  const d = out.data;
  const step = delta / div;
  for (let i = 0; i < num; i++) {
    d[i] = (div > 0 ? (step === 0 ? (i / div) * delta : i * step) : i * delta) + start;
  }
  if (endpoint && num > 1) d[num - 1] = stop;
  return dtype === 'float64' ? out : out.astype(dtype);
}

/** np.eye(N, M=N, k=0). */
export function eye(n: number, m: number | null = null, k = 0, dtype: DType = 'float64'): NDArray {
  const cols = m ?? n;
  const out = NDArray.empty([n, cols], dtype);
  for (let i = 0; i < n; i++) {
    const j = i + k;
    if (j >= 0 && j < cols) out.data[i * cols + j] = 1;
  }
  return out;
}

export const identity = (n: number, dtype: DType = 'float64'): NDArray => eye(n, null, 0, dtype);

/** np.meshgrid(x, y, …) with indexing='xy' (default) or 'ij'. */
export function meshgrid(xs: NDArray[], indexing: 'xy' | 'ij' = 'xy'): NDArray[] {
  const flat = xs.map((x) => x.ravel());
  const shape = flat.map((x) => x.size);
  if (indexing === 'xy' && shape.length >= 2) [shape[0], shape[1]] = [shape[1], shape[0]];
  return flat.map((x, i) => {
    let axis = i;
    if (indexing === 'xy' && xs.length >= 2 && i < 2) axis = 1 - i;
    const s = shape.map(() => 1);
    s[axis] = x.size;
    return x.reshape(s).broadcastTo(shape).copy();
  });
}
