// Generic ufunc.accumulate / ufunc.reduce / ufunc.at for any binary op, applying the op
// step by step along an axis as NumPy's loops do.
import { DType, castFloat, isFloat, promote, wrapInt } from '../../engine/dtype';
import { NDArray, Operand } from '../../engine/ndarray';
import { BinaryOp, binary } from '../../engine/ufunc';
import { Index, Slice } from '../../engine/indexing';
import { normalizeAxis } from '../../engine/shape';
import { scalarBinary } from '../../engine/scalar_ops';
import { valueError } from '../../engine/errors';

/** The view of `a` at position i along `axis`. */
function at(a: NDArray, axis: number, i: number): NDArray {
  return a.get(a.shape.map((_, k) => (k === axis ? i : new Slice())));
}

/** op.accumulate(a, axis): out[i] = op(out[i-1], a[i]), in `dtype`. */
export function accumulate(op: BinaryOp, a: NDArray, axis: number, dtype: DType): NDArray {
  const ax = normalizeAxis(axis, a.ndim);
  const out = a.astype(dtype);
  for (let i = 1; i < a.shape[ax]; i++) binary(op, at(out, ax, i - 1), at(out, ax, i), at(out, ax, i));
  return out;
}

/** op.reduce(a, axis) for ops without a dedicated reduction: a sequential fold along the axis. */
export function foldAxis(op: BinaryOp, a: NDArray, axis: number, keepdims: boolean): NDArray {
  const ax = normalizeAxis(axis, a.ndim);
  const n = a.shape[ax];
  if (n === 0) throw valueError(`zero-size array to reduction operation ${op} which has no identity`);
  let acc = at(a, ax, 0).copy();
  for (let i = 1; i < n; i++) acc = binary(op, acc, at(a, ax, i));
  return keepdims ? acc.expandDims(ax) : acc;
}

/**
 * op.at(a, index, b): unbuffered, element by element in index order, so repeated indices
 * apply repeatedly. Results are cast back to a's dtype.
 */
export function ufuncAt(op: BinaryOp, a: NDArray, index: Index, b: Operand | null): void {
  a.checkWritable();
  const positions = NDArray.from(Float64Array.from({ length: a.size }, (_, i) => i), a.shape, 'int64').get(index);
  const pos = positions.values();
  const bd = b instanceof NDArray ? b.dtype : null;
  const loop = bd ? promote(a.dtype, bd) : a.dtype;
  const f = scalarBinary(op, isFloat(loop) || b === null || typeof b !== 'number' ? loop : 'float64');
  const vals = b instanceof NDArray ? b.broadcastTo(positions.shape).values() : null;
  const one = b === null || b instanceof NDArray ? 0 : Number(b);
  const store = isFloat(a.dtype) ? null : isFloat(loop) || typeof b === 'number' ? castFloat : wrapInt;
  for (let i = 0; i < pos.length; i++) {
    const off = offsetOf(a, pos[i]);
    const r = f(a.data[off], vals ? vals[i] : one);
    a.data[off] = store ? store(r, a.dtype) : r;
  }
}

/** Buffer offset of the element at C-order flat index i. */
function offsetOf(a: NDArray, i: number): number {
  let off = a.offset;
  for (let d = a.ndim - 1; d >= 0; d--) {
    const n = a.shape[d];
    off += (i % n) * a.strides[d];
    i = Math.floor(i / n);
  }
  return off;
}
