// Products: dot (NumPy's rules for 0-, 1-, 2- and N-d) and matmul (batched, broadcast).
import { DType, Storage, allocate, promote } from './dtype';
import { EngineError, shapeNp } from './errors';
import { NDArray } from './ndarray';
import { binary } from './ufunc';
import { gemmPacked } from './gemm_packed';
import { broadcastShapes } from './shape';

/** np.dot(a, b). */
export function dot(a: NDArray, b: NDArray): NDArray {
  if (a.ndim === 0 || b.ndim === 0) return binary('multiply', a, b);
  const K = a.shape[a.ndim - 1];
  const kb = b.ndim === 1 ? 0 : b.ndim - 2;
  if (b.shape[kb] !== K) {
    throw new EngineError('ValueError', `shapes ${shapeNp(a.shape)} and ${shapeNp(b.shape)} not aligned: ${K} (dim ${a.ndim - 1}) != ${b.shape[kb]} (dim ${kb})`);
  }
  const dtype = promote(a.dtype, b.dtype);
  if (a.ndim === 2 && b.ndim === 2) return gemm(a, b, dtype);
  const M = a.shape.slice(0, -1).reduce((x, y) => x * y, 1);
  const a2 = a.reshape(M, K);
  let b2: NDArray, bShape: number[];
  if (b.ndim === 1) { b2 = b.reshape(K, 1); bShape = []; }
  else {
    const perm = [kb, ...b.shape.map((_, i) => i).filter((i) => i !== kb)];
    bShape = perm.slice(1).map((i) => b.shape[i]);
    b2 = b.transpose(perm).reshape(K, bShape.reduce((x, y) => x * y, 1));
  }
  const c = gemm(a2, b2, dtype);
  return c.reshape([...a.shape.slice(0, -1), ...bShape]);
}

/** np.matmul(a, b) / the `@` operator. */
export function matmul(a: NDArray, b: NDArray): NDArray {
  if (a.ndim === 0 || b.ndim === 0) {
    throw new EngineError('ValueError', `matmul: Input operand ${a.ndim === 0 ? 0 : 1} does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)`);
  }
  const a2 = a.ndim === 1 ? a.reshape(1, a.shape[0]) : a;
  const b2 = b.ndim === 1 ? b.reshape(b.shape[0], 1) : b;
  const K = a2.shape[a2.ndim - 1];
  if (b2.shape[b2.ndim - 2] !== K) {
    throw new EngineError('ValueError', `matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size ${b2.shape[b2.ndim - 2]} is different from ${K})`);
  }
  const dtype = promote(a.dtype, b.dtype);
  if (a2.ndim === 2 && b2.ndim === 2) {
    const c = gemm(a2, b2, dtype);
    return a.ndim === 1 || b.ndim === 1 ? c.reshape(a.ndim === 1 ? (b.ndim === 1 ? [] : [c.shape[1]]) : [c.shape[0]]) : c;
  }
  const M = a2.shape[a2.ndim - 2], N = b2.shape[b2.ndim - 1];
  const batch = matmulBatch(a2, b2, M, N);
  const ab = a2.broadcastTo([...batch, M, K]), bb = b2.broadcastTo([...batch, K, N]);
  const nb = batch.reduce((x, y) => x * y, 1);
  const out = NDArray.empty([...batch, M, N], dtype);
  const am = ab.reshape(nb, M, K), bm = bb.reshape(nb, K, N);
  for (let i = 0; i < nb; i++) {
    const c = gemm(sub2(am, i), sub2(bm, i), dtype);
    out.data.set(c.data as never, i * M * N);
  }
  const shape = [...batch, ...(a.ndim === 1 ? [] : [M]), ...(b.ndim === 1 ? [] : [N])];
  return out.reshape(shape);
}

/** The broadcast batch shape, or NumPy's error naming both operands with their core dims remapped away. */
function matmulBatch(a: NDArray, b: NDArray, M: number, N: number): number[] {
  try {
    return broadcastShapes(a.shape.slice(0, -2), b.shape.slice(0, -2));
  } catch {
    const remap = (x: NDArray) => `${shapeNp(x.shape)}->(${[...x.shape.slice(0, -2), 'newaxis', 'newaxis'].join(',')})`;
    throw new EngineError('ValueError', `operands could not be broadcast together with remapped shapes [original->remapped]: ${remap(a)} ${remap(b)}  and requested shape (${M},${N})`);
  }
}

function sub2(a: NDArray, i: number): NDArray {
  return new NDArray(a.data, a.shape.slice(1), a.dtype, a.strides.slice(1), a.offset + i * a.strides[0]);
}

