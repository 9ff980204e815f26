// Products: dot (NumPy's rules for 0-, 1-, 2- and N-d) and matmul (batched, broadcast), with
// NumPy's own choice of BLAS routine per case (blas_dispatch.ts) so float results match its
// OpenBLAS bit for bit. Integer and bool products are exact sums.
import { F32, F64, Prec, dotBlas, matmulCore, noblas, numpyDot } from './blas_dispatch';
import { DType, promote } from './dtype';
import { EngineError, shapeNp } from './errors';
import { NDArray } from './ndarray';
import { binary } from './ufunc';
import { broadcastShapes } from './shape';

/** The BLAS precision of a float dtype. */
function precOf(dtype: DType): Prec | null {
  return dtype === 'float64' ? F64 : dtype === 'float32' ? F32 : null;
}

/** An operand in the product's dtype: NumPy casts to a new array that keeps the memory order. */
function cast(x: NDArray, dtype: DType): NDArray {
  if (x.dtype === dtype) return x;
  return x.astype(dtype === 'bool' ? 'int64' : dtype, true, 'K');
}

/** np.dot(a, b). */
export function dot(a: NDArray, b: NDArray): NDArray {
  if (a.ndim === 0 || b.ndim === 0) return binary('multiply', a, b);
  const K = a.shape[a.ndim - 1];
  const kb = b.ndim === 1 ? 0 : b.ndim - 2;
  if (b.shape[kb] !== K) {
    throw new EngineError('ValueError', `shapes ${shapeNp(a.shape)} and ${shapeNp(b.shape)} not aligned: ${K} (dim ${a.ndim - 1}) != ${b.shape[kb]} (dim ${kb})`);
  }
  const dtype = promote(a.dtype, b.dtype);
  const shape = a.shape.slice(0, -1);
  for (let d = 0; d < b.ndim; d++) if (d !== kb) shape.push(b.shape[d]);
  const out = NDArray.empty(shape, dtype);
  if (out.size === 0 || K === 0) return out;
  const p = precOf(dtype);
  const x = cast(a, dtype), y = cast(b, dtype);
  if (p && a.ndim <= 2 && b.ndim <= 2) {
    dotBlas(p, x, y, out.data as Float64Array | Float32Array);
    return out;
  }
  dotGeneric(p, x, y, kb, out);
  return out;
}

/** PyArray_MatrixProduct2's loop: each output is the dot function of a row of a and a column of b. */
function dotGeneric(p: Prec | null, a: NDArray, b: NDArray, kb: number, out: NDArray): void {
  const K = a.shape[a.ndim - 1];
  const rowsA = a.ndim === 1 ? [a.offset] : offsets(a.shape.slice(0, -1), a.strides.slice(0, -1), a.offset);
  const bOuter = b.shape.filter((_, i) => i !== kb), bStr = b.strides.filter((_, i) => i !== kb);
  const colsB = offsets(bOuter, bStr, b.offset);
  const sa = a.strides[a.ndim - 1], sb = b.strides[kb], o = out.data;
  let w = 0;
  for (const ra of rowsA) {
    for (const cb of colsB) {
      const x = { data: a.data, at: ra, inc: sa }, y = { data: b.data, at: cb, inc: sb };
      if (p) o[w++] = numpyDot(p, K, x, y);
      else {
        let s = 0;
        for (let k = 0; k < K; k++) s += a.data[ra + k * sa] * b.data[cb + k * sb];
        o[w++] = out.dtype === 'bool' ? (s !== 0 ? 1 : 0) : s;
      }
    }
  }
}

/** Element offsets of every index of a shape, in C order. */
function offsets(shape: readonly number[], strides: readonly number[], at: number): number[] {
  let out = [at];
  for (let d = 0; d < shape.length; d++) {
    const next: number[] = [];
    for (const o of out) for (let i = 0; i < shape[d]; i++) next.push(o + i * strides[d]);
    out = next;
  }
  return out;
}