/** C = A·B for 2-d A (M×K) and B (K×N), accumulating in float64, stored in `dtype`. */
export function gemm(A: NDArray, B: NDArray, dtype: DType): NDArray {
  const [M, K] = A.shape, N = B.shape[1];
  if (M * K * N >= 1 << 17 && A.dtype !== 'bool' && B.dtype !== 'bool' && M >= 4 && N >= 4) {
    // Large products: packed panels and a register-blocked kernel (any layout, no copies).
    const out = allocate(dtype, M * N);
    const acc = dtype === 'float64' || dtype === 'int64' ? (out as Float64Array) : new Float64Array(M * N);
    gemmPacked(A, B, acc, M, K, N);
    if (acc !== out) out.set(acc as never);
    return new NDArray(out, [M, N], dtype);
  }
  // A transposed view (x.T, W.T in backward) is read in place: no copy.
  const aT = isTransposed(A), bT = isTransposed(B);
  const a = aT || (A.contiguous && A.dtype !== 'bool') ? A : A.astype(A.dtype === 'bool' ? 'int64' : A.dtype);
  const b = bT || (B.contiguous && B.dtype !== 'bool') ? B : B.astype(B.dtype === 'bool' ? 'int64' : B.dtype);
  const direct = dtype === 'float64' || dtype === 'int64';
  const out = allocate(dtype, M * N);
  const acc = direct ? (out as Float64Array) : new Float64Array(M * N);
  if (aT && !bT) kernelTN(a.data, a.offset, b.data, b.offset, acc, M, K, N);
  else if (bT && !aT) kernelNT(a.data, a.offset, b.data, b.offset, acc, M, K, N);
  else if (aT && bT) kernel(A.copy().data, 0, b.contiguous ? b.data : B.copy().data, 0, acc, M, K, N);
  else kernel(a.data, a.offset, b.data, b.offset, acc, M, K, N);
  if (!direct) {
    if (dtype === 'bool') for (let i = 0; i < acc.length; i++) out[i] = acc[i] !== 0 ? 1 : 0;
    else out.set(acc as never);
  }
  return new NDArray(out, [M, N], dtype);
}

/** A 2-d float view that is the transpose of a C-contiguous matrix (strides [1, rows]). */
function isTransposed(X: NDArray): boolean {
  return X.ndim === 2 && !X.contiguous && X.strides[0] === 1 && X.strides[1] === X.shape[0] && X.dtype !== 'bool' && X.shape[0] > 1 && X.shape[1] > 1;
}

/** C = Aᵀ·B where A is stored K×M. */
function kernelTN(A: Storage, ao: number, B: Storage, bo: number, C: Float64Array, M: number, K: number, N: number): void {
  for (let k = 0; k < K; k++) {
    const ar = ao + k * M, br = bo + k * N;
    for (let i = 0; i < M; i++) {
      const x = A[ar + i], c = i * N;
      for (let j = 0; j < N; j++) C[c + j] += x * B[br + j];
    }
  }
}

/** C = A·Bᵀ where B is stored N×K: dot products of rows. */
function kernelNT(A: Storage, ao: number, B: Storage, bo: number, C: Float64Array, M: number, K: number, N: number): void {
  for (let i = 0; i < M; i++) {
    const ar = ao + i * K;
    for (let j = 0; j < N; j++) {
      const br = bo + j * K;
      let s = 0;
      for (let k = 0; k < K; k++) s += A[ar + k] * B[br + k];
      C[i * N + j] = s;
    }
  }
}

const KB = 128;

/** Blocked i-k-j product, four rows of A at a time so each row of B is read once per block. */
function kernel(A: Storage, ao: number, B: Storage, bo: number, C: Float64Array, M: number, K: number, N: number): void {
  for (let k0 = 0; k0 < K; k0 += KB) {
    const k1 = Math.min(K, k0 + KB);
    let i = 0;
    for (; i + 4 <= M; i += 4) {
      const c0 = i * N, c1 = c0 + N, c2 = c1 + N, c3 = c2 + N;
      const a0 = ao + i * K, a1 = a0 + K, a2 = a1 + K, a3 = a2 + K;
      for (let k = k0; k < k1; k++) {
        const x0 = A[a0 + k], x1 = A[a1 + k], x2 = A[a2 + k], x3 = A[a3 + k];
        const br = bo + k * N;
        for (let j = 0; j < N; j++) {
          const y = B[br + j];
          C[c0 + j] += x0 * y;
          C[c1 + j] += x1 * y;
          C[c2 + j] += x2 * y;
          C[c3 + j] += x3 * y;
        }
      }
    }
    for (; i < M; i++) {
      const c0 = i * N, a0 = ao + i * K;
      for (let k = k0; k < k1; k++) {
        const x0 = A[a0 + k], br = bo + k * N;
        for (let j = 0; j < N; j++) C[c0 + j] += x0 * B[br + j];
      }
    }
  }
}