/** np.matmul(a, b) / the `@` operator. */
export function matmul(a: NDArray, b: NDArray): NDArray {
  if (a.ndim === 0 || b.ndim === 0) {
    throw new EngineError('ValueError', `matmul: Input operand ${a.ndim === 0 ? 0 : 1} does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)`);
  }
  const K = a.shape[a.ndim - 1], kb = b.ndim === 1 ? 0 : b.ndim - 2;
  if (b.shape[kb] !== K) {
    throw new EngineError('ValueError', `matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size ${b.shape[kb]} is different from ${K})`);
  }
  const dtype = promote(a.dtype, b.dtype), p = precOf(dtype);
  const x = cast(a, dtype), y = cast(b, dtype);
  const M = a.ndim === 1 ? 1 : a.shape[a.ndim - 2], N = b.ndim === 1 ? 1 : b.shape[b.ndim - 1];
  const batch = a.ndim <= 2 && b.ndim <= 2 ? [] : matmulBatch(a, b, M, N);
  const nb = batch.reduce((s, v) => s * v, 1);
  const shape = [...batch, ...(a.ndim === 1 ? [] : [M]), ...(b.ndim === 1 ? [] : [N])];
  const out = NDArray.empty(shape, dtype);
  const core = (xi: NDArray, yi: NDArray, o: number) => {
    if (p) matmulCore(p, xi, yi, out.data as Float64Array | Float32Array, o);
    else intCore(xi, yi, out, o);
  };
  if (nb === 1 && batch.length === 0) { core(x, y, 0); return out; }
  const xb = x.ndim <= 2 ? x : x.broadcastTo([...batch, ...x.shape.slice(-2)]);
  const yb = y.ndim <= 2 ? y : y.broadcastTo([...batch, ...y.shape.slice(-2)]);
  const idx = new Array<number>(batch.length).fill(0);
  for (let i = 0; i < nb; i++) {
    core(sub(xb, idx), sub(yb, idx), i * M * N);
    for (let d = batch.length - 1; d >= 0 && ++idx[d] === batch[d]; d--) idx[d] = 0;
  }
  return out;
}

/** The core (last one or two axes) of a batched operand at a batch index. */
function sub(x: NDArray, idx: readonly number[]): NDArray {
  const core = Math.min(x.ndim, 2), lead = x.ndim - core;
  if (lead === 0) return x;
  let at = x.offset;
  for (let d = 0; d < lead; d++) at += idx[idx.length - lead + d] * x.strides[d];
  return new NDArray(x.data, x.shape.slice(lead), x.dtype, x.strides.slice(lead), at);
}

/** Integer and bool matmul: exact sums (bool: any product nonzero). */
function intCore(x: NDArray, y: NDArray, out: NDArray, o: number): void {
  const buf = new Float64Array(out.size);
  const M = x.ndim === 1 ? 1 : x.shape[0], N = y.ndim === 1 ? 1 : y.shape[1];
  const a = x.ndim === 2 ? { data: x.data, at: x.offset, rows: M, cols: x.shape[1], rs: x.strides[0], cs: x.strides[1] }
    : { data: x.data, at: x.offset, rows: 1, cols: x.shape[0], rs: 0, cs: x.strides[0] };
  const b = y.ndim === 2 ? { data: y.data, at: y.offset, rows: y.shape[0], cols: N, rs: y.strides[0], cs: y.strides[1] }
    : { data: y.data, at: y.offset, rows: y.shape[0], cols: 1, rs: y.strides[0], cs: 0 };
  noblas(null, a, b, buf, 0);
  const d = out.data;
  for (let i = 0; i < M * N; i++) d[o + i] = out.dtype === 'bool' ? (buf[i] !== 0 ? 1 : 0) : buf[i];
}

/** The broadcast batch shape, or NumPy's error naming both operands with their core dims remapped away. */
function matmulBatch(a: NDArray, b: NDArray, M: number, N: number): number[] {
  const lead = (x: NDArray) => x.ndim <= 2 ? [] : x.shape.slice(0, -2);
  try {
    return broadcastShapes(lead(a), lead(b));
  } catch {
    const remap = (x: NDArray) => `${shapeNp(x.shape)}->(${[...x.shape.slice(0, -2), 'newaxis', 'newaxis'].join(',')})`;
    throw new EngineError('ValueError', `operands could not be broadcast together with remapped shapes [original->remapped]: ${remap(a)} ${remap(b)}  and requested shape (${M},${N})`);
  }
}

/** C = A·B for 2-d A (M×K) and B (K×N) in `dtype`, as np.matmul computes it. */
export function gemm(A: NDArray, B: NDArray, dtype: DType): NDArray {
  const out = NDArray.empty([A.shape[0], B.shape[1]], dtype);
  const p = precOf(dtype);
  if (p) matmulCore(p, cast(A, dtype), cast(B, dtype), out.data as Float64Array | Float32Array, 0);
  else intCore(cast(A, dtype), cast(B, dtype), out, 0);
  return out;
}
